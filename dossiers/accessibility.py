"""Accessibility of every form field the admin renders (WCAG 2.1 AA, issue 20).

Wagtail renders each field through its ``formattedfield`` tag (``wagtailadmin/shared/field.html``
includes it too). Two things are wrong there for assistive technology, and both are fixed here
for every form of the project and of Wagtail at once:

- Django points a field's ``aria-describedby`` at ``id_<field>_helptext`` and ``id_<field>_error``,
  while Wagtail gives the help text ``id_<field>-helptext`` and the error no id at all. When the
  caller passes no ids of its own (a ``FieldPanel`` does, and they agree), the help text and the
  error get Django's ids, so every reference points at an element that exists.
- A radio or checkbox group gets a ``<label>`` without ``for``. The project's template
  (``templates/wagtailadmin/shared/formatted_field.html``) renders such a group as a
  ``<fieldset>`` with the question as ``<legend>``, describes the group by its help text and
  error, and says "verplicht" to assistive technology when an answer is required.

``install()`` wraps the tag once, from ``DossiersConfig.ready``.
"""

import functools

from django import forms

GROUP_WIDGETS = (forms.RadioSelect, forms.CheckboxSelectMultiple)


def is_group_widget(widget) -> bool:
    """Radio buttons, checkboxes, or a widget of several inputs that says so (``is_group``)."""
    return isinstance(widget, GROUP_WIDGETS) or getattr(widget, "is_group", False)


def field_context(context: dict, field, explicit: dict) -> dict:
    """Add what the field template needs to tie help text and errors to a field or group.

    ``explicit`` holds the arguments the caller passed: ids given there are kept (a
    ``FieldPanel`` passes its own and refers to them itself)."""
    if field is None or not hasattr(field, "auto_id"):
        return context
    context["is_group"] = is_group = is_group_widget(field.field.widget)
    auto_id = field.auto_id
    if not auto_id:
        return context
    if not explicit.get("error_message_id"):
        context["error_message_id"] = f"{auto_id}_error"
    if not explicit.get("help_text_id"):
        context["help_text_id"] = f"{auto_id}_helptext" if context.get("help_text") else ""
    if is_group:
        described_by = [context["help_text_id"]] if context["help_text_id"] else []
        if context.get("has_errors"):
            described_by.append(context["error_message_id"])
        context["group_id"] = f"{auto_id}_group"
        context["group_describedby"] = " ".join(described_by)
    return context


def rendered_widget(field, explicit: dict) -> str:
    """The widget, described by the ids the template gives its help text and error.

    (Wagtail's own rendering refers to ``<id>-helptext`` and never to the error.) Groups are
    described on their fieldset instead; a widget that renders its own errors is left alone.
    """
    widget = field.field.widget
    if field.errors and hasattr(widget, "render_with_errors"):
        from wagtail.admin.templatetags.wagtailadmin_tags import render_with_errors

        return render_with_errors(field)
    if is_group_widget(widget) or not field.auto_id:
        return field.as_widget()
    described_by = []
    if explicit.get("help_text") or field.help_text:
        described_by.append(explicit.get("help_text_id") or f"{field.auto_id}_helptext")
    if field.errors:
        described_by.append(explicit.get("error_message_id") or f"{field.auto_id}_error")
    return field.as_widget(
        attrs={"aria-describedby": " ".join(described_by)} if described_by else None
    )


def install() -> None:
    """Wrap Wagtail's ``formattedfield`` tag (and the ``field.html`` include that calls it)."""
    from wagtail.admin.templatetags import wagtailadmin_tags

    original = wagtailadmin_tags.formattedfield
    if getattr(original, "accessible", False):
        return

    @functools.wraps(original)
    def formattedfield(*args, **kwargs):
        field = kwargs.get("field", args[0] if args else None)
        explicit = dict(kwargs)
        if len(args) < 2 and not kwargs.get("rendered_field") and hasattr(field, "auto_id"):
            kwargs["rendered_field"] = rendered_widget(field, kwargs)
        context = original(*args, **kwargs)
        return field_context(context, field, explicit)

    formattedfield.accessible = True
    wagtailadmin_tags.formattedfield = formattedfield  # used by formattedfieldfromcontext
    wagtailadmin_tags.register.inclusion_tag("wagtailadmin/shared/formatted_field.html")(
        formattedfield
    )


def register_hooks() -> None:
    """Global admin CSS and JS (focus, underlined links, the error summary, Draftail's name)
    and the help menu's link to the accessibility statement."""
    from django.templatetags.static import static
    from django.urls import reverse
    from django.utils.html import format_html_join
    from django.utils.translation import gettext_lazy as _
    from wagtail import hooks
    from wagtail.admin.menu import MenuItem

    @hooks.register("insert_global_admin_css")
    def accessibility_css():
        return format_html_join(
            "", '<link rel="stylesheet" href="{}">', [(static("a11y/a11y.css"),)]
        )

    @hooks.register("insert_global_admin_js")
    def accessibility_js():
        return format_html_join(
            "",
            '<script src="{}" defer></script>',
            [(static("a11y/error_summary.js"),), (static("a11y/draftail_name.js"),)],
        )

    @hooks.register("register_help_menu_item")
    def accessibility_statement_menu_item():
        return MenuItem(
            _("Toegankelijkheidsverklaring"),
            reverse("accessibility_statement"),
            icon_name="help",
            name="accessibility-statement",
            order=900,
        )

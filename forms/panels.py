"""Admin panels of the form builder.

``CspInlinePanel``: Wagtail 8.0.1's InlinePanel starts itself with an inline ``<script>``, which
the CSP (``script-src 'self'``) blocks, so the "add field" button does nothing. This panel puts
the options in a JSON data element and starts the panel from a static file instead. It also
takes the form class of each row (``child_form``), so bound rows can lock what is fixed.

``BindingPanel``: on a bound row, says what the field is bound to and why it stays.
"""

from django.utils.module_loading import import_string
from wagtail.admin.panels import InlinePanel, Panel


class CspInlinePanel(InlinePanel):
    def __init__(self, *args, child_form=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.child_form = child_form

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "child_form": self.child_form}

    def get_form_options(self):
        options = super().get_form_options()
        if self.child_form:
            form = self.child_form
            if isinstance(form, str):
                form = import_string(form)
            options["formsets"][self.relation_name]["form"] = form
        return options

    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "structuredforms/panels/inline_panel.html"

        class Media:
            js = ["structuredforms/js/inline-panel.js"]


class BindingPanel(Panel):
    """Read-only note on a bound field row: bound to what, and why it cannot go."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "structuredforms/panels/binding.html"

        @property
        def binding(self):
            from forms.bindings import binding_get

            instance = self.instance
            if instance is None or not getattr(instance, "binding", ""):
                return None
            definition = getattr(instance, "definition", None)
            slug = getattr(definition, "slug", "") if definition is not None else ""
            return binding_get(slug, instance.binding)

        def is_shown(self):
            return bool(getattr(self.instance, "binding", ""))

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["binding"] = self.binding
            context["binding_name"] = getattr(self.instance, "binding", "")
            return context

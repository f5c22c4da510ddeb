"""The error summary at the top of a form (``templates/includes/form_error_summary.html``)."""

from django import template
from django.forms.widgets import MultiWidget

from dossiers.accessibility import GROUP_WIDGETS

register = template.Library()


def _anchor(field) -> str:
    """The id of the control a summary link moves to: the first option of a group."""
    widget = field.field.widget
    if isinstance(widget, (*GROUP_WIDGETS, MultiWidget)) and field.auto_id:
        return f"{field.auto_id}_0"
    return field.id_for_label or field.auto_id or ""


def _form_entries(form) -> tuple[list, list]:
    general, entries = list(form.non_field_errors()), []
    for field in form:
        if field.errors:
            if field.is_hidden:
                general.extend(field.errors)
            else:
                entries.append((_anchor(field), field.label, field.errors))
    return general, entries


@register.simple_tag
def form_error_entries(*forms):
    """(anchor, label, messages) for the errors that belong to no field (anchor and label
    empty), then for every field with an error, in form order. Takes forms and formsets;
    ``None`` (a form the page does not have) is skipped."""
    general, entries = [], []
    for form in forms:
        if not form:
            continue
        if hasattr(form, "management_form"):  # a formset
            if not form.is_bound:
                continue
            general.extend(form.non_form_errors())
            members = form.forms
        else:
            members = [form]
        for member in members:
            if member.is_bound and member.errors:
                more_general, more_entries = _form_entries(member)
                general.extend(more_general)
                entries.extend(more_entries)
    return ([("", "", general)] if general else []) + entries

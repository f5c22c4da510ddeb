"""``{% dossier_list_matches dossier as list_matches %}``: the dossier's matches in the imported
lists of other approaches, for the assessment page and the agenda item (display only)."""

from django import template

from dossiers.selectors.duplicates import dossier_list_matches as _matches

register = template.Library()


@register.simple_tag
def dossier_list_matches(dossier):
    return _matches(dossier) if dossier is not None else []

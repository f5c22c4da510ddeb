"""The dry-run page's summary and pages: counts over every planned row and every error,
while only one page of rows and one page of errors is shown (a file may hold thousands)."""

from django.core.paginator import Page, Paginator
from django.utils.translation import gettext_lazy as _

from reports.importers import base

PER_PAGE = 100
ACTION_LABELS = {
    "create": _("Nieuw"),
    "update": _("Wijzigen"),
    "unchanged": _("Ongewijzigd"),
    "delete": _("Verwijderen (niet meer op de lijst)"),
    base.SKIP: _("Overgeslagen"),
}
ERROR_KIND_LABELS = {
    base.FILE: _("Bestand of kopregel"),
    base.REQUIRED: _("Verplicht veld leeg"),
    base.FORMULA: _("Formule"),
    base.CHOICE: _("Onbekende waarde"),
    base.LENGTH: _("Te lang"),
    base.DATE: _("Datum"),
    base.DUPLICATE: _("Dubbel"),
    base.OTHER: _("Overige controles"),
}


def action_counts(rows: list) -> list[tuple[str, int]]:
    """(label, count) per action over all stored rows [row, action, label], in a fixed order."""
    counts: dict[str, int] = {}
    for _row, action, _label in rows:
        counts[action] = counts.get(action, 0) + 1
    return [(ACTION_LABELS[a], counts[a]) for a in ACTION_LABELS if a in counts]


def change_count(rows: list) -> int:
    return sum(1 for _row, action, _label in rows if action not in base.NO_CHANGE)


def error_kind_counts(errors: list) -> list[tuple[str, int]]:
    """(label, count) per error kind over all stored errors [row, column, message, kind];
    errors stored before kinds were kept count as "other"."""
    counts: dict[str, int] = {}
    for error in errors:
        kind = error[3] if len(error) > 3 else base.OTHER
        counts[kind] = counts.get(kind, 0) + 1
    return [(ERROR_KIND_LABELS[k], counts[k]) for k in ERROR_KIND_LABELS if k in counts]


def rows_page(rows: list, number) -> Page:
    """One page of (row, action label, key)."""
    page = Paginator(rows, PER_PAGE).get_page(number)
    page.object_list = [(r, ACTION_LABELS.get(a, a), label) for r, a, label in page.object_list]
    return page


def errors_page(errors: list, number) -> Page:
    """One page of (row, column, message)."""
    page = Paginator(errors, PER_PAGE).get_page(number)
    page.object_list = [tuple(error[:3]) for error in page.object_list]
    return page

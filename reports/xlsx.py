"""Helpers for every workbook the system writes (the writer itself: ``reports.spreadsheets``)."""

from reports.spreadsheets import DANGEROUS_PREFIXES, is_dangerous

__all__ = ["DANGEROUS_PREFIXES", "safe_cell"]


def safe_cell(value):
    """A visible ``'`` before text a spreadsheet would evaluate (S8), for places that cannot
    set a cell type (chart titles, plain text); workbooks use ``spreadsheets.xlsx_cell``."""
    if is_dangerous(value):
        return "'" + value
    return value

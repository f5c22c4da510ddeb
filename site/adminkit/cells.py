"""The formula-injection rule for spreadsheet cells (S8), for every workbook the system writes.

The safe writer (``reports.spreadsheets``) applies it to every cell; ``safe_cell`` is for the
places that cannot set a cell type (chart titles, plain text).
"""

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


def is_dangerous(value) -> bool:
    """Whether a spreadsheet would evaluate ``value`` as a formula."""
    return isinstance(value, str) and value.startswith(DANGEROUS_PREFIXES)


def safe_cell(value):
    """A visible ``'`` before text a spreadsheet would evaluate (S8), for places that cannot
    set a cell type (chart titles, plain text); workbooks use ``spreadsheets.xlsx_cell``."""
    if is_dangerous(value):
        return "'" + value
    return value

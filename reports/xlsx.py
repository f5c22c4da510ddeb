"""Helpers for every workbook the system writes."""

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Neutralise formula injection: prefix ``'`` to strings a spreadsheet would evaluate (S8)."""
    if isinstance(value, str) and value.startswith(DANGEROUS_PREFIXES):
        return "'" + value
    return value

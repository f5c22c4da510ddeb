"""Helpers for every workbook the system writes."""

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Neutralise formula injection: prefix ``'`` to strings a spreadsheet would evaluate (S8)."""
    if isinstance(value, str) and value.startswith(DANGEROUS_PREFIXES):
        return "'" + value
    return value


class SafeSpreadsheetExportMixin:
    """For Wagtail listings with ``list_export``: every exported xlsx/csv value goes through
    ``safe_cell`` (Wagtail only retypes cells openpyxl takes for formulas, and not in csv)."""

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(super().preprocess_field_value(field, value, export_format))

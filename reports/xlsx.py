"""Helpers for every workbook the system writes (the writer itself: ``reports.spreadsheets``)."""

from reports.spreadsheets import DANGEROUS_PREFIXES, csv_lines, is_dangerous

__all__ = ["DANGEROUS_PREFIXES", "SafeSpreadsheetExportMixin", "safe_cell"]


def safe_cell(value):
    """A visible ``'`` before text a spreadsheet would evaluate (S8), for places that cannot
    set a cell type (chart titles, plain text); workbooks use ``spreadsheets.xlsx_cell``."""
    if is_dangerous(value):
        return "'" + value
    return value


class SafeSpreadsheetExportMixin:
    """For Wagtail listings whose ``list_export`` holds callables (so they cannot use the
    streaming ``reports.listing_export``): xlsx cells that look like formulas stay text, and
    CSV goes through the safe CSV writer (every field quoted, neutralised, Dutch dialect)."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return safe_cell(value) if export_format == self.FORMAT_XLSX else value

    def stream_csv(self, queryset):
        headers = [self.get_heading(queryset, field) for field in self.list_export]
        rows = (
            [
                self.preprocess_field_value(field, value, self.FORMAT_CSV)
                for field, value in self.to_row_dict(item).items()
            ]
            for item in queryset
        )
        dialect = "comma" if self.request.GET.get("dialect") == "comma" else "excel-nl"
        for line in csv_lines(headers=headers, rows=rows, dialect=dialect):
            yield line.encode("utf-8")

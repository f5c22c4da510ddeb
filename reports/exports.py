"""The monitor as a formatted workbook: the screen's tables, suppressed, plus a chart sheet each."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font, PatternFill

from reports.periods import Period
from reports.selectors import Table
from reports.xlsx import safe_cell

HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")


def monitor_workbook(*, period: Period, tables: list[Table]) -> bytes:
    """Write ``tables`` (suppressed) to an xlsx with one bar chart sheet per table."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Monitor")
    sheet.append([safe_cell(_("Monitor radicalisering")), safe_cell(period.label)])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([safe_cell(_("Aantallen onder de 5 worden getoond als <5."))])
    sheet.column_dimensions["A"].width = 60
    sheet.column_dimensions["B"].width = 14
    for table in tables:
        sheet.append([])
        sheet.append([safe_cell(table.title)])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True, size=12)
        sheet.append([_("Categorie"), _("Aantal")])
        header_row = sheet.max_row
        for cell in sheet[header_row]:
            cell.font, cell.fill = Font(bold=True), HEADER_FILL
        for label, value in table.shown:
            sheet.append([safe_cell(label), safe_cell(value)])
        if table.rows:
            _add_chart_sheet(workbook, sheet, table, header_row)
    return _to_bytes(workbook)


def _add_chart_sheet(workbook, sheet, table: Table, header_row: int) -> None:
    chart = BarChart()
    chart.type = "bar"
    chart.title = table.title
    chart.legend = None
    last = header_row + len(table.rows)
    chart.add_data(
        Reference(sheet, min_col=2, min_row=header_row, max_row=last), titles_from_data=True
    )
    chart.set_categories(Reference(sheet, min_col=1, min_row=header_row + 1, max_row=last))
    chartsheet = workbook.create_chartsheet(
        title=_("Grafiek %(n)s") % {"n": len(workbook.chartsheets) + 1}
    )
    chartsheet.add_chart(chart)


def _to_bytes(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

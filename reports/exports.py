"""The monitor as a formatted workbook: the screen's tables, suppressed, plus a chart sheet each."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.drawing.spreadsheet_drawing import AbsoluteAnchor
from openpyxl.drawing.xdr import XDRPoint2D, XDRPositiveSize2D
from openpyxl.styles import Alignment, Font
from openpyxl.utils.units import cm_to_EMU

from adminkit.cells import is_dangerous, safe_cell
from reports.periods import Period
from reports.selectors import Table
from reports.spreadsheets import HEADER_FILL, HEADER_FONT

# Every font names its face: without a name LibreOffice shows a serif.
TITLE_FONT = Font(name=HEADER_FONT.name, bold=True, size=14)
TABLE_TITLE_FONT = Font(name=HEADER_FONT.name, bold=True, size=12)
RIGHT = Alignment(horizontal="right")
# A chart sheet's chart needs an explicit position and size: openpyxl's default anchor is
# 0x0, which Excel stretches to the sheet but LibreOffice draws as nothing (issue 16).
CHART_WIDTH_CM, CHART_HEIGHT_CM = 27, 17


def monitor_workbook(*, period: Period, tables: list[Table]) -> bytes:
    """Write ``tables`` (suppressed) to an xlsx with one bar chart sheet per table."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Monitor")
    _append(sheet, [_("Monitor radicalisering"), period.label])
    sheet["A1"].font = TITLE_FONT
    _append(sheet, [_("Aantallen onder de 5 worden getoond als <5.")])
    sheet.column_dimensions["A"].width = 90  # the longest risk group reads in full
    sheet.column_dimensions["B"].width = 14
    # Printed (or as PDF): both columns on one page wide, the counts beside their categories.
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    for table in tables:
        sheet.append([])
        _append(sheet, [table.title])
        sheet.cell(sheet.max_row, 1).font = TABLE_TITLE_FONT
        sheet.append([_("Categorie"), _("Aantal")])
        header_row = sheet.max_row
        for cell in sheet[header_row]:
            cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        for label, value in table.shown:
            _append(sheet, [label, value])
            sheet.cell(sheet.max_row, 2).alignment = RIGHT  # "<5" lines up with the numbers
        if table.rows:
            _add_chart_sheet(workbook, sheet, table, header_row)
    return _to_bytes(workbook)


def _append(sheet, values: list) -> None:
    """Append a row; text a spreadsheet would evaluate stays text (S8), without apostrophe."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if is_dangerous(cell.value):
            cell.data_type = "s"
            cell.quotePrefix = True


def _add_chart_sheet(workbook, sheet, table: Table, header_row: int) -> None:
    chart = BarChart()
    chart.type = "bar"
    chart.title = safe_cell(table.title)
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
    chart.anchor = chart_anchor()


def chart_anchor() -> AbsoluteAnchor:
    """Top left, landscape A4-sized: what LibreOffice and Excel both draw."""
    return AbsoluteAnchor(
        pos=XDRPoint2D(x=0, y=0),
        ext=XDRPositiveSize2D(cx=cm_to_EMU(CHART_WIDTH_CM), cy=cm_to_EMU(CHART_HEIGHT_CM)),
    )


def _to_bytes(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

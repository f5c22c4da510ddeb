"""Workbooks for the import tests, built in memory."""

import io

from openpyxl import Workbook


def xlsx(sheet: str, header: list, rows: list, *, extra_sheet=None, merge=None) -> bytes:
    workbook = Workbook()
    ws = workbook.active
    ws.title = sheet
    ws.append(header)
    for row in rows:
        ws.append(row)
    if merge:
        ws.merge_cells(merge)
    if extra_sheet:
        workbook.create_sheet(extra_sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

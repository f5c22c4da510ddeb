"""Row counts come from streaming the sheet, never from its dimension element (issue 16)."""

import io
import re
import zipfile

from openpyxl import Workbook

from reports.importers.base import count_rows


def _write_only(rows: int) -> bytes:
    workbook = Workbook(write_only=True)  # writes no <dimension> element
    sheet = workbook.create_sheet("Blad")
    sheet.append(["Naam", "Datum"])
    for i in range(rows):
        sheet.append([f"Fictief {i}", "3-4-2027"])
    sheet.append([None, None])  # an empty row is not counted
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _with_dimension(content: bytes, ref: str) -> bytes:
    """The same workbook with a (lying) dimension element."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb"<sheetData", f'<dimension ref="{ref}"/><sheetData'.encode(), data)
            target.writestr(item, data)
    return out.getvalue()


def test_a_workbook_without_dimension_is_counted_by_streaming():
    content = _write_only(1500)
    assert b"<dimension" not in zipfile.ZipFile(io.BytesIO(content)).read(
        "xl/worksheets/sheet1.xml"
    )
    assert count_rows(content, "Blad") == 1500


def test_a_lying_dimension_is_ignored():
    assert count_rows(_with_dimension(_write_only(25), "A1:B1"), "Blad") == 25


def test_unreadable_or_missing_sheet_counts_zero():
    assert count_rows(b"not a zip", "Blad") == 0
    assert count_rows(_write_only(3), "Ander blad") == 0

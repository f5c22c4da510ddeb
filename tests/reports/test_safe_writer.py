"""The one safe writer (S8): no formula cell in any xlsx or CSV, whatever the text holds."""

import csv
import datetime
import io
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from reports.spreadsheets import SafeXlsxWriter, csv_bytes, csv_text, xlsx_cell, xlsx_value

DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "\n")


def is_formula(cell: str) -> bool:
    """What a spreadsheet may evaluate: = + - @ first, or after leading tabs/line breaks
    (a cell of line breaks alone, left by reading with the other separator, holds nothing)."""
    return cell.lstrip("\t\r\n").startswith(("=", "+", "-", "@"))


HOSTILE = st.text(alphabet=st.sampled_from(list("=+-@\t\r\n;,\"' aZ1é")), max_size=12)


def _read_all_dialects(content: bytes) -> list[str]:
    text = content.decode("utf-8-sig")
    cells = []
    for delimiter in (";", ","):
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            cells += row
    return cells


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(HOSTILE, min_size=1, max_size=3), min_size=1, max_size=3))
def test_no_csv_cell_is_a_formula_read_with_either_separator(rows):
    for dialect in ("excel-nl", "comma"):
        content = csv_bytes(headers=["a", "b", "c"], rows=rows, dialect=dialect)
        cells = _read_all_dialects(content)
        assert not [cell for cell in cells if is_formula(cell)], (dialect, cells)
        assert len(content.decode("utf-8-sig").splitlines()) == len(rows) + 1  # no extra rows


def test_the_cases_the_penetration_test_found():
    # "Jan;=1+1;" became a formula with ";" as separator; a CR started a new row.
    content = csv_bytes(headers=["naam"], rows=[["Jan;=1+1;"], ["x\r=2+2"]])
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows == [["naam"], ["Jan;'=1+1;"], ["x '=2+2"]] or rows == [
        ["naam"],
        ["Jan;'=1+1;"],
        ["x =2+2"],
    ]
    assert b'"Jan;' in content  # every field quoted


def test_csv_text_rules():
    assert csv_text("=1+1") == "'=1+1"
    assert csv_text("Jan") == "Jan"
    assert csv_text("a\r\nb") == "a b"
    assert csv_text("a,=b") == "a,'=b"
    assert csv_text("a, -b") == "a, '-b"


@settings(max_examples=100, deadline=None)
@given(st.lists(HOSTILE, min_size=1, max_size=5))
def test_no_xlsx_cell_is_a_formula(values):
    writer = SafeXlsxWriter(title="Test", headers=[f"k{i}" for i in range(len(values))])
    writer.write_row(values)
    buffer = io.BytesIO()
    writer.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")
    rows = CalamineWorkbook.from_filelike(io.BytesIO(buffer.getvalue())).get_sheet_by_index(0)
    shown = (rows.to_python() + [[]])[1]
    expected = [v.replace("\r\n", "\n").replace("\r", "\n") for v in values]
    assert [c.strip() for c in shown if c.strip()] == [e.strip() for e in expected if e.strip()]


def test_xlsx_dates_and_layout():
    writer = SafeXlsxWriter(title="Lijst: a/b", headers=["Datum", "Naam"], widths=[12, 30])
    writer.write_row([datetime.date(2027, 4, 3), "Jan"])
    buffer = io.BytesIO()
    writer.save(buffer)
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(buffer.getvalue()))
    assert workbook.sheet_names == ["Lijst  a b"]
    assert workbook.get_sheet_by_index(0).to_python() == [
        ["Datum", "Naam"],
        [datetime.date(2027, 4, 3), "Jan"],
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            HOSTILE,
            st.sampled_from(["#N/A", "#REF!", "a\x01b", "x" * 32768, "Jan", ""]),
            st.none(),
            st.booleans(),
            st.integers(),
            st.floats(allow_nan=False, allow_infinity=False),
            st.dates(),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_plain_values_write_the_very_cells_the_cell_objects_write(values):
    """Issue 17: ``write_row`` hands openpyxl plain values where it may; the sheet is the same,
    byte for byte, as with a cell object for every value."""

    def sheet_xml(cells) -> bytes:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Test")
        sheet.append(cells(sheet))
        buffer = io.BytesIO()
        workbook.save(buffer)
        with zipfile.ZipFile(buffer) as archive:
            return archive.read("xl/worksheets/sheet1.xml")

    assert sheet_xml(lambda sheet: [xlsx_value(sheet, v) for v in values]) == sheet_xml(
        lambda sheet: [xlsx_cell(sheet, v) for v in values]
    )


def test_every_row_keeps_its_own_dates_and_their_format():
    """Issue 17: ``write_row`` reuses one date cell per column; each row still holds its own."""
    from django.utils import timezone
    from openpyxl import load_workbook

    writer = SafeXlsxWriter(title="Data", headers=["Start", "Einde", "Vastgelegd"])
    rows = [
        [
            datetime.date(2027, 1, day),
            datetime.date(2027, 2, day),
            timezone.make_aware(datetime.datetime(2027, 3, day, 9, 30)),
        ]
        for day in (1, 2, 3)
    ]
    rows.append([None, "geen datum", datetime.date(2027, 4, 4)])
    for row in rows:
        writer.write_row(row)
    buffer = io.BytesIO()
    writer.save(buffer)
    sheet = load_workbook(io.BytesIO(buffer.getvalue())).active
    cells = [[(c.value, c.number_format) for c in row] for row in sheet.iter_rows(min_row=2)]
    assert cells == [
        [
            (datetime.datetime(2027, 1, day), "dd-mm-yyyy"),
            (datetime.datetime(2027, 2, day), "dd-mm-yyyy"),
            (datetime.datetime(2027, 3, day, 9, 30), "dd-mm-yyyy hh:mm"),
        ]
        for day in (1, 2, 3)
    ] + [
        [
            (None, "General"),
            ("geen datum", "General"),
            (datetime.datetime(2027, 4, 4), "dd-mm-yyyy"),
        ]
    ]

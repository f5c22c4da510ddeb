"""The monitor workbook: tables readable by python-calamine, chart sheets with a real size."""

import datetime
import io
import re
import zipfile

from python_calamine import CalamineWorkbook

from reports.exports import monitor_workbook
from reports.periods import Period
from reports.selectors import Table

PERIOD = Period(start=datetime.date(2026, 4, 1), end=datetime.date(2026, 6, 30), label="Q2 2026")
TABLES = [
    Table("bron", "Meldingen per bron", [("Docent", 12), ("=Ouder", 7), ("Politie", 3)]),
    Table("leeftijd", "Leeftijd", [("12-17", 9), ("18+", 6)]),
]


def test_chart_sheets_have_an_explicit_size_and_position():
    content = monitor_workbook(period=PERIOD, tables=TABLES)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        drawings = [n for n in archive.namelist() if re.match(r"xl/drawings/drawing\d+\.xml", n)]
        assert len(drawings) == 2
        for name in drawings:
            xml = archive.read(name).decode()
            assert "<absoluteAnchor>" in xml
            cx, cy = map(int, re.search(r'<ext cx="(\d+)" cy="(\d+)"', xml).groups())
            assert cx > 5_000_000 and cy > 3_000_000  # EMU: about 27 x 17 cm
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not [n for n in sheets if re.search(rb"<f[ >]", archive.read(n))]


def test_the_monitor_sheet_reads_back_with_calamine():
    content = monitor_workbook(period=PERIOD, tables=TABLES)
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(content))
    assert workbook.sheet_names[0] == "Monitor"
    rows = workbook.get_sheet_by_name("Monitor").to_python()
    values = [cell for row in rows for cell in row]
    assert "Meldingen per bron" in values
    assert "<5" in values  # suppressed
    assert 12.0 in values
    assert "=Ouder" in values  # a text cell (no formula: see the test above), no apostrophe


def test_a_catalogue_name_that_looks_like_a_formula_stays_text():
    """Catalogue items are named by the programme team; the monitor writes their names as
    row labels and titles. A name like ``=HYPERLINK(...)`` must never become a formula."""
    hostile = '=HYPERLINK("https://example.invalid/x","Klik hier")'
    tables = [Table("interventies", hostile, [(hostile, 9), ("@SUM(1)", 6)])]
    content = monitor_workbook(period=PERIOD, tables=tables)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert not re.search(rb"<f[ >]", archive.read(name)), name
    rows = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_name("Monitor")
    values = [cell for row in rows.to_python() for cell in row]
    assert hostile in values
    assert "@SUM(1)" in values

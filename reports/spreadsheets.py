"""The one safe writer for every workbook and CSV file the system hands out (S8).

Formula injection: a spreadsheet evaluates a cell whose text starts with ``= + - @``, a tab,
CR or LF. This module neutralises such text in both formats:

- **xlsx**: text is written as an explicit string cell (never a formula), and text that looks
  like a formula also gets Excel's hidden quote prefix (``quotePrefix``), so it shows without
  an apostrophe and stays text when a user edits the cell.
- **CSV**: there is no cell type, so a dangerous first character gets a visible ``'`` in front;
  every field is quoted; line breaks inside values become a space (a CR or LF would start a
  new row for readers that ignore quoting), and a dangerous character right after a ``;`` or
  ``,`` inside a value also gets a ``'``, so a file opened with the other separator (Dutch
  Excel splits on ``;``, tools on ``,``) still has no formula cell.

CSV comes in the dialect Dutch Excel opens correctly (UTF-8 with a BOM, ``;``, every field
quoted, dates as dd-mm-jjjj) and, for tools, a plain comma dialect (ISO dates).

Dates and timestamps are written as real date cells in Europe/Amsterdam time.
"""

import csv
import datetime
import io
import re
from collections.abc import Iterable, Iterator

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.child import INVALID_TITLE_REGEX

from adminkit.cells import is_dangerous

_LINE_BREAKS = re.compile(r"\r\n|\r|\n")
# a dangerous character after a separator inside a value (optionally after quotes/spaces)
_AFTER_SEPARATOR = re.compile(r"([;,][\"' ]*)(?=[=+\-@\t])")
# characters XML 1.0 cannot carry (openpyxl would refuse the whole workbook)
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

DATE_FORMAT = "dd-mm-yyyy"
DATETIME_FORMAT = "dd-mm-yyyy hh:mm"
HEADER_FONT = Font(name="Calibri", bold=True)  # without a name LibreOffice shows a serif
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
BOM = "\ufeff"


def local_datetime(value: datetime.datetime) -> datetime.datetime:
    """A naive datetime in the site's time zone (Europe/Amsterdam), as the screen shows it."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(tzinfo=None, microsecond=0)


# --- xlsx -----------------------------------------------------------------------------------


def xlsx_cell(sheet, value) -> WriteOnlyCell:
    """One safe cell: text is always a string cell; dates are date cells in local time."""
    if isinstance(value, datetime.datetime):
        cell = WriteOnlyCell(sheet, local_datetime(value))
        cell.number_format = DATETIME_FORMAT
        return cell
    if isinstance(value, datetime.date):
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = DATE_FORMAT
        return cell
    if isinstance(value, str):
        text = _ILLEGAL_XML.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
        cell = WriteOnlyCell(sheet)
        cell._value, cell.data_type = text, "s"  # explicit string: never parsed as a formula
        if is_dangerous(text):
            cell.quotePrefix = True
        return cell
    return WriteOnlyCell(sheet, value)


def xlsx_value(sheet, value):
    """``xlsx_cell``'s cell, or the plain value where openpyxl writes that very cell itself: a
    number, a boolean, or text that no spreadsheet reads as a formula or an error code. Every
    cell object costs openpyxl's write-only ``append`` a caught exception, so the plain value
    keeps the export within 1.3x the bare writer (issue 17, ``bench/export_bench.py``)."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str) and len(value) <= 32767 and "\r" not in value:
        if not (is_dangerous(value) or value in ERROR_CODES or _ILLEGAL_XML.search(value)):
            return value
    return xlsx_cell(sheet, value)


def sheet_title(title: str) -> str:
    """A valid worksheet name (≤ 31 characters, none of ``[]:*?/\\``)."""
    return INVALID_TITLE_REGEX.sub(" ", str(title)).strip()[:31] or "Export"


class SafeXlsxWriter:
    """A write-only workbook with one sheet: bold frozen header, column widths, autofilter.

    Memory stays flat in the number of rows (openpyxl write-only mode streams rows to disk).
    """

    def __init__(self, *, title: str, headers: list[str], widths: list[int] | None = None):
        self.workbook = Workbook(write_only=True)
        self.sheet = self.workbook.create_sheet(sheet_title(title))
        self.columns = len(headers)
        for index, width in enumerate(widths or [], start=1):
            self.sheet.column_dimensions[get_column_letter(index)].width = width
        self.sheet.freeze_panes = "A2"
        # printed: landscape, one page wide, the header on every page
        self.sheet.page_setup.orientation = "landscape"
        self.sheet.page_setup.fitToWidth, self.sheet.page_setup.fitToHeight = 1, 0
        self.sheet.sheet_properties.pageSetUpPr.fitToPage = True
        self.sheet.print_title_rows = "1:1"
        header = []
        for text in headers:
            cell = xlsx_cell(self.sheet, str(text))
            cell.font, cell.fill = HEADER_FONT, HEADER_FILL
            header.append(cell)
        self.sheet.append(header)
        self.rows = 0
        self._date_cells: dict[tuple[int, type], WriteOnlyCell] = {}

    def write_row(self, values: Iterable) -> None:
        row = []
        for index, value in enumerate(values):
            if isinstance(value, datetime.date):
                # openpyxl's write-only sheet writes a row as it is appended, so each column
                # reuses one date cell (its format set once): a new styled cell per date was a
                # third of the export's time over the bare writer (bench/export_bench.py).
                cell = self._date_cells.get((index, type(value)))
                if cell is None:
                    cell = self._date_cells[index, type(value)] = xlsx_cell(self.sheet, value)
                else:
                    cell.value = (
                        local_datetime(value) if type(value) is datetime.datetime else value
                    )
                row.append(cell)
            else:
                row.append(xlsx_value(self.sheet, value))
        self.sheet.append(row)
        self.rows += 1

    def save(self, output) -> None:
        if self.columns:
            last = get_column_letter(self.columns)
            self.sheet.auto_filter.ref = f"A1:{last}{self.rows + 1}"
        self.workbook.save(output)


# --- CSV ------------------------------------------------------------------------------------


class DutchExcel(csv.Dialect):
    """What Dutch Excel opens by double-click: ``;`` between fields, every field quoted."""

    delimiter = ";"
    quotechar = '"'
    doublequote = True
    quoting = csv.QUOTE_ALL
    lineterminator = "\r\n"
    skipinitialspace = False


class CommaCsv(DutchExcel):
    """Plain comma CSV for tools (still every field quoted and neutralised)."""

    delimiter = ","


DIALECTS = {"excel-nl": DutchExcel, "comma": CommaCsv}


def csv_text(value: str) -> str:
    """Neutralise one text value for CSV (see the module docstring)."""
    text = _LINE_BREAKS.sub(" ", value)
    text = _AFTER_SEPARATOR.sub(r"\1'", text)
    return "'" + text if is_dangerous(text) else text


def csv_value(value, dialect: str) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = local_datetime(value)
        pattern = "%d-%m-%Y %H:%M" if dialect == "excel-nl" else "%Y-%m-%d %H:%M"
        return value.strftime(pattern)
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y" if dialect == "excel-nl" else "%Y-%m-%d")
    if isinstance(value, float) and dialect == "excel-nl":
        return csv_text(str(value).replace(".", ","))
    return csv_text(str(value))


class _Line:
    def write(self, value):
        return value


def csv_lines(
    *, headers: list[str], rows: Iterable[Iterable], dialect: str = "excel-nl"
) -> Iterator[str]:
    """The CSV file line by line (the first line starts with a BOM in the Dutch dialect)."""
    writer = csv.writer(_Line(), dialect=DIALECTS[dialect])
    first = writer.writerow([csv_value(str(text), dialect) for text in headers])
    yield (BOM + first) if dialect == "excel-nl" else first
    for row in rows:
        yield writer.writerow([csv_value(value, dialect) for value in row])


def csv_bytes(*, headers: list[str], rows: Iterable[Iterable], dialect: str = "excel-nl") -> bytes:
    buffer = io.StringIO()
    for line in csv_lines(headers=headers, rows=rows, dialect=dialect):
        buffer.write(line)
    return buffer.getvalue().encode("utf-8")

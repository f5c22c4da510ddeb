"""What every Excel import shares: the file checks, reading one sheet row by row with the
per-cell checks (formulas, required cells), value parsers with Dutch errors, the template.

A plan is a dry run: nothing is written while planning. Errors are (row, column, message);
row 0 is the file itself, row 1 the header row.
"""

import datetime
import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

LISTS_SHEET = "Keuzelijsten"
HELP_SHEET = "Toelichting"
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
YES_NO = {"ja": True, "nee": False}
PROGRESS_EVERY = 100
DATE_FORMAT = "%d-%m-%Y"
DATE_HELP = gettext_lazy(
    "Een datumcel, of tekst als dd-mm-jjjj met de dag eerst: 3-4-2027 is 3 april 2027."
)
# The template's example row carries this marker in the cell after the last column; a row
# with it (or with exactly the example values) is skipped, never imported.
EXAMPLE_MARKER = "voorbeeld"
SKIP = "skip"  # the action of a skipped example row
NO_CHANGE = ("unchanged", SKIP)

# Error kinds, for the dry run's summary (labels in reports.importers.summary).
FILE, REQUIRED, FORMULA, CHOICE, LENGTH, DATE, DUPLICATE, OTHER = (
    "file",
    "required",
    "formula",
    "choice",
    "length",
    "date",
    "duplicate",
    "other",
)

Progress = Callable[[int, int], None] | None
HEADER_FONT = Font(name="Calibri", bold=True)  # without a name LibreOffice shows a serif
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")


@dataclass
class RowPlan:
    """What one row will do: "create", "update", "unchanged", "delete" or "skip" (the template's
    example row), with its values."""

    row: int
    action: str
    values: dict
    label: str = ""


@dataclass
class ImportPlan:
    """The dry run: per-row actions and every error as (row, column, message), with each
    error's kind at the same index of ``error_kinds``. ``total`` counts the non-empty data rows
    as streamed (never from the sheet's dimension element)."""

    rows: list[RowPlan] = field(default_factory=list)
    errors: list[tuple[int, str, str]] = field(default_factory=list)
    error_kinds: list[str] = field(default_factory=list)
    total: int = 0

    @property
    def is_clean(self) -> bool:
        return not self.errors

    def error(self, row: int, column: str, message: str, kind: str = OTHER) -> None:
        self.errors.append((row, column, message))
        self.error_kinds.append(kind)

    def changes(self) -> list[RowPlan]:
        return [row for row in self.rows if row.action not in NO_CHANGE]


@dataclass(frozen=True)
class Column:
    header: str
    required: bool = False
    choices: tuple[str, ...] = ()  # allowed values, shown on the validation sheet
    example: object = None
    note: str = ""  # help shown as a comment on the header cell


def template_workbook(*, sheet_name: str, columns: list[Column]) -> bytes:
    """Headers, one example row, a sheet that explains every column, and a validation sheet
    whose lists drive DataValidation.

    The header row is bold, shaded and frozen; columns are wide enough for their header and
    example; the sheet prints landscape, one page wide. The example row is grey and italic and
    marked "VOORBEELD" after its last column: the import skips it, so a template uploaded
    unchanged imports nothing. The explanation sheet (``HELP_SHEET``) says per column whether
    it is required, what it takes and how dates are read (a comment on a header cell is not
    printed and easily missed)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_name
    sheet.append([column.header for column in columns])
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(1, index)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        if column.note:
            cell.comment = Comment(str(column.note), "IPGA", width=300, height=80)
    marker = f"{EXAMPLE_MARKER.upper()}: " + _(
        "deze regel wordt niet ingelezen; vervang of verwijder hem."
    )
    sheet.append([column.example for column in columns] + [marker])
    for cell in sheet[2]:
        cell.font = Font(name="Calibri", italic=True, color="666666")
    sheet.freeze_panes = "A2"
    _print_setup(sheet, fit_width=False)  # many columns: one page wide would be unreadable
    lists = workbook.create_sheet(LISTS_SHEET)
    list_column = 0
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = _width(column)
        if not column.choices:
            continue
        list_column += 1
        list_letter = get_column_letter(list_column)
        lists.cell(1, list_column, column.header).font = HEADER_FONT
        lists.column_dimensions[list_letter].width = min(
            60, max(14, *(len(str(value)) + 2 for value in (column.header, *column.choices)))
        )
        for row, value in enumerate(column.choices, start=2):
            lists.cell(row, list_column, value)
        last = len(column.choices) + 1
        validation = DataValidation(
            type="list",
            formula1=f"{LISTS_SHEET}!${list_letter}$2:${list_letter}${last}",
            allow_blank=not column.required,
            showErrorMessage=True,
            errorTitle=_("Ongeldige waarde"),
            error=_("Kies een waarde uit de lijst."),
        )
        validation.add(f"{letter}2:{letter}5000")
        sheet.add_data_validation(validation)
    sheet.column_dimensions[get_column_letter(len(columns) + 1)].width = len(marker) + 2
    _help_sheet(workbook.create_sheet(HELP_SHEET, 1), columns)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _width(column: Column) -> int:
    longest = max(len(str(column.header)), len(str(column.example or "")))
    return min(45, max(14, longest + 3))


def _print_setup(sheet, *, fit_width: bool = True) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.print_title_rows = "1:1"
    if fit_width:
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _help_sheet(help_sheet, columns: list[Column]) -> None:
    help_sheet.append([_("Kolom"), _("Verplicht"), _("Toelichting")])
    for cell in help_sheet[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for column in columns:
        notes = [str(column.note)] if column.note else []
        if column.choices:
            notes.append(_("Kies uit de lijst (werkblad %(sheet)s).") % {"sheet": LISTS_SHEET})
        help_sheet.append(
            [column.header, _("ja") if column.required else _("nee"), " ".join(notes)]
        )
    help_sheet.append([])
    help_sheet.append(
        [
            _("Let op"),
            "",
            _(
                "Laat de kopregel en de namen van de werkbladen ongewijzigd. De voorbeeldregel "
                "(grijs, met VOORBEELD erachter) wordt niet ingelezen."
            ),
        ]
    )
    for letter, width in (("A", 28), ("B", 11), ("C", 90)):
        help_sheet.column_dimensions[letter].width = width
    for row in help_sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    help_sheet.freeze_panes = "A2"
    _print_setup(help_sheet)


def file_error(content: bytes) -> str | None:
    """Why ``content`` cannot be read as a workbook at all (size, type, zip bomb), or None."""
    if len(content) > MAX_FILE_BYTES:
        return _("Het bestand is groter dan 5 MB.")
    if not content.startswith(b"PK\x03\x04"):
        return _("Dit is geen Excel-bestand (.xlsx).")
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNCOMPRESSED_BYTES:
                return _("Het bestand is uitgepakt te groot (mogelijk een zip-bom).")
    except zipfile.BadZipFile:
        return _("Dit is geen Excel-bestand (.xlsx).")
    return None


def open_workbook(content: bytes, plan: ImportPlan):
    """The read-only workbook, or None with the reason in ``plan`` (also for corrupt files)."""
    problem = file_error(content)
    if problem:
        plan.error(0, "", problem, FILE)
        return None
    try:
        return load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception:  # noqa: BLE001 - openpyxl raises many types for a damaged file
        plan.error(0, "", _("Het bestand is beschadigd of geen geldig Excel-bestand."), FILE)
        return None


def count_rows(content: bytes, sheet_name: str) -> int:
    """The number of non-empty data rows, counted by streaming the sheet (the dimension
    element may be missing, as openpyxl's write-only mode writes none, or wrong); 0 when
    unreadable. Memory stays flat: the read-only reader never holds the sheet."""
    if file_error(content):
        return 0
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True)
    except Exception:  # noqa: BLE001
        return 0
    try:
        if sheet_name not in workbook.sheetnames:
            return 0
        sheet = workbook[sheet_name]
        sheet.reset_dimensions()  # never trust the dimension element
        rows = sheet.iter_rows(values_only=True)
        next(rows, None)  # the header
        return sum(1 for row in rows if any(value not in (None, "") for value in row))
    except Exception:  # noqa: BLE001 - a damaged sheet counts as unreadable
        return 0
    finally:
        workbook.close()


def read_rows(
    content: bytes,
    *,
    sheet_name: str,
    columns: list[Column],
    plan: ImportPlan,
    progress: Progress = None,
) -> Iterator[tuple[int, dict, bool]]:
    """Yield (row number, {header: value}, cells ok) for every non-empty row.

    Checks the sheets (only ``sheet_name`` and the validation sheet), the header row (merged
    or changed headers are refused), formula cells (their value is None) and empty required
    cells. A row with such errors is still yielded, so the planner reports the row's other
    errors too, but must not plan it. The template's example row is not yielded: it is planned
    as "skip" (see ``is_example_row``). ``plan.total`` ends as the number of non-empty rows
    streamed; with ``progress``, the rows are counted by streaming first, for the bar.
    """
    workbook = open_workbook(content, plan)
    if workbook is None:
        return
    if progress:
        plan.total = count_rows(content, sheet_name)
    try:
        rows = _checked_sheet(workbook, sheet_name, columns, plan)
        if rows is not None:
            yield from _data_rows(rows, columns, plan, progress)
    finally:
        workbook.close()


def _data_rows(rows, columns: list[Column], plan: ImportPlan, progress: Progress):
    streamed = 0
    for number, cells in enumerate(rows, start=2):
        if progress and number % PROGRESS_EVERY == 0:
            progress(number - 1, plan.total)
        values = [getattr(cell, "value", None) for cell in cells]
        if all(value in (None, "") for value in values):
            continue
        streamed += 1
        if is_example_row(values, columns):
            plan.rows.append(RowPlan(number, SKIP, {}, _("Voorbeeldregel overgeslagen")))
            continue
        errors_before = len(plan.errors)
        raw = _row_values(number, list(cells)[: len(columns)], columns, plan)
        yield number, raw, len(plan.errors) == errors_before
    plan.total = streamed
    if progress:
        progress(plan.total, plan.total)


def is_example_row(values: list, columns: list[Column]) -> bool:
    """The template's example row: the marker after the last column, or exactly the example
    values (a marker cell deleted by hand still never publishes "Mentortraject (voorbeeld)")."""
    extra = values[len(columns) :]
    if any(str(v).strip().lower().startswith(EXAMPLE_MARKER) for v in extra if v is not None):
        return True
    values = [*values[: len(columns)], *[None] * (len(columns) - len(values))]
    examples = [column.example for column in columns]
    if all(example in (None, "") for example in examples):
        return False
    return all(
        str(value).strip() == str(example).strip()
        if example not in (None, "")
        else value in (None, "")
        for value, example in zip(values, examples, strict=True)
    )


def _checked_sheet(workbook, sheet_name: str, columns: list[Column], plan: ImportPlan):
    """The data rows after the header, or None (with errors) for wrong sheets or headers."""
    if sheet_name not in workbook.sheetnames:
        plan.error(0, "", _("Het werkblad '%(name)s' ontbreekt.") % {"name": sheet_name}, FILE)
    for name in workbook.sheetnames:
        if name not in (sheet_name, LISTS_SHEET, HELP_SHEET):
            plan.error(0, "", _("Onbekend werkblad '%(name)s'.") % {"name": name}, FILE)
    if plan.errors:
        return None
    sheet = workbook[sheet_name]
    sheet.reset_dimensions()  # read every row, whatever the dimension element says
    rows = sheet.iter_rows()
    header = [cell.value for cell in next(rows, [])]
    found = [str(v).strip() if v is not None else "" for v in header[: len(columns)]]
    if found != [column.header for column in columns]:
        plan.error(
            1,
            "",
            _("De kopregel klopt niet (ontbrekende, samengevoegde of andere kopcellen)."),
            FILE,
        )
        return None
    return rows


def _row_values(number: int, cells, columns: list[Column], plan: ImportPlan) -> dict:
    """{header: value} of one row; formula cells and empty required cells are errors."""
    raw: dict = {}
    for index, column in enumerate(columns):
        cell = cells[index] if index < len(cells) else None
        if getattr(cell, "data_type", None) == "f":
            plan.error(number, column.header, _("Formules zijn niet toegestaan."), FORMULA)
            raw[column.header] = None
            continue
        value = getattr(cell, "value", None)
        value = value.strip() if isinstance(value, str) else value
        if column.required and value in (None, ""):
            plan.error(number, column.header, _("Verplicht veld is leeg."), REQUIRED)
        raw[column.header] = value
    return raw


def parse_choice(plan, number, column, value, choices) -> str | None:
    """A TextChoices value from its key or its (Dutch) label, case-insensitive."""
    if value in (None, ""):
        return None
    for key, label in choices.choices:
        if str(value).strip().lower() in (str(key).lower(), str(label).lower()):
            return key
    plan.error(number, column, _("Onbekende waarde '%(v)s'.") % {"v": value}, CHOICE)
    return None


def check_length(plan, number: int, column: str, value: str, max_length: int | None) -> None:
    """The dry run refuses what the database would refuse at apply: text over the limit."""
    if max_length and len(value) > max_length:
        plan.error(
            number,
            column,
            _("Te lang: %(n)s tekens, ten hoogste %(max)s.") % {"n": len(value), "max": max_length},
            LENGTH,
        )


def parse_date(plan, number, column, value) -> datetime.date | None:
    """A date cell, or text as dd-mm-jjjj; anything else is an error.

    Text is read the Dutch way, day first: "3-4-2027" is 3 April 2027 (never 4 March).
    """
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.datetime.strptime(str(value).strip(), DATE_FORMAT).date()
    except ValueError:
        plan.error(
            number,
            column,
            _("Ongeldige datum '%(v)s'; gebruik een datumcel of dd-mm-jjjj.") % {"v": value},
            DATE,
        )
        return None


def parse_yes_no(plan, number, column, value, *, default: bool) -> bool:
    if value in (None, ""):
        return default
    if str(value).lower() in YES_NO:
        return YES_NO[str(value).lower()]
    plan.error(number, column, _("Vul 'ja' of 'nee' in."), CHOICE)
    return default


def check_duplicate(plan, seen: dict, key, number: int, column: str, message: str) -> bool:
    """Record ``key`` for ``number``; False (with an error) when an earlier row had it."""
    if key in seen:
        plan.error(number, column, message % {"row": seen[key]}, DUPLICATE)
        return False
    seen[key] = number
    return True

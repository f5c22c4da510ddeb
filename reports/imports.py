"""Excel import of the intervention catalogue: check the file, validate every row, plan.

Nothing is written here; ``reports.services.intervention_import_apply`` applies a clean plan.
"""

import io
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.datavalidation import DataValidation

from snippets.models import Intervention, InterventionDomain, Organisation, SpecialKind

SHEET = "Interventies"
LISTS_SHEET = "Keuzelijsten"
HEADERS = [
    "Naam",
    "Omschrijving",
    "Domein",
    "Organisaties",
    "Duur (weken)",
    "Bijzonder",
    "In gebruik",
]
REQUIRED = {"Naam", "Omschrijving", "Domein"}
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
YES_NO = {"ja": True, "nee": False}


@dataclass
class RowPlan:
    """What one row will do: "create", "update" or "unchanged", with its cleaned values."""

    row: int
    action: str
    values: dict


@dataclass
class ImportPlan:
    """The dry run: per-row actions and every error as (row, column, message)."""

    rows: list[RowPlan] = field(default_factory=list)
    errors: list[tuple[int, str, str]] = field(default_factory=list)

    @property
    def is_clean(self) -> bool:
        return not self.errors


def intervention_template() -> bytes:
    """The template workbook: the header row, and choice lists used as data validation."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet.append(HEADERS)
    lists = workbook.create_sheet(LISTS_SHEET)
    for index, (_value, label) in enumerate(InterventionDomain.choices, start=1):
        lists.cell(index, 1, str(label))
    for index, label in enumerate(YES_NO, start=1):
        lists.cell(index, 2, label)
    domains = DataValidation(type="list", formula1=f"={LISTS_SHEET}!$A$1:$A$8")
    domains.add("C2:C1000")
    yes_no = DataValidation(type="list", formula1=f"={LISTS_SHEET}!$B$1:$B$2")
    yes_no.add("G2:G1000")
    sheet.add_data_validation(domains)
    sheet.add_data_validation(yes_no)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _file_error(content: bytes) -> str | None:
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


def intervention_import_plan(*, content: bytes) -> ImportPlan:
    """Validate the whole workbook and plan each row; only a plan without errors may be applied."""
    plan = ImportPlan()
    problem = _file_error(content)
    if problem:
        plan.errors.append((0, "", problem))
        return plan
    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    try:
        _check_sheets(workbook, plan)
        if plan.errors:
            return plan
        rows = workbook[SHEET].iter_rows()
        header = [cell.value for cell in next(rows, [])]
        if [str(v).strip() if v is not None else "" for v in header[: len(HEADERS)]] != HEADERS:
            plan.errors.append(
                (
                    1,
                    "",
                    _("De kopregel klopt niet (ontbrekende, samengevoegde of andere kopcellen)."),
                )
            )
            return plan
        _plan_rows(rows, plan)
    finally:
        workbook.close()
    return plan


def _check_sheets(workbook, plan: ImportPlan) -> None:
    if SHEET not in workbook.sheetnames:
        plan.errors.append((0, "", _("Het werkblad 'Interventies' ontbreekt.")))
    for name in workbook.sheetnames:
        if name not in (SHEET, LISTS_SHEET):
            plan.errors.append((0, "", _("Onbekend werkblad '%(name)s'.") % {"name": name}))


def _plan_rows(rows, plan: ImportPlan) -> None:
    organisations = {o.name.lower(): o for o in Organisation.objects.all()}
    organisations.update({o.short_name.lower(): o for o in organisations.values() if o.short_name})
    existing = {i.name: i for i in Intervention.objects.prefetch_related("organisations")}
    seen: dict[str, int] = {}
    for number, cells in enumerate(rows, start=2):
        cells = list(cells)[: len(HEADERS)]
        if all(cell.value in (None, "") for cell in cells):
            continue
        values = _row_values(number, cells, organisations, plan)
        if values is None:
            continue
        name = values["name"]
        if name in seen:
            plan.errors.append(
                (number, "Naam", _("Dubbele naam; ook in rij %(row)s.") % {"row": seen[name]})
            )
            continue
        seen[name] = number
        plan.rows.append(RowPlan(number, _action(existing.get(name), values), values))


def _action(current, values: dict) -> str:
    if current is None:
        return "create"
    same = all(
        getattr(current, key) == value for key, value in values.items() if key != "organisations"
    )
    same = same and set(current.organisations.all()) == set(values["organisations"])
    return "unchanged" if same else "update"


def _row_values(number: int, cells, organisations: dict, plan: ImportPlan) -> dict | None:
    raw = {}
    errors_before = len(plan.errors)
    for header, cell in zip(HEADERS, cells, strict=False):
        if cell.data_type == "f":
            plan.errors.append((number, header, _("Formules zijn niet toegestaan.")))
            continue
        value = cell.value.strip() if isinstance(cell.value, str) else cell.value
        if header in REQUIRED and value in (None, ""):
            plan.errors.append((number, header, _("Verplicht veld is leeg.")))
        raw[header] = value
    values = {
        "name": str(raw.get("Naam") or ""),
        "description": str(raw.get("Omschrijving") or ""),
        "domain": _choice(number, "Domein", raw.get("Domein"), InterventionDomain, plan),
        "special_kind": _choice(number, "Bijzonder", raw.get("Bijzonder"), SpecialKind, plan) or "",
        "typical_duration_weeks": _weeks(number, raw.get("Duur (weken)"), plan),
        "active": _yes_no(number, raw.get("In gebruik"), plan),
        "organisations": _organisations(number, raw.get("Organisaties"), organisations, plan),
    }
    return None if len(plan.errors) > errors_before else values


def _choice(number, column, value, choices, plan) -> str | None:
    if value in (None, ""):
        return None
    for key, label in choices.choices:
        if str(value).lower() in (key, str(label).lower()):
            return key
    plan.errors.append((number, column, _("Onbekende waarde '%(v)s'.") % {"v": value}))
    return None


def _weeks(number, value, plan) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, int) and 0 <= value < 1000:
        return value
    plan.errors.append((number, "Duur (weken)", _("Geef een geheel aantal weken.")))
    return None


def _yes_no(number, value, plan) -> bool:
    if value in (None, ""):
        return True
    if str(value).lower() in YES_NO:
        return YES_NO[str(value).lower()]
    plan.errors.append((number, "In gebruik", _("Vul 'ja' of 'nee' in.")))
    return True


def _organisations(number, value, organisations, plan) -> list:
    found = []
    for name in [n.strip() for n in str(value or "").split(";") if n.strip()]:
        if name.lower() in organisations:
            found.append(organisations[name.lower()])
        else:
            message = _("Onbekende organisatie '%(name)s'.") % {"name": name}
            plan.errors.append((number, "Organisaties", message))
    return found

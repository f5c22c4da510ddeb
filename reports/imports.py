"""Excel import of the intervention catalogue: check the file, validate every row, plan.

Nothing is written here; ``reports.services.intervention_import_apply`` applies a clean plan.
The shared reading and checks live in ``reports.importers.base``.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reports.importers.base import (
    CHOICE,
    LISTS_SHEET,
    Column,
    ImportPlan,
    Progress,
    RowPlan,
    check_duplicate,
    check_length,
    parse_choice,
    parse_yes_no,
    read_rows,
    template_workbook,
)
from snippets.models import Intervention, InterventionDomain, Organisation, SpecialKind

__all__ = [
    "HEADERS",
    "LISTS_SHEET",
    "SHEET",
    "ImportPlan",
    "RowPlan",
    "intervention_import_plan",
    "intervention_template",
]

SHEET = "Interventies"
COLUMNS = [
    Column(
        "Naam",
        required=True,
        example="Mentortraject (voorbeeld)",
        note=gettext_lazy("Een naam die al in de catalogus staat, werkt die interventie bij."),
    ),
    Column("Omschrijving", required=True, example="Een vaste mentor voor de jongere"),
    Column(
        "Domein",
        required=True,
        choices=tuple(str(label) for _v, label in InterventionDomain.choices),
        example=str(InterventionDomain.choices[0][1]),
    ),
    Column(
        "Organisaties",
        example="",
        note=gettext_lazy(
            "Namen of afkortingen van organisaties in het systeem, gescheiden door een "
            "puntkomma (;)."
        ),
    ),
    Column("Duur (weken)", example=12, note=gettext_lazy("Een geheel aantal weken.")),
    Column("Bijzonder", choices=tuple(str(label) for _v, label in SpecialKind.choices)),
    Column("In gebruik", choices=("ja", "nee"), example="ja"),
]
HEADERS = [column.header for column in COLUMNS]


def intervention_template() -> bytes:
    """The template workbook: headers, an example row, choice lists used as data validation."""
    return template_workbook(sheet_name=SHEET, columns=COLUMNS)


def intervention_import_plan(*, content: bytes, progress: Progress = None) -> ImportPlan:
    """Validate the whole workbook and plan each row; only a plan without errors may be applied."""
    plan = ImportPlan()
    organisations = {o.name.lower(): o for o in Organisation.objects.all()}
    organisations.update({o.short_name.lower(): o for o in organisations.values() if o.short_name})
    existing = {i.name: i for i in Intervention.objects.prefetch_related("organisations")}
    seen: dict[str, int] = {}
    rows = read_rows(content, sheet_name=SHEET, columns=COLUMNS, plan=plan, progress=progress)
    for number, raw, cells_ok in rows:
        errors_before = len(plan.errors)
        values = {
            "name": str(raw.get("Naam") or ""),
            "description": str(raw.get("Omschrijving") or ""),
            "domain": parse_choice(plan, number, "Domein", raw.get("Domein"), InterventionDomain),
            "special_kind": parse_choice(
                plan, number, "Bijzonder", raw.get("Bijzonder"), SpecialKind
            )
            or "",
            "typical_duration_weeks": _weeks(number, raw.get("Duur (weken)"), plan),
            "active": parse_yes_no(plan, number, "In gebruik", raw.get("In gebruik"), default=True),
            "organisations": _organisations(number, raw.get("Organisaties"), organisations, plan),
        }
        for field_name, header in (("name", "Naam"), ("description", "Omschrijving")):
            limit = Intervention._meta.get_field(field_name).max_length
            check_length(plan, number, header, values[field_name], limit)
        if not cells_ok or len(plan.errors) > errors_before:
            continue
        name = values["name"]
        if not check_duplicate(
            plan, seen, name, number, "Naam", _("Dubbele naam; ook in rij %(row)s.")
        ):
            continue
        plan.rows.append(RowPlan(number, _action(existing.get(name), values), values, name))
    return plan


def _action(current, values: dict) -> str:
    if current is None:
        return "create"
    same = all(
        getattr(current, key) == value for key, value in values.items() if key != "organisations"
    )
    same = same and set(current.organisations.all()) == set(values["organisations"])
    return "unchanged" if same else "update"


def _weeks(number, value, plan) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 1000:
        return value
    plan.error(number, "Duur (weken)", _("Geef een geheel aantal weken."))
    return None


def _organisations(number, value, organisations, plan) -> list:
    found = []
    for name in [n.strip() for n in str(value or "").split(";") if n.strip()]:
        if name.lower() in organisations:
            found.append(organisations[name.lower()])
        else:
            message = _("Onbekende organisatie '%(name)s'.") % {"name": name}
            plan.error(number, "Organisaties", message, CHOICE)
    return found

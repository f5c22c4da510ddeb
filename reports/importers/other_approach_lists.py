"""Excel import of other approaches' lists (Top600, ...) for the duplicate check.

Each file is the full, current list of the approaches it names: people of those approaches
that are no longer in the file are removed (action "delete"), so the list never keeps
personal data longer than the other approach does. The key is (approach, reference).
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from reports.importers.base import (
    CHOICE,
    DATE,
    DATE_HELP,
    Column,
    ImportPlan,
    Progress,
    RowPlan,
    check_duplicate,
    check_length,
    parse_date,
    read_rows,
    template_workbook,
)
from snippets.models import OtherApproach, OtherApproachListEntry

SHEET = "Lijst"
FIELDS = {"first_name": "Voornaam", "last_name": "Achternaam", "birth_date": "Geboortedatum"}
_NAME_FIELDS = (("first_name", "Voornaam"), ("last_name", "Achternaam"))


def _max_length(name: str) -> int | None:
    return OtherApproachListEntry._meta.get_field(name).max_length


def _columns() -> list[Column]:
    approaches = tuple(OtherApproach.objects.live().values_list("name", flat=True))
    return [
        Column(
            "Andere aanpak",
            required=True,
            choices=approaches,
            example=approaches[0] if approaches else "",
        ),
        Column("Referentie", required=True, example="VB-0001"),
        Column("Voornaam", required=True, example="Voorbeeld"),
        Column("Achternaam", required=True, example="Persoon"),
        Column("Geboortedatum", required=True, example="01-01-2005", note=DATE_HELP),
    ]


def other_approach_list_template() -> bytes:
    return template_workbook(sheet_name=SHEET, columns=_columns())


def _approach(plan: ImportPlan, number: int, value, approaches: dict):
    """The published approach the row names, or None with the error on the plan."""
    approach = approaches.get(str(value or "").lower())
    if approach is None and value:
        plan.error(
            number,
            "Andere aanpak",
            _("Onbekende andere aanpak '%(v)s'.") % {"v": value},
            CHOICE,
        )
    elif approach is not None and not approach.live:
        message = _(
            "De andere aanpak '%(v)s' is niet (meer) gepubliceerd; kies een aanpak uit de "
            "lijst van het sjabloon."
        ) % {"v": approach.name}
        plan.error(number, "Andere aanpak", message, CHOICE)
        return None
    return approach


def other_approach_list_plan(*, content: bytes, progress: Progress = None) -> ImportPlan:
    """Plan every row (create/update/unchanged) and the removal of people no longer listed."""
    plan = ImportPlan()
    approaches = {a.name.lower(): a for a in OtherApproach.objects.all()}
    seen: dict[tuple, int] = {}
    rows = read_rows(content, sheet_name=SHEET, columns=_columns(), plan=plan, progress=progress)
    planned: list[RowPlan] = []
    for number, raw, cells_ok in rows:
        errors_before = len(plan.errors)
        approach = _approach(plan, number, raw["Andere aanpak"], approaches)
        birth_date = parse_date(plan, number, "Geboortedatum", raw["Geboortedatum"])
        if birth_date and birth_date > timezone.localdate():
            message = _("Een geboortedatum ligt niet in de toekomst.")
            plan.error(number, "Geboortedatum", message, DATE)
        for name, header in (("reference", "Referentie"), *_NAME_FIELDS):
            check_length(plan, number, header, str(raw[header] or ""), _max_length(name))
        if not cells_ok or len(plan.errors) > errors_before:
            continue
        reference = str(raw["Referentie"])
        key = (approach.pk, reference)
        message = _("Dubbele referentie; ook in rij %(row)s.")
        if not check_duplicate(plan, seen, key, number, "Referentie", message):
            continue
        values = {
            "other_approach_id": approach.pk,
            "reference": reference,
            "first_name": str(raw["Voornaam"]),
            "last_name": str(raw["Achternaam"]),
            "birth_date": birth_date,
        }
        label = f"{approach.name} {reference}"
        planned.append(RowPlan(number, "", values, label))
    if not plan.errors:
        _plan_actions(plan, planned, {key[0] for key in seen})
    return plan


def _plan_actions(plan: ImportPlan, planned: list[RowPlan], approach_ids: set[int]) -> None:
    """Compare each row with the stored list; people of these approaches not in the file go."""
    existing = {
        (e.other_approach_id, e.reference): e
        for e in OtherApproachListEntry.objects.filter(
            other_approach_id__in=approach_ids
        ).select_related("other_approach")
    }
    for row in planned:
        current = existing.pop((row.values["other_approach_id"], row.values["reference"]), None)
        if current is None:
            row.action = "create"
        elif all(getattr(current, f) == row.values[f] for f in FIELDS):
            row.action = "unchanged"
        else:
            row.action = "update"
        plan.rows.append(row)
    for (approach_id, reference), entry in sorted(existing.items()):
        values = {"other_approach_id": approach_id, "reference": reference, "pk": entry.pk}
        plan.rows.append(RowPlan(0, "delete", values, f"{entry.other_approach} {reference}"))


def other_approach_list_apply(*, plan: ImportPlan, by) -> int:
    """Write a clean plan (the caller holds the transaction); returns the rows changed."""
    now = timezone.now()
    written = 0
    for row in plan.changes():
        values = dict(row.values)
        if row.action == "delete":
            OtherApproachListEntry.objects.filter(pk=values["pk"]).delete()
        else:
            OtherApproachListEntry.objects.update_or_create(
                other_approach_id=values.pop("other_approach_id"),
                reference=values.pop("reference"),
                defaults={**values, "imported_at": now, "imported_by": by},
            )
        written += 1
    return written

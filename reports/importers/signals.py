"""Excel import of existing signals from the previous registration (migration).

Every row becomes a signal with its case, made through the intake services (``signal_register``
and ``signal_triage``), never by setting a state: the importing user must be allowed to
register and triage. Only the intake outcomes can be migrated. The key is the signal's
reference in the old system: a reference already imported is left as it is ("unchanged").
"""

from django.utils.translation import gettext as _

from dossiers.models import Signal, SignalChannel, SourceType, TriageCloseReason, Urgency
from dossiers.services.intake import signal_data_errors, signal_register, signal_triage
from dossiers.workflow.states import DossierState
from reports.importers.base import (
    DATE,
    DATE_HELP,
    OTHER,
    REQUIRED,
    Column,
    ImportPlan,
    Progress,
    RowPlan,
    check_duplicate,
    check_length,
    parse_choice,
    parse_date,
    read_rows,
    template_workbook,
)

SHEET = "Meldingen"


class MigratedState:
    """The states a migrated signal may end in, with their labels (parse_choice's shape)."""

    choices = [
        (state.value, state.label)
        for state in (
            DossierState.REGISTERED,
            DossierState.TRIAGE_CLOSED,
            DossierState.REGULAR_TRACK,
            DossierState.PRE_ASSESSMENT,
        )
    ]


def _labels(choices) -> tuple[str, ...]:
    return tuple(str(label) for _v, label in choices.choices)


COLUMNS = [
    Column("Kenmerk oud systeem", required=True, example="OUD-2024-001"),
    Column("Ontvangen op", required=True, example="15-01-2024", note=DATE_HELP),
    Column("Kanaal", required=True, choices=_labels(SignalChannel), example="E-mail"),
    Column("Soort melder", required=True, choices=_labels(SourceType), example="Docent of school"),
    Column("Naam melder", example="J. Voorbeeld"),
    Column("Organisatie melder", example="Voorbeeldschool"),
    Column("Contact melder", example=""),
    Column("Voornaam betrokkene", example="Voorbeeld"),
    Column("Achternaam betrokkene", example="Persoon"),
    Column("Geboortedatum betrokkene", example="01-01-2008", note=DATE_HELP),
    Column("Zorg", required=True, example="Wat er is gezien of gehoord"),
    Column("Urgentie", choices=_labels(Urgency), example="Normaal"),
    Column("Status", required=True, choices=_labels(MigratedState), example="Afgedaan door MAP"),
    Column("Reden afdoening", choices=_labels(TriageCloseReason)),
    Column("Overgedragen aan"),
]
HEADERS = [column.header for column in COLUMNS]
FIELD_COLUMNS = {
    "received_on": "Ontvangen op",
    "reporter_name": "Naam melder",
    "reporter_organisation": "Organisatie melder",
    "reporter_contact": "Contact melder",
    "person_first_name": "Voornaam betrokkene",
    "person_last_name": "Achternaam betrokkene",
    "person_birth_date": "Geboortedatum betrokkene",
    "attachments": "",
}
DATE_FIELDS = ("received_on", "person_birth_date")
# Text the apply stores in a limited column: (signal field, header); the destination goes to
# ``regular_track_destination``, the person's names also to the Subject (same limits).
LIMITED = (
    ("external_reference", "Kenmerk oud systeem"),
    ("reporter_name", "Naam melder"),
    ("reporter_organisation", "Organisatie melder"),
    ("reporter_contact", "Contact melder"),
    ("person_first_name", "Voornaam betrokkene"),
    ("person_last_name", "Achternaam betrokkene"),
    ("regular_track_destination", "Overgedragen aan"),
)


def signal_template() -> bytes:
    return template_workbook(sheet_name=SHEET, columns=COLUMNS)


def _text(raw, header) -> str:
    value = raw.get(header)
    return "" if value is None else str(value)


def signal_import_plan(*, content: bytes, progress: Progress = None) -> ImportPlan:
    plan = ImportPlan()
    existing = set(
        Signal.objects.exclude(external_reference="").values_list("external_reference", flat=True)
    )
    seen: dict[str, int] = {}
    rows = read_rows(content, sheet_name=SHEET, columns=COLUMNS, plan=plan, progress=progress)
    for number, raw, cells_ok in rows:
        errors_before = len(plan.errors)
        data = {
            "external_reference": _text(raw, "Kenmerk oud systeem"),
            "received_on": parse_date(plan, number, "Ontvangen op", raw.get("Ontvangen op")),
            "channel": parse_choice(plan, number, "Kanaal", raw.get("Kanaal"), SignalChannel),
            "source_type": parse_choice(
                plan, number, "Soort melder", raw.get("Soort melder"), SourceType
            ),
            "reporter_name": _text(raw, "Naam melder"),
            "reporter_organisation": _text(raw, "Organisatie melder"),
            "reporter_contact": _text(raw, "Contact melder"),
            "person_first_name": _text(raw, "Voornaam betrokkene"),
            "person_last_name": _text(raw, "Achternaam betrokkene"),
            "person_birth_date": parse_date(
                plan, number, "Geboortedatum betrokkene", raw.get("Geboortedatum betrokkene")
            ),
            "concern": _text(raw, "Zorg"),
            "urgency": parse_choice(plan, number, "Urgentie", raw.get("Urgentie"), Urgency)
            or Urgency.NORMAL,
        }
        state = parse_choice(plan, number, "Status", raw.get("Status"), MigratedState)
        close_reason = parse_choice(
            plan, number, "Reden afdoening", raw.get("Reden afdoening"), TriageCloseReason
        )
        destination = _text(raw, "Overgedragen aan")
        for name, header in LIMITED:
            limit = Signal._meta.get_field(name).max_length
            check_length(plan, number, header, _text(raw, header), limit)
        if not cells_ok or len(plan.errors) > errors_before:
            continue
        _check_row(plan, number, data, state, close_reason, destination)
        reference = data["external_reference"]
        message = _("Dubbel kenmerk; ook in rij %(row)s.")
        if not check_duplicate(plan, seen, reference, number, "Kenmerk oud systeem", message):
            continue
        if len(plan.errors) > errors_before:
            continue
        values = {
            "data": data,
            "state": state,
            "close_reason": close_reason or "",
            "destination": destination,
        }
        action = "unchanged" if reference in existing else "create"
        plan.rows.append(RowPlan(number, action, values, reference))
    return plan


def _check_row(plan, number, data, state, close_reason, destination) -> None:
    """The intake service's own checks, and what the triage step will need."""
    for field, messages in signal_data_errors(data).items():
        for message in messages:
            kind = DATE if field in DATE_FIELDS else OTHER
            plan.error(number, FIELD_COLUMNS.get(field, ""), message, kind)
    if state == DossierState.TRIAGE_CLOSED and not close_reason:
        plan.error(number, "Reden afdoening", _("Vul de reden van afdoening in."), REQUIRED)
    if state == DossierState.REGULAR_TRACK and not destination:
        plan.error(number, "Overgedragen aan", _("Vul in aan wie is overgedragen."), REQUIRED)


def signal_import_apply(*, plan: ImportPlan, by) -> int:
    """Register each new signal and take its triage step (the caller holds the transaction)."""
    written = 0
    note = _("Overgenomen uit het vorige registratiesysteem.")
    for row in plan.changes():
        values = row.values
        signal = signal_register(by=by, data=dict(values["data"]))
        if values["state"] != DossierState.REGISTERED:
            signal_triage(
                dossier=signal.dossier,
                outcome=values["state"],
                by=by,
                close_reason=values["close_reason"],
                destination=values["destination"],
                note=note,
            )
        written += 1
    return written

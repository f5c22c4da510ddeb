"""Migrating existing signals: through the intake services, idempotent by the old reference."""

import datetime

import pytest

from dossiers.models import Dossier, DossierStatusChange, Signal
from dossiers.workflow.states import DossierState as S
from reports.importers.signals import HEADERS, SHEET, signal_import_apply, signal_import_plan
from tests.imports.helpers import xlsx

pytestmark = pytest.mark.django_db


def _row(reference, status="Gemeld, eerste beoordeling", **overrides):
    row = {
        "Kenmerk oud systeem": reference,
        "Ontvangen op": datetime.date(2024, 1, 15),
        "Kanaal": "E-mail",
        "Soort melder": "Docent of school",
        "Naam melder": "Docent Fictief",
        "Organisatie melder": "Testcollege",
        "Contact melder": "",
        "Voornaam betrokkene": "Sem",
        "Achternaam betrokkene": "Verzonnen",
        "Geboortedatum betrokkene": "04-07-2008",
        "Zorg": "Fictieve zorg uit het oude systeem.",
        "Urgentie": "Normaal",
        "Status": status,
        "Reden afdoening": "",
        "Overgedragen aan": "",
        **overrides,
    }
    return [row[h] for h in HEADERS]


GOOD = [
    _row("OUD-1"),
    _row("OUD-2", "Afgedaan door MAP", **{"Reden afdoening": "Geen zorg over radicalisering"}),
    _row("OUD-3", "Overgedragen aan regulier traject", **{"Overgedragen aan": "Wijkteam Test"}),
    _row("OUD-4", "Duiding in het Voorportaal", **{"Voornaam betrokkene": "Lotte"}),
]


def test_signals_are_made_through_the_services_in_their_state(users):
    plan = signal_import_plan(content=xlsx(SHEET, HEADERS, GOOD))
    assert plan.errors == []
    assert signal_import_apply(plan=plan, by=users["map"]) == 4
    states = dict(Signal.objects.values_list("external_reference", "dossier__state"))
    assert states == {
        "OUD-1": S.REGISTERED,
        "OUD-2": S.TRIAGE_CLOSED,
        "OUD-3": S.REGULAR_TRACK,
        "OUD-4": S.PRE_ASSESSMENT,
    }
    closed = Signal.objects.get(external_reference="OUD-2")
    assert closed.triage_close_reason == "no_concern"
    assert closed.dossier.subject.birth_date == datetime.date(2008, 7, 4)
    # every state change is in the status history, taken by the importing user
    history = DossierStatusChange.objects.filter(dossier=closed.dossier).order_by("at", "pk")
    assert [(h.from_state, h.to_state) for h in history] == [
        ("", S.REGISTERED),
        (S.REGISTERED, S.TRIAGE_CLOSED),
    ]
    again = signal_import_plan(content=xlsx(SHEET, HEADERS, GOOD))
    assert {r.action for r in again.rows} == {"unchanged"}
    assert signal_import_apply(plan=again, by=users["map"]) == 0
    assert Dossier.objects.count() == 4


def test_bad_signal_rows_get_dutch_errors(users):
    rows = [
        _row("OUD-1", **{"Ontvangen op": "15 januari"}),
        _row("OUD-2", "Afgedaan door MAP"),
        _row("OUD-3", **{"Soort melder": "Anoniem"}),
        _row("OUD-4", **{"Ontvangen op": datetime.date(2999, 1, 1)}),
        _row("OUD-5", **{"Status": "In uitvoering"}),
        _row("OUD-6"),
        _row("OUD-6"),
    ]
    plan = signal_import_plan(content=xlsx(SHEET, HEADERS, rows))
    errors = {(row, column) for row, column, _m in plan.errors}
    assert errors == {
        (2, "Ontvangen op"),
        (3, "Reden afdoening"),
        (4, "Naam melder"),
        (4, "Organisatie melder"),
        (5, "Ontvangen op"),
        (6, "Status"),
        (8, "Kenmerk oud systeem"),
    }
    assert (5, "Ontvangen op", "De ontvangstdatum kan niet in de toekomst liggen.") in plan.errors
    assert not Signal.objects.exists()

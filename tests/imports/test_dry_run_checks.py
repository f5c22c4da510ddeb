"""The dry run checks what the apply would refuse (lengths, choices, dates, uniqueness), so a
clean dry run is a clean apply: each bad row is reported in Dutch with its row number, with the
kind the summary counts (issue 16)."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from dossiers.models import Signal
from reports.importers import other_approach_lists as lists
from reports.importers import signals
from reports.importers.base import ImportPlan, parse_date
from reports.imports import HEADERS, SHEET, intervention_import_plan
from reports.services import intervention_import_apply
from snippets.models import Intervention, OtherApproach, OtherApproachListEntry
from tests.factories.snippets import InterventionFactory
from tests.imports.helpers import xlsx
from tests.imports.test_signal_import import _row as signal_row

pytestmark = pytest.mark.django_db


def _tomorrow() -> datetime.date:
    """Tomorrow when the test runs (not when it was collected: a run can pass midnight)."""
    return timezone.localdate() + datetime.timedelta(days=1)


GOOD_INTERVENTION = ["Schuldhulp", "Hulp bij schulden", "Zorg", "", None, "", "ja"]
GOOD_PERSON = ["Top600 Test", "T-1", "Fenna", "Fictiefstra", datetime.date(2003, 5, 17)]


def _interventions(bad):
    return intervention_import_plan(content=xlsx(SHEET, HEADERS, [GOOD_INTERVENTION, bad]))


def _people(bad):
    header = [c.header for c in lists._columns()]
    return lists.other_approach_list_plan(content=xlsx(lists.SHEET, header, [GOOD_PERSON, bad]))


def _signals(bad):
    rows = [signal_row("OUD-1"), bad]
    return signals.signal_import_plan(content=xlsx(signals.SHEET, signals.HEADERS, rows))


CASES = {
    "intervention-name-too-long": (
        lambda: _interventions(["N" * 201, "x", "Zorg", "", None, "", "ja"]),
        (3, "Naam", "Te lang: 201 tekens, ten hoogste 200.", "length"),
    ),
    "intervention-unknown-domain": (
        lambda: _interventions(["Mentortraject", "x", "Sport", "", None, "", "ja"]),
        (3, "Domein", "Onbekende waarde 'Sport'.", "choice"),
    ),
    "intervention-duplicate-name": (
        lambda: _interventions(GOOD_INTERVENTION),
        (3, "Naam", "Dubbele naam; ook in rij 2.", "duplicate"),
    ),
    "person-reference-too-long": (
        lambda: _people(["Top600 Test", "R" * 101, "A", "B", datetime.date(2003, 5, 17)]),
        (3, "Referentie", "Te lang: 101 tekens, ten hoogste 100.", "length"),
    ),
    "person-future-birth-date": (
        lambda: _people(["Top600 Test", "T-2", "A", "B", _tomorrow()]),
        (3, "Geboortedatum", "Een geboortedatum ligt niet in de toekomst.", "date"),
    ),
    "person-unknown-approach": (
        lambda: _people(["Top601", "T-2", "A", "B", datetime.date(2003, 5, 17)]),
        (3, "Andere aanpak", "Onbekende andere aanpak 'Top601'.", "choice"),
    ),
    "person-duplicate-reference": (
        lambda: _people(GOOD_PERSON),
        (3, "Referentie", "Dubbele referentie; ook in rij 2.", "duplicate"),
    ),
    "signal-reference-too-long": (
        lambda: _signals(signal_row("K" * 101)),
        (3, "Kenmerk oud systeem", "Te lang: 101 tekens, ten hoogste 100.", "length"),
    ),
    "signal-reporter-too-long": (
        lambda: _signals(signal_row("OUD-2", **{"Naam melder": "M" * 201})),
        (3, "Naam melder", "Te lang: 201 tekens, ten hoogste 200.", "length"),
    ),
    "signal-destination-too-long": (
        lambda: _signals(
            signal_row(
                "OUD-2",
                "Overgedragen aan regulier traject",
                **{"Overgedragen aan": "W" * 201},
            )
        ),
        (3, "Overgedragen aan", "Te lang: 201 tekens, ten hoogste 200.", "length"),
    ),
    "signal-unknown-channel": (
        lambda: _signals(signal_row("OUD-2", **{"Kanaal": "Postduif"})),
        (3, "Kanaal", "Onbekende waarde 'Postduif'.", "choice"),
    ),
    "signal-future-birth-date": (
        lambda: _signals(signal_row("OUD-2", **{"Geboortedatum betrokkene": _tomorrow()})),
        (
            3,
            "Geboortedatum betrokkene",
            "De geboortedatum kan niet in de toekomst liggen.",
            "date",
        ),
    ),
    "signal-duplicate-reference": (
        lambda: _signals(signal_row("OUD-1")),
        (3, "Kenmerk oud systeem", "Dubbel kenmerk; ook in rij 2.", "duplicate"),
    ),
}


@pytest.fixture
def approach(db):
    return OtherApproach.objects.create(name="Top600 Test", live=True)


@pytest.mark.parametrize("case", CASES)
def test_the_dry_run_reports_what_the_apply_would_refuse(approach, case):
    plan_of, (row, column, message, kind) = CASES[case]
    plan = plan_of()
    assert plan.errors == [(row, column, message)]
    assert plan.error_kinds == [kind]


def test_a_name_already_in_the_database_is_an_update_and_applies(users):
    existing = InterventionFactory(name="Schuldhulp", live=True)
    plan = intervention_import_plan(content=xlsx(SHEET, HEADERS, [GOOD_INTERVENTION]))
    assert plan.is_clean, plan.errors
    assert [(r.row, r.action) for r in plan.rows] == [(2, "update")]
    assert intervention_import_apply(plan=plan, by=users["programmateam"]) == 1
    assert Intervention.objects.filter(name="Schuldhulp").get().pk == existing.pk


def test_a_reference_already_imported_is_left_alone(users):
    content = xlsx(signals.SHEET, signals.HEADERS, [signal_row("OUD-1")])
    signals.signal_import_apply(plan=signals.signal_import_plan(content=content), by=users["map"])
    again = signals.signal_import_plan(content=content)
    assert (again.errors, [r.action for r in again.rows]) == ([], ["unchanged"])
    assert signals.signal_import_apply(plan=again, by=users["map"]) == 0
    assert Signal.objects.filter(external_reference="OUD-1").count() == 1


def test_a_person_already_listed_is_an_update_and_applies(users, approach):
    header = [c.header for c in lists._columns()]
    first = lists.other_approach_list_plan(content=xlsx(lists.SHEET, header, [GOOD_PERSON]))
    lists.other_approach_list_apply(plan=first, by=users["voorportaal"])
    renamed = [*GOOD_PERSON[:3], "Fictiefstra-de Wit", GOOD_PERSON[4]]
    plan = lists.other_approach_list_plan(content=xlsx(lists.SHEET, header, [renamed]))
    assert (plan.errors, [r.action for r in plan.rows]) == ([], ["update"])
    assert lists.other_approach_list_apply(plan=plan, by=users["voorportaal"]) == 1
    assert OtherApproachListEntry.objects.get().last_name == "Fictiefstra-de Wit"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3-4-2027", datetime.date(2027, 4, 3)),
        ("03-04-2027", datetime.date(2027, 4, 3)),
        ("31-12-2026", datetime.date(2026, 12, 31)),
    ],
)
def test_text_dates_are_day_first(text, expected):
    plan = ImportPlan()
    assert parse_date(plan, 2, "Datum", text) == expected
    assert plan.errors == []


def test_a_month_first_date_is_refused_not_swapped():
    plan = ImportPlan()
    assert parse_date(plan, 4, "Datum", "4-13-2027") is None
    assert plan.errors == [
        (4, "Datum", "Ongeldige datum '4-13-2027'; gebruik een datumcel of dd-mm-jjjj.")
    ]


def test_the_day_first_rule_is_told_in_the_template_and_on_the_upload_page(client, users):
    from openpyxl import load_workbook

    rule = "3-4-2027 is 3 april 2027"
    sheet = load_workbook(io.BytesIO(signals.signal_template()))[signals.SHEET]
    notes = {cell.value: cell.comment.text for cell in sheet[1] if cell.comment}
    assert rule in notes["Ontvangen op"] and rule in notes["Geboortedatum betrokkene"]
    client.force_login(users["map"])
    page = client.get(reverse("imports:upload", args=["meldingen"])).content.decode()
    assert rule in page

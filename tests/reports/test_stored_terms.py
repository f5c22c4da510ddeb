# ruff: noqa: F811
"""Issue 17: each UVO and evaluation stores how long its term had run (``term_days``), kept
current by the events that change it; the monitor counts those rows against the interval as it
is set at the moment of counting. Every expectation is counted by hand."""

import datetime

import pytest

from dossiers.models import CaseMeeting, Evaluation, ProgrammeSettings
from dossiers.services.closure import evaluation_record
from dossiers.services.intervals import uvo_interval_set
from dossiers.services.terms import terms_refresh
from dossiers.workflow.states import DossierState as S
from reports.periods import Period
from reports.selectors import evaluation_deadline_compliance, uvo_deadline_compliance
from tests.factories.plan import uvo_held
from tests.meetings.conftest import clock, step  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db
D = datetime.date
START = D(2027, 1, 4)  # the clock fixture's first day: the dossier is adopted and in execution
YEAR = Period(start=D(2027, 1, 1), end=D(2027, 12, 31), label="2027")


def _uvo_figures() -> list[int]:
    return list(dict(uvo_deadline_compliance(period=YEAR).rows).values())[:2]  # in time, late


def _evaluation_figures() -> list[int]:
    return list(dict(evaluation_deadline_compliance(period=YEAR).rows).values())[:2]


def _stored(model, date_field: str) -> dict[datetime.date, int | None]:
    return dict(model.objects.order_by(date_field).values_list(date_field, "term_days"))


@pytest.fixture
def executing(clock, walk):
    return walk(S.IN_EXECUTION)


def _two_more_uvos(clock, dossier, users) -> None:
    """After the walk's first UVO (2027-01-04): one on 02-01 and one on 03-03."""
    clock.move_to(D(2027, 4, 1))
    for on in (D(2027, 2, 1), D(2027, 3, 3)):
        uvo_held(dossier, users["regisseur"], on=on)


def test_each_uvo_stores_the_days_since_the_previous_one(clock, executing, users):
    director = users["regisseur"]  # the walk held the first UVO on 2027-01-04
    clock.move_to(D(2027, 4, 1))
    uvo_held(executing, director, on=D(2027, 3, 3))  # 58 days: late at 56
    assert _stored(CaseMeeting, "held_on") == {START: None, D(2027, 3, 3): 58}
    assert _uvo_figures() == [0, 1]
    # Entered late, a UVO held in between: the March UVO's term now ran from it.
    uvo_held(executing, director, on=D(2027, 2, 1))
    assert _stored(CaseMeeting, "held_on") == {START: None, D(2027, 2, 1): 28, D(2027, 3, 3): 30}
    assert _uvo_figures() == [2, 0]


def test_a_deleted_uvo_gives_the_next_one_its_older_term(clock, executing, users):
    _two_more_uvos(clock, executing, users)
    CaseMeeting.objects.get(held_on=D(2027, 2, 1)).delete()
    assert _stored(CaseMeeting, "held_on") == {START: None, D(2027, 3, 3): 58}
    assert _uvo_figures() == [0, 1]


def test_a_uvo_on_the_day_the_case_closed_does_not_count(clock, walk, step, users):
    director = users["regisseur"]
    dossier = walk(S.CLOSURE_ADVISED)
    clock.move_to(D(2027, 2, 1))
    uvo_held(dossier, director, on=D(2027, 2, 1))
    assert _stored(CaseMeeting, "held_on") == {START: None, D(2027, 2, 1): 28}
    assert _uvo_figures() == [1, 0]
    step(dossier, S.CLOSED)  # the same day: the dossier was no longer in execution that day
    assert _stored(CaseMeeting, "held_on") == {START: None, D(2027, 2, 1): None}
    assert _uvo_figures() == [0, 0]


def test_the_interval_is_the_one_set_when_counted(clock, executing, users):
    director = users["regisseur"]
    clock.move_to(D(2027, 4, 1))
    uvo_held(executing, director, on=D(2027, 2, 13))  # 40 days
    assert _uvo_figures() == [1, 0]
    programme = ProgrammeSettings.load()
    programme.uvo_interval_days = 35
    programme.save()
    assert _uvo_figures() == [0, 1]
    uvo_interval_set(dossier=executing, by=director, days=42, reason="Fictieve reden")
    assert _uvo_figures() == [1, 0]
    assert _stored(CaseMeeting, "held_on")[D(2027, 2, 13)] == 40  # nothing was rewritten


def test_evaluations_count_from_the_adoption_then_from_the_previous_one(clock, executing, users):
    director = users["regisseur"]  # adopted on 2027-01-04
    clock.move_to(D(2027, 6, 1))
    for on in (D(2027, 3, 29), D(2027, 5, 10)):  # 84 days after adoption, then 42 after that
        evaluation_record(dossier=executing, by=director, evaluated_on=on, judgement="on_track")
    assert _stored(Evaluation, "evaluated_on") == {D(2027, 3, 29): 84, D(2027, 5, 10): 42}
    assert _evaluation_figures() == [2, 0]
    programme = ProgrammeSettings.load()
    programme.evaluation_interval_days = 60
    programme.save()
    assert _evaluation_figures() == [1, 1]


def test_an_evaluation_dated_before_the_adoption_does_not_count(clock, executing, users):
    before = D(2026, 12, 28)
    evaluation_record(
        dossier=executing, by=users["regisseur"], evaluated_on=before, judgement="on_track"
    )
    assert _stored(Evaluation, "evaluated_on") == {before: None}
    assert _evaluation_figures() == [0, 0]


def test_refresh_fills_what_bulk_inserts_left_empty(clock, executing, users):
    _two_more_uvos(clock, executing, users)
    CaseMeeting.objects.update(term_days=None)
    assert _uvo_figures() == [0, 0]
    assert terms_refresh() == 2  # the first UVO stays empty
    assert _stored(CaseMeeting, "held_on") == {START: None, D(2027, 2, 1): 28, D(2027, 3, 3): 30}
    assert _uvo_figures() == [2, 0]
    assert terms_refresh(dossier_ids=[executing.pk]) == 0  # nothing left to change


def test_the_data_migration_fills_the_rows_as_the_service_keeps_them(clock, executing, users):
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    _two_more_uvos(clock, executing, users)
    kept = _stored(CaseMeeting, "held_on")
    CaseMeeting.objects.update(term_days=None)
    migration = "0172_uvo_evaluation_terms"
    historical = MigrationLoader(connection).project_state(("dossiers", migration)).apps
    module = __import__(f"dossiers.migrations.{migration}", fromlist=["fill_terms"])
    module.fill_terms(historical, None)
    assert (
        _stored(CaseMeeting, "held_on")
        == kept
        == {
            START: None,
            D(2027, 2, 1): 28,
            D(2027, 3, 3): 30,
        }
    )

# ruff: noqa: F811
"""Clocks run from the decision's own date, never from the day it is recorded (frozen clock)."""

import datetime

import pytest

from dossiers.models import ObligationKind
from dossiers.obligations import dossier_obligations
from dossiers.services import TransitionNotAllowed, dossier_transition, steering_decide
from dossiers.workflow.states import DossierState as S
from tests.conftest import _actor_for
from tests.meetings.conftest import clock  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
D = datetime.date


def _due(dossier, kind):
    return {o.kind: o.due_on for o in dossier_obligations(dossier=dossier)}.get(kind)


def _awaiting(walk, clock):
    clock.move_to(D(2027, 3, 22))
    return walk(S.AWAITING_DECISION)


def test_letter_due_three_weeks_after_the_decision_date_not_the_recording(
    walk,
    users,
    clock,
):
    dossier = _awaiting(walk, clock)
    clock.move_to(D(2027, 4, 8))  # recorded the day after the Regieoverleg of 7 April
    steering_decide(
        dossier=dossier,
        outcome="include",
        by=users["secretaris"],
        decided_on=D(2027, 4, 7),
        case_director=users["regisseur"],
    )
    dossier.refresh_from_db()
    assert dossier.included_on == D(2027, 4, 7)
    assert _due(dossier, ObligationKind.LETTER) == D(2027, 4, 28)
    clock.move_to(D(2027, 4, 20))  # recording later changes nothing
    assert _due(dossier, ObligationKind.LETTER) == D(2027, 4, 28)


@pytest.mark.parametrize(
    ("decided_on", "message"),
    [
        (D(2027, 4, 9), "in de toekomst"),
        (D(2027, 3, 1), "vóór de registratie van het dossier"),
    ],
)
def test_decision_date_after_today_or_before_the_dossier_is_refused(
    walk,
    users,
    clock,
    decided_on,
    message,
):
    dossier = _awaiting(walk, clock)
    clock.move_to(D(2027, 4, 8))
    with pytest.raises(TransitionNotAllowed) as refusal:
        steering_decide(
            dossier=dossier,
            outcome="include",
            by=users["secretaris"],
            decided_on=decided_on,
            case_director=users["regisseur"],
        )
    assert message in str(refusal.value)
    dossier.refresh_from_db()
    assert (dossier.state, dossier.included_on) == (S.AWAITING_DECISION, None)


def test_evaluation_due_84_days_after_the_adoption_decision_not_its_recording(
    walk,
    users,
    clock,
):
    clock.move_to(D(2027, 1, 4))
    dossier = walk(S.PLAN_DEFINITIVE)
    wednesday, thursday = D(2027, 4, 7), D(2027, 4, 8)
    assert wednesday.weekday() == 2
    clock.move_to(thursday)
    director = users["regisseur"]
    dossier_transition(
        dossier=dossier,
        to=S.PLAN_ADOPTED,
        by=_actor_for(users, S.PLAN_DEFINITIVE, S.PLAN_ADOPTED, director),
        note="vastgesteld",
        decided_on=wednesday,
    )
    dossier.refresh_from_db()
    assert dossier.plan.adopted_on == wednesday
    assert _due(dossier, ObligationKind.EVALUATION) == wednesday + datetime.timedelta(days=84)


def test_the_monitor_judges_an_evaluation_from_the_adoption_decision_date(walk, users, clock):
    """Adopted on a Wednesday, recorded on the Thursday: an evaluation on Wednesday + 85 days
    is one day late for the monitor too (from the recording day it would look in time)."""
    from dossiers.models import Judgement
    from dossiers.services.closure import evaluation_record
    from reports.periods import Period
    from reports.selectors import evaluation_deadline_compliance

    clock.move_to(D(2027, 1, 4))
    dossier = walk(S.PLAN_DEFINITIVE)
    wednesday, thursday = D(2027, 4, 7), D(2027, 4, 8)
    clock.move_to(thursday)
    director = users["regisseur"]
    dossier_transition(
        dossier=dossier,
        to=S.PLAN_ADOPTED,
        by=_actor_for(users, S.PLAN_DEFINITIVE, S.PLAN_ADOPTED, director),
        note="vastgesteld",
        decided_on=wednesday,
    )
    evaluated_on = wednesday + datetime.timedelta(days=85)
    clock.move_to(evaluated_on)
    evaluation_record(
        dossier=dossier, by=director, evaluated_on=evaluated_on, judgement=Judgement.ON_TRACK
    )
    table = evaluation_deadline_compliance(
        period=Period(D(2027, 7, 1), D(2027, 7, 31), "juli 2027")
    )
    in_time, late, _overdue = (count for _label, count in table.rows)
    assert (in_time, late) == (0, 1)

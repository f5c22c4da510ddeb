"""Decisions on agenda items drive the dossier's state machine; refusals keep their reasons."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from dossiers.meetings.agenda import agenda_item_add, agenda_item_remove
from dossiers.meetings.decisions import DECISION_STEPS, agenda_item_decide, decision_choices
from dossiers.models import AgendaDecision, AgendaItem, Meeting, MeetingKind, SteeringDecision
from dossiers.services import TransitionNotAllowed
from dossiers.workflow.states import DossierState as S
from dossiers.workflow.transitions import TRANSITION_MAP

D = datetime.date


def test_every_decision_is_a_step_of_the_transition_table():
    for decision, steps in DECISION_STEPS.items():
        for source, target in steps.items():
            assert (source, target) in TRANSITION_MAP, (decision, source, target)
    assert set(DECISION_STEPS) == set(AgendaDecision.values)


@pytest.fixture
def place(calendar, clock, users):
    """Put a dossier on the meeting of ``kind`` on ``day``; the clock moves to that day."""

    def _place(dossier, kind, *, meeting_kind, day):
        meeting = Meeting.objects.get(series__kind=meeting_kind, date=day)
        item = agenda_item_add(meeting=meeting, dossier=dossier, kind=kind, by=users["secretaris"])
        clock.move_to(day)
        return item

    return _place


ITATR, STEERING = MeetingKind.ADVISORY, MeetingKind.STEERING
ITATR_DAY, STEERING_DAY = D(2027, 1, 21), D(2027, 1, 20)

CASES = [
    # (start state, item kind, meeting kind, day, decision, resulting state)
    (S.PLAN_SUBMITTED, "concept_plan", ITATR, ITATR_DAY, "advice", S.PLAN_ADVISED),
    (S.CLOSURE_PROPOSED, "closure", ITATR, ITATR_DAY, "advice", S.CLOSURE_ADVISED),
    (S.PLAN_DEFINITIVE, "definitive_plan", STEERING, STEERING_DAY, "adopt", S.PLAN_ADOPTED),
    (S.PLAN_DEFINITIVE, "definitive_plan", STEERING, STEERING_DAY, "send_back", S.PLAN_ADVISED),
    (S.CLOSURE_ADVISED, "closure", STEERING, STEERING_DAY, "wind_down", S.WINDING_DOWN),
    (S.CLOSURE_ADVISED, "closure", STEERING, STEERING_DAY, "close", S.CLOSED),
    (S.CLOSURE_ADVISED, "closure", STEERING, STEERING_DAY, "continue", S.IN_EXECUTION),
]


@pytest.mark.parametrize(("start", "kind", "meeting_kind", "day", "decision", "result"), CASES)
def test_decision_moves_the_dossier(
    start, kind, meeting_kind, day, decision, result, walk, place, users
):
    dossier = walk(start)
    item = place(dossier, kind, meeting_kind=meeting_kind, day=day)
    agenda_item_decide(item=item, decision=decision, by=users["secretaris"], note="Besproken")
    dossier.refresh_from_db()
    item.refresh_from_db()
    assert dossier.state == result
    assert (item.decision, item.decision_note, item.decided_by) == (
        decision,
        "Besproken",
        users["secretaris"],
    )
    last = dossier.history.last()
    assert (last.from_state, last.to_state, last.by) == (start, result, users["secretaris"])


def test_include_appoints_the_case_director_and_records_the_steering_decision(walk, place, users):
    dossier = walk(S.AWAITING_DECISION)
    item = place(dossier, "decision", meeting_kind=STEERING, day=STEERING_DAY)
    agenda_item_decide(
        item=item, decision="include", by=users["secretaris"], case_director=users["regisseur"]
    )
    dossier.refresh_from_db()
    assert (dossier.state, dossier.case_director) == (S.INCLUDED, users["regisseur"])
    decision = SteeringDecision.objects.get(dossier=dossier)
    assert (decision.outcome, decision.decided_on) == ("include", STEERING_DAY)


def test_refusal_gives_the_guards_reasons_and_changes_nothing(walk, place, users):
    dossier = walk(S.AWAITING_DECISION)
    item = place(dossier, "decision", meeting_kind=STEERING, day=STEERING_DAY)
    with pytest.raises(TransitionNotAllowed) as refusal:
        agenda_item_decide(item=item, decision="include", by=users["secretaris"])
    assert "Bij opnemen moet een regisseur worden aangewezen." in refusal.value.reasons
    with pytest.raises(TransitionNotAllowed) as refusal:
        agenda_item_decide(item=item, decision="not_include", by=users["secretaris"])
    assert set(refusal.value.reasons) == {
        "Geef een toelichting (reden en bestemming).",
        "Vermeld aan wie de melding wordt overgedragen.",
    }
    dossier.refresh_from_db()
    item.refresh_from_db()
    assert dossier.state == S.AWAITING_DECISION
    assert item.decision == ""
    assert not SteeringDecision.objects.exists()


def test_a_decision_that_does_not_fit_the_state_is_refused_by_the_table(walk, place, users):
    dossier = walk(S.INCLUDED)  # concept plan not submitted yet
    item = place(dossier, "concept_plan", meeting_kind=ITATR, day=ITATR_DAY)
    with pytest.raises(TransitionNotAllowed) as refusal:
        agenda_item_decide(item=item, decision="advice", by=users["secretaris"])
    assert "kan een dossier niet naar" in refusal.value.reasons[0]
    assert AgendaItem.objects.get(pk=item.pk).decision == ""


def test_decisions_wait_for_the_meeting_and_are_taken_once(calendar, clock, walk, users):
    dossier = walk(S.PLAN_SUBMITTED)
    meeting = Meeting.objects.get(series__kind=ITATR, date=ITATR_DAY)
    item = agenda_item_add(
        meeting=meeting, dossier=dossier, kind="concept_plan", by=users["secretaris"]
    )
    with pytest.raises(ValidationError, match="vanaf de vergaderdatum"):
        agenda_item_decide(item=item, decision="advice", by=users["secretaris"])
    clock.move_to(ITATR_DAY)
    with pytest.raises(ValidationError):
        agenda_item_decide(item=item, decision="advice", by=users["regieoverleg"])
    with pytest.raises(TransitionNotAllowed, match="advies van het ITAT-R"):
        agenda_item_decide(item=item, decision="advice", by=users["secretaris"])
    agenda_item_decide(
        item=item, decision="advice", by=users["secretaris"], note="Advies: akkoord, fictief."
    )
    with pytest.raises(ValidationError, match="al een besluit"):
        agenda_item_decide(item=item, decision="advice", by=users["secretaris"])
    # A decided item is history: the agenda is fixed.
    with pytest.raises(ValidationError, match="besluiten vastgelegd"):
        agenda_item_remove(item=item, by=users["secretaris"])
    assert AgendaItem.objects.filter(pk=item.pk).exists()


def test_choices_follow_meeting_and_item_kind(walk, place, users):
    signal = place(walk(S.AWAITING_DECISION), "decision", meeting_kind=STEERING, day=STEERING_DAY)
    assert [v for v, _ in decision_choices(signal)] == ["include", "not_include", "hold"]
    plan = place(walk(S.PLAN_SUBMITTED), "concept_plan", meeting_kind=ITATR, day=ITATR_DAY)
    assert [v for v, _ in decision_choices(plan)] == ["advice"]
    with pytest.raises(ValidationError, match="past niet"):
        agenda_item_decide(item=plan, decision="adopt", by=users["secretaris"])

"""The obligations engine: a dossier walked through a year, every deadline on its date."""

import datetime

import pytest

from dossiers.models import ObligationKind, ProgrammeSettings
from dossiers.obligations import (
    dossier_obligations,
    obligations_due,
    register_completion,
    unregister_completion,
)
from dossiers.workflow.states import DossierState as S
from tests.factories.plan import uvo_held

D = datetime.date
K = ObligationKind


def due(dossier) -> dict[str, datetime.date]:
    return {o.kind: o.due_on for o in dossier_obligations(dossier=dossier)}


def rule(dossier, kind) -> str:
    return {o.kind: o.rule for o in dossier_obligations(dossier=dossier)}[kind]


@pytest.fixture
def recorded():
    """A stand-in for the letters, UVO and evaluation features: dates done per dossier."""
    done: dict[str, dict[int, list[datetime.date]]] = {k: {} for k in K.values}
    sources = {kind: (lambda ids, kind=kind: done[kind]) for kind in K.values}
    for kind, source in sources.items():
        register_completion(kind, source)
    yield done
    for kind, source in sources.items():
        unregister_completion(kind, source)


def test_a_year_of_deadlines(clock, calendar, walk, step, recorded):
    clock.move_to(D(2027, 3, 1))
    dossier = walk(S.AWAITING_DECISION)
    clock.move_to(D(2027, 3, 25))
    step(dossier, S.INCLUDED)
    # Letter: day 21. ITAT-R: first on or after 29 April is 6 May, Ascension Day: skipped,
    # so 27 May; concept plan and first UVO due 7 days before.
    assert due(dossier) == {
        K.LETTER: D(2027, 4, 15),
        K.CONCEPT_PLAN: D(2027, 5, 20),
        K.UVO: D(2027, 5, 20),
    }
    concept, first_uvo = (
        o for o in dossier_obligations(dossier=dossier) if o.kind in (K.CONCEPT_PLAN, K.UVO)
    )
    assert (concept.kind, first_uvo.kind) == (K.CONCEPT_PLAN, K.UVO)
    assert concept.meeting.date == first_uvo.meeting.date == D(2027, 5, 27)
    assert "27-05-2027" in concept.rule and "27-05-2027" in first_uvo.rule

    recorded[K.LETTER][dossier.pk] = [D(2027, 4, 10)]
    # The first UVO (the real feature) is held before the plan goes to the ITAT-R.
    clock.move_to(D(2027, 5, 14))
    uvo_held(dossier, dossier.case_director)
    clock.move_to(D(2027, 5, 18))
    step(dossier, S.PLAN_SUBMITTED)
    assert due(dossier) == {K.UVO: D(2027, 7, 9)}  # previous UVO + 56

    # Advice at the ITAT-R of 27 May: the first Regieoverleg whose cut-off falls after it is
    # 9 June (cut-off 2 June); 26 May's cut-off (19 May) is before the ITAT-R.
    clock.move_to(D(2027, 5, 27))
    step(dossier, S.PLAN_ADVISED)
    assert due(dossier) == {K.DEFINITIVE_PLAN: D(2027, 6, 2), K.UVO: D(2027, 7, 9)}
    # next first (the engine works out the UVO before the plan)
    assert [o.kind for o in dossier_obligations(dossier=dossier)] == [K.DEFINITIVE_PLAN, K.UVO]

    clock.move_to(D(2027, 6, 1))
    step(dossier, S.PLAN_DEFINITIVE)
    clock.move_to(D(2027, 6, 9))
    step(dossier, S.PLAN_ADOPTED)
    assert due(dossier) == {K.EVALUATION: D(2027, 9, 1), K.UVO: D(2027, 7, 9)}  # adoption + 84
    assert rule(dossier, K.EVALUATION) == "Plan vastgesteld + 84 dagen"
    recorded[K.EVALUATION][dossier.pk] = [D(2027, 6, 9)]  # evaluated on the adoption day itself
    assert rule(dossier, K.EVALUATION) == "Vorige evaluatie + 84 dagen"
    clock.move_to(D(2027, 6, 10))
    step(dossier, S.IN_EXECUTION)

    recorded[K.EVALUATION][dossier.pk] = [D(2027, 8, 30)]
    assert due(dossier)[K.EVALUATION] == D(2027, 11, 22)  # previous evaluation + 84
    assert rule(dossier, K.EVALUATION) == "Vorige evaluatie + 84 dagen"
    recorded[K.EVALUATION][dossier.pk].append(D(2027, 11, 20))
    assert due(dossier)[K.EVALUATION] == D(2028, 2, 12)

    recorded[K.UVO][dossier.pk] = [D(2027, 5, 14)]
    assert due(dossier)[K.UVO] == D(2027, 7, 9)  # previous UVO + 56


def test_letter_stays_open_until_a_completion_source_says_sent(clock, calendar, walk, step):
    clock.move_to(D(2027, 3, 25))
    dossier = walk(S.INCLUDED)
    clock.move_to(D(2027, 12, 1))
    assert due(dossier)[K.LETTER] == D(2027, 4, 15)


def test_changed_setting_moves_open_obligations_not_done_ones(
    clock, calendar, walk, step, recorded
):
    clock.move_to(D(2027, 3, 25))
    dossier = walk(S.IN_EXECUTION)
    adopted = dossier.history.get(to_state=S.PLAN_ADOPTED).at.date()
    recorded[K.EVALUATION][dossier.pk] = [adopted + datetime.timedelta(days=80)]
    settings = ProgrammeSettings.load()
    settings.evaluation_interval_days = 56
    settings.save()
    assert due(dossier)[K.EVALUATION] == adopted + datetime.timedelta(days=80 + 56)
    # What was done stays done: the recorded evaluation date is not moved.
    assert recorded[K.EVALUATION][dossier.pk] == [adopted + datetime.timedelta(days=80)]


def test_agenda_obligation_for_the_secretary(clock, calendar):
    clock.move_to(D(2027, 5, 20))
    found = [o for o in obligations_due(on=D(2027, 5, 20)) if o.kind == K.AGENDA]
    # Next ITAT-R 27 May: agenda due 20 May. Regieoverleg 26 May: due 19 May (overdue).
    assert {(o.meeting.date, o.due_on) for o in found} >= {
        (D(2027, 5, 27), D(2027, 5, 20)),
        (D(2027, 5, 26), D(2027, 5, 19)),
    }


def test_obligations_due_only_from_the_first_reminder_date(clock, calendar, walk):
    clock.move_to(D(2027, 3, 25))
    dossier = walk(S.INCLUDED)
    keys = lambda on: {o.key for o in obligations_due(on=on) if o.dossier}  # noqa: E731
    assert f"letter:{dossier.pk}" not in keys(D(2027, 4, 7))
    assert f"letter:{dossier.pk}" in keys(D(2027, 4, 8))  # 7 days before 15 April


@pytest.mark.parametrize(
    ("submitted_on", "due_on", "meeting_on"),
    [
        # Discussed at the ITAT-R of 27 May, advice recorded a week late (3 June): the clock
        # runs from the meeting, so the Regieoverleg of 9 June (cut-off 2 June) is the one.
        (D(2027, 5, 18), D(2027, 6, 2), D(2027, 6, 9)),
        # Submitted on the morning of that ITAT-R: it was still discussed there.
        (D(2027, 5, 27), D(2027, 6, 2), D(2027, 6, 9)),
        # Submitted the day after it: no ITAT-R held since, so the advice was recorded without
        # a meeting and the clock runs from the day of the advice: 23 June (cut-off 16 June).
        (D(2027, 5, 28), D(2027, 6, 16), D(2027, 6, 23)),
    ],
)
def test_the_definitive_plan_runs_from_the_itat_r_that_discussed_it(
    clock, calendar, walk, step, submitted_on, due_on, meeting_on
):
    clock.move_to(D(2027, 3, 25))
    dossier = walk(S.INCLUDED)
    clock.move_to(submitted_on)
    step(dossier, S.PLAN_SUBMITTED)
    clock.move_to(D(2027, 6, 3))  # a Thursday without an ITAT-R
    step(dossier, S.PLAN_ADVISED)
    (definitive,) = [o for o in dossier_obligations(dossier=dossier) if o.kind == K.DEFINITIVE_PLAN]
    assert (definitive.due_on, definitive.meeting.date) == (due_on, meeting_on)
    # the rule names the day the clock runs from: the meeting's, or else the advice's
    discussed_on = "03-06-2027" if submitted_on == D(2027, 5, 28) else "27-05-2027"
    assert definitive.rule.endswith(f"na het ITAT-R van {discussed_on}")

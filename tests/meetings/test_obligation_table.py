"""Smaller rules of the obligations engine, written out by hand: which agendas are still to be
sent, a scoped question answers only for its dossiers, when an obligation is overdue, a
completion source that is taken away stops counting, who is reminded of what, and when a
deadline does not (or no longer) apply. Found by `make mutants` (docs/testing.md).

Mutants of ``dossiers/obligations.py`` left alive on purpose (equivalent; docs/testing.md):
- ``obligations_open``, ``calendar=calendar`` -> ``calendar=None`` or left out (mutmut 9, 11):
  ``dossier_obligation_list`` then loads the same calendar again (``MeetingCalendar.load()``),
  in the same request, from the same rows: one extra query, the same obligations. The same
  for ``dossier_obligation_list``'s own ``_load_context(..., calendar)`` -> ``None`` (mutmut 11).
- ``obligations_open``, ``select_related("case_director")`` -> ``select_related(None)``
  (mutmut 12): the engine reads only ``case_director_id`` and ``case_director_organisation_id``,
  columns of the dossier itself, so the join changes no answer and no query count.
- ``uvo_interval``, ``if dossier is not None`` -> ``if (dossier is not None) or True``
  (mutmut 3): for ``None`` that reads ``getattr(None, "uvo_interval_days", None)``, which is
  ``None``, the same as the ``else``. ``getattr(dossier, "uvo_interval_days")`` without the
  default (mutmut 8): every caller passes a ``Dossier``, the monitor's ``_Timeline`` (both have
  the attribute) or ``None`` (the ``else``).
- ``_load_context``, the filters of the two queries (mutmut 14: history of every dossier, 15:
  of every state; 46: adoption dates of every plan, 47: of plans not adopted too): the rows
  are read per dossier id and per state, so the extra rows are never looked up; a plan not
  adopted gives ``None``, and ``None`` falls back to the history as a missing row does (one
  plan per dossier). More rows read, the same obligations.
- ``_load_context``, ``order_by("at", "pk")`` -> ``order_by("pk")`` or ``order_by("at")``
  (mutmut 24, 25): every status change is written by ``dossier_transition`` (or
  ``dossier_create``) at ``now``, under the dossier's row lock, so per dossier the ids rise
  with the time; two rows at the same instant give the same date.
- ``_definitive_plan``, ``discussed = None`` -> ``discussed = ""`` (mutmut 20): only its
  truth is read after that.
- ``dossier_obligation_list``, the queryset's filter without ``state__in=ACTIVE_STATES`` or
  without ``included_on__isnull=False`` (mutmut 4, 5): ``_for_dossier`` leaves out the same
  dossiers again; the filter only spares loading them.
- ``evaluation_due``, ``d >= adopted_on`` -> ``d > adopted_on``: see
  ``tests/dossiers/test_obligation_boundaries.py`` (an evaluation on the adoption day gives the
  same date either way).
"""

import datetime

import pytest

from dossiers.models import Dossier, Meeting, MeetingStatus, ObligationKind
from dossiers.obligations import (
    Obligation,
    dossier_obligations,
    obligations_open,
    register_completion,
    unregister_completion,
)
from dossiers.workflow.states import DossierState as S

D = datetime.date
K = ObligationKind


def test_overdue_is_the_day_after_the_due_date():
    letter = Obligation(key="letter:1", kind=K.LETTER, due_on=D(2027, 4, 15), rule="regel")
    assert not letter.overdue(D(2027, 4, 14))
    assert not letter.overdue(D(2027, 4, 15))
    assert letter.overdue(D(2027, 4, 16))


@pytest.mark.django_db
def test_agendas_still_to_send_are_the_planned_unpublished_ones(clock, calendar):
    clock.move_to(D(2027, 5, 20))
    advisory = Meeting.objects.get(date=D(2027, 5, 27))  # ITAT-R, agenda due 20 May
    steering = Meeting.objects.get(date=D(2027, 5, 26))  # Regieoverleg, agenda due 19 May
    published = Meeting.objects.filter(date__gt=D(2027, 5, 27)).order_by("date")[0]
    cancelled = Meeting.objects.filter(date__gt=published.date).order_by("date")[0]
    published.agenda_published_at = datetime.datetime(2027, 5, 18, 9, tzinfo=datetime.UTC)
    published.save()
    cancelled.status = MeetingStatus.CANCELLED
    cancelled.save()

    agendas = {
        o.meeting.pk: o
        for o in obligations_open(on=D(2027, 5, 20), dossiers=Dossier.objects.none())
        if o.kind == K.AGENDA
    }
    assert advisory.pk in agendas and steering.pk in agendas
    assert published.pk not in agendas
    assert cancelled.pk not in agendas
    for meeting in (advisory, steering):
        obligation = agendas[meeting.pk]
        assert obligation.key == f"agenda:{meeting.pk}"
        assert obligation.responsible_permission == "dossiers.manage_agenda"
        assert obligation.escalation_permission == "dossiers.manage_agenda"
        assert obligation.responsible_user_id is None
    assert (agendas[advisory.pk].due_on, agendas[steering.pk].due_on) == (
        D(2027, 5, 20),
        D(2027, 5, 19),
    )


@pytest.mark.django_db
def test_a_scoped_question_answers_for_its_dossiers_only(clock, calendar, walk):
    clock.move_to(D(2027, 3, 25))
    asked = walk(S.INCLUDED)
    other = walk(S.INCLUDED)
    found = obligations_open(
        on=D(2027, 3, 25), dossiers=Dossier.objects.filter(pk=asked.pk), agendas=False
    )
    assert {o.kind for o in found} >= {K.LETTER, K.CONCEPT_PLAN, K.UVO}
    assert {o.dossier for o in found} == {asked}
    everyone = obligations_open(on=D(2027, 3, 25), agendas=False)
    assert {o.dossier for o in everyone} >= {asked, other}


@pytest.mark.django_db
def test_a_completion_source_taken_away_stops_counting(clock, calendar, walk):
    clock.move_to(D(2027, 3, 25))
    dossier = walk(S.INCLUDED)

    def sent(dossier_ids):
        return {dossier.pk: [D(2027, 3, 26)]}

    kinds = lambda: {o.kind for o in dossier_obligations(dossier=dossier)}  # noqa: E731
    assert K.LETTER in kinds()
    register_completion(K.LETTER, sent)
    try:
        assert K.LETTER not in kinds()
    finally:
        unregister_completion(K.LETTER, sent)
    assert K.LETTER in kinds()
    unregister_completion(K.LETTER, sent)  # taking away what is not there is no error
    assert K.LETTER in kinds()


@pytest.mark.django_db
def test_the_letter_is_for_the_letter_team_the_rest_for_the_case_director(clock, calendar, walk):
    """Who is reminded, per obligation (docs/spec/domain.md): the letter goes to whoever holds
    the letter permission, with no one escalated by organisation; the case director's own
    obligations go to them and escalate to the advisory member of their organisation."""
    clock.move_to(D(2027, 3, 25))
    dossier = walk(S.INCLUDED)
    director = dossier.case_director
    assert director.organisation_id is not None
    by_kind = {o.kind: o for o in dossier_obligations(dossier=dossier)}
    letter = by_kind[K.LETTER]
    assert (letter.responsible_user_id, letter.escalation_organisation_id) == (None, None)
    assert letter.responsible_permission == "dossiers.receive_letter_reminders"
    assert letter.escalation_permission == "dossiers.receive_letter_reminders"
    for kind in (K.CONCEPT_PLAN, K.UVO):
        obligation = by_kind[kind]
        assert obligation.responsible_user_id == director.pk
        assert obligation.escalation_organisation_id == director.organisation_id
        assert obligation.responsible_permission == ""
        assert obligation.escalation_permission == "dossiers.advise_organisation_dossiers"


@pytest.mark.django_db
def test_until_a_source_is_registered_nothing_counts_as_done(
    clock, calendar, walk, users, monkeypatch
):
    """The module's promise: with no completion source at all (not one kind registered), every
    letter, UVO and evaluation stays open; the UVO held and the letter sent do not count."""
    from collections import defaultdict

    import dossiers.obligations as engine
    from tests.factories.plan import uvo_held

    clock.move_to(D(2027, 3, 25))
    included = walk(S.INCLUDED)
    uvo_held(included, users["regisseur"], on=D(2027, 3, 25))
    executing = walk(S.IN_EXECUTION)
    monkeypatch.setattr(engine, "_completion_sources", defaultdict(list))

    assert {o.kind: o.due_on for o in dossier_obligations(dossier=included)} == {
        K.LETTER: D(2027, 4, 15),
        K.CONCEPT_PLAN: D(2027, 5, 20),
        K.UVO: D(2027, 5, 20),  # the first UVO, as if none was held
    }
    assert executing.plan.adopted_on == D(2027, 3, 25)  # the clock stood still while walking
    assert {o.kind: o.due_on for o in dossier_obligations(dossier=executing)} == {
        K.LETTER: D(2027, 4, 15),
        K.EVALUATION: D(2027, 6, 17),  # adoption + 84, as if never evaluated
    }


@pytest.mark.django_db
def test_a_first_uvo_held_before_the_plan_leaves_only_the_next_uvo(clock, calendar, walk, users):
    """Included 25 March; the first UVO held on 1 April: the first-UVO deadline (20 May, before
    the ITAT-R's cut-off) is met, and the next UVO is due 56 days after it, 27 May."""
    from tests.factories.plan import uvo_held

    clock.move_to(D(2027, 3, 25))
    dossier = walk(S.INCLUDED)
    clock.move_to(D(2027, 4, 1))
    uvo_held(dossier, users["regisseur"], on=D(2027, 4, 1))
    found = dossier_obligations(dossier=dossier)
    assert [o.due_on for o in found if o.kind == K.UVO] == [D(2027, 5, 27)]
    assert [o.due_on for o in found if o.kind == K.CONCEPT_PLAN] == [D(2027, 5, 20)]


@pytest.mark.django_db
def test_without_an_itat_r_in_the_calendar_only_the_letter_is_due(clock, walk):
    """No meetings generated (no ``calendar`` fixture): no ITAT-R to prepare for, so no concept
    plan and no first UVO yet; the letter's clock does not need a meeting."""
    assert not Meeting.objects.exists()
    clock.move_to(D(2027, 3, 25))
    dossier = walk(S.INCLUDED)
    assert {o.kind: o.due_on for o in dossier_obligations(dossier=dossier)} == {
        K.LETTER: D(2027, 4, 15)
    }


@pytest.mark.django_db
def test_a_dossier_that_left_the_process_has_no_obligations(clock, calendar, walk):
    """Closed (it was included, so it has an inclusion date): nothing is due any more, also when
    the dossier is handed to the engine directly rather than through a queryset."""
    clock.move_to(D(2027, 3, 25))
    dossier = walk(S.CLOSED)
    assert dossier.included_on is not None
    assert dossier_obligations(dossier=dossier) == []
    assert obligations_open(on=D(2027, 3, 25), agendas=False) == []


@pytest.mark.django_db
def test_while_an_adopted_plan_is_back_at_the_itat_r_no_evaluation_is_due(
    clock, calendar, walk, users
):
    """An adopted plan submitted again (stagnation): until it is adopted again the evaluation
    clock does not run; the UVO clock does."""
    from dossiers.services import dossier_transition

    clock.move_to(D(2027, 3, 25))
    dossier = walk(S.IN_EXECUTION)
    assert K.EVALUATION in {o.kind for o in dossier_obligations(dossier=dossier)}
    dossier_transition(dossier=dossier, to=S.PLAN_SUBMITTED, by=users["regisseur"], note="x")
    kinds = {o.kind for o in dossier_obligations(dossier=dossier)}
    assert K.EVALUATION not in kinds and K.UVO in kinds


@pytest.mark.django_db
def test_dossier_and_agenda_obligations_come_together_by_due_date(clock, calendar, walk):
    """Included 25 March, asked on 20 May: the Regieoverleg's agenda (due 19 May) comes before
    the dossier's concept plan and first UVO (20 May), whatever the engine works out first."""
    clock.move_to(D(2027, 3, 25))
    dossier = walk(S.INCLUDED)
    found = obligations_open(on=D(2027, 5, 20), dossiers=Dossier.objects.filter(pk=dossier.pk))
    first = [(o.kind, o.due_on) for o in found][:4]
    assert first[0] == (K.LETTER, D(2027, 4, 15))
    assert first[1] == (K.AGENDA, D(2027, 5, 19))
    assert {kind for kind, _day in first[2:]} <= {K.AGENDA, K.CONCEPT_PLAN, K.UVO}
    assert all(day == D(2027, 5, 20) for _kind, day in first[2:])


@pytest.mark.django_db
def test_a_plan_submitted_once_met_the_concept_plan_deadline_also_when_withdrawn(
    clock, calendar, walk, step
):
    """Submitted on 18 May, withdrawn on 19 May ("Plan terugtrekken"): the dossier is included
    again, but the concept plan was delivered; its deadline (20 May) does not come back, and
    neither does the first UVO's (held before the plan could be submitted)."""
    clock.move_to(D(2027, 3, 25))
    dossier = walk(S.INCLUDED)
    clock.move_to(D(2027, 5, 18))
    step(dossier, S.PLAN_SUBMITTED)
    clock.move_to(D(2027, 5, 19))
    step(dossier, S.INCLUDED)
    kinds = {o.kind for o in dossier_obligations(dossier=dossier)}
    assert K.CONCEPT_PLAN not in kinds
    uvos = [o.due_on for o in dossier_obligations(dossier=dossier) if o.kind == K.UVO]
    assert uvos == [D(2027, 7, 13)]  # the UVO held on 18 May + 56 days


@pytest.mark.django_db
def test_without_an_adoption_date_the_evaluation_runs_from_the_adoption_step(clock, calendar, walk):
    """A plan without ``adopted_on`` (e.g. migrated in this state): the evaluation clock runs
    from the day of the step to "vastgesteld" in the history, 25 March: due 17 June."""
    from dossiers.models import ActionPlan

    clock.move_to(D(2027, 3, 25))
    dossier = walk(S.IN_EXECUTION)
    ActionPlan.objects.filter(dossier=dossier).update(adopted_on=None)
    clock.move_to(D(2027, 4, 1))
    due = {o.kind: o.due_on for o in dossier_obligations(dossier=dossier)}
    assert due[K.EVALUATION] == D(2027, 6, 17)

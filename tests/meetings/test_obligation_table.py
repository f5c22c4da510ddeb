"""Smaller rules of the obligations engine, written out by hand: which agendas are still to be
sent, a scoped question answers only for its dossiers, when an obligation is overdue, and a
completion source that is taken away stops counting. Found by `make mutants` (docs/testing.md).

Mutants of ``dossiers/obligations.py`` left alive on purpose (equivalent; docs/testing.md):
- ``obligations_open``, ``calendar=calendar`` -> ``calendar=None`` or left out (mutmut 9, 11):
  ``dossier_obligation_list`` then loads the same calendar again (``MeetingCalendar.load()``),
  in the same request, from the same rows: one extra query, the same obligations.
- ``obligations_open``, ``select_related("case_director")`` -> ``select_related(None)``
  (mutmut 12): the engine reads only ``case_director_id`` and ``case_director_organisation_id``,
  columns of the dossier itself, so the join changes no answer and no query count.
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

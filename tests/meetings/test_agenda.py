"""Agendas: proposals derived from dossier states, slots, reordering, publishing by mail."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection

from dossiers.meetings.agenda import (
    agenda_item_add,
    agenda_item_move,
    agenda_item_remove,
    agenda_publish,
)
from dossiers.meetings.selectors import agenda_proposals, agenda_slots_for
from dossiers.models import AgendaItem, AgendaItemKind, Meeting, MeetingKind, Subject
from dossiers.workflow.states import DossierState as S

D = datetime.date
T = datetime.time


@pytest.fixture
def itatr(calendar, clock):
    """The ITAT-R of Thursday 21 January 2027, 13:00."""
    return Meeting.objects.get(series__kind=MeetingKind.ADVISORY, date=D(2027, 1, 21))


@pytest.fixture
def steering(calendar, clock):
    """The Regieoverleg of Wednesday 20 January 2027, 09:00."""
    return Meeting.objects.get(series__kind=MeetingKind.STEERING, date=D(2027, 1, 20))


def _proposed(meeting, user):
    return {p.dossier.pk: p.kind for p in agenda_proposals(meeting=meeting, user=user)}


def test_itatr_proposals_come_from_dossier_states(itatr, users, walk, step):
    concept = walk(S.PLAN_SUBMITTED)
    escalated = step(walk(S.IN_EXECUTION), S.PLAN_SUBMITTED)
    closure = walk(S.CLOSURE_PROPOSED)
    walk(S.PLAN_DEFINITIVE)  # a Regieoverleg matter, not the ITAT-R's
    walk(S.AWAITING_DECISION)
    assert _proposed(itatr, users["secretaris"]) == {
        concept.pk: AgendaItemKind.CONCEPT_PLAN,
        escalated.pk: AgendaItemKind.ESCALATION,
        closure.pk: AgendaItemKind.CLOSURE,
    }


def test_steering_proposals_come_from_dossier_states(steering, users, walk):
    signal = walk(S.AWAITING_DECISION)
    definitive = walk(S.PLAN_DEFINITIVE)
    closure = walk(S.CLOSURE_ADVISED)
    walk(S.PLAN_SUBMITTED)
    assert _proposed(steering, users["secretaris"]) == {
        signal.pk: AgendaItemKind.DECISION,
        definitive.pk: AgendaItemKind.DEFINITIVE_PLAN,
        closure.pk: AgendaItemKind.CLOSURE,
    }


def test_an_included_dossier_is_proposed_for_its_planned_itatr(calendar, clock, users, walk):
    dossier = walk(S.INCLUDED)  # included 4 January: ITAT-R on or after 8 February
    planned = Meeting.objects.get(series__kind=MeetingKind.ADVISORY, date=D(2027, 2, 11))
    earlier = Meeting.objects.get(series__kind=MeetingKind.ADVISORY, date=D(2027, 1, 21))
    [proposal] = agenda_proposals(meeting=planned, user=users["secretaris"])
    assert (proposal.dossier, proposal.kind) == (dossier, AgendaItemKind.CONCEPT_PLAN)
    assert "nog niet ingediend" in str(proposal.reason)
    assert agenda_proposals(meeting=earlier, user=users["secretaris"]) == []


def test_a_dossier_on_an_agenda_is_not_proposed_again(itatr, users, walk):
    dossier = walk(S.PLAN_SUBMITTED)
    later = Meeting.objects.get(series__kind=MeetingKind.ADVISORY, date=D(2027, 2, 11))
    agenda_item_add(
        meeting=itatr, dossier=dossier, kind=AgendaItemKind.CONCEPT_PLAN, by=users["secretaris"]
    )
    assert _proposed(itatr, users["secretaris"]) == {}
    assert _proposed(later, users["secretaris"]) == {}  # still waiting in the earlier one


def _times(meeting, user):
    return [
        (s.item.dossier.reference, s.start, s.end)
        for s in agenda_slots_for(meeting=meeting, user=user)
    ]


def test_items_get_20_minute_slots_from_the_series_start(itatr, users, walk):
    secretary = users["secretaris"]
    a, b, c = (walk(S.PLAN_SUBMITTED) for _ in range(3))
    for dossier in (a, b, c):
        agenda_item_add(meeting=itatr, dossier=dossier, kind="concept_plan", by=secretary)
    assert _times(itatr, secretary) == [
        (a.reference, T(13, 0), T(13, 20)),
        (b.reference, T(13, 20), T(13, 40)),
        (c.reference, T(13, 40), T(14, 0)),
    ]
    itatr.series.slot_minutes = 30
    itatr.series.save()
    assert [start for _, start, _ in _times(itatr, secretary)] == [T(13), T(13, 30), T(14)]


def test_reorder_and_remove_keep_slots_contiguous(itatr, users, walk):
    secretary = users["secretaris"]
    a, b, c = (walk(S.PLAN_SUBMITTED) for _ in range(3))
    items = [
        agenda_item_add(meeting=itatr, dossier=d, kind="concept_plan", by=secretary)
        for d in (a, b, c)
    ]
    agenda_item_move(item=items[2], by=secretary, up=True)
    assert [r for r, *_ in _times(itatr, secretary)] == [a.reference, c.reference, b.reference]
    agenda_item_move(item=items[0], by=secretary, up=True)  # already first: nothing moves
    agenda_item_remove(item=items[0], by=secretary)
    assert _times(itatr, secretary) == [
        (c.reference, T(13, 0), T(13, 20)),
        (b.reference, T(13, 20), T(13, 40)),
    ]
    positions = AgendaItem.objects.filter(meeting=itatr).values_list("position", flat=True)
    assert sorted(positions) == [0, 1]


def test_only_the_secretary_builds_agendas(itatr, users, walk):
    dossier = walk(S.PLAN_SUBMITTED)
    for role in ("regieoverleg", "regisseur", "itatr", "voorportaal"):
        with pytest.raises(ValidationError):
            agenda_item_add(meeting=itatr, dossier=dossier, kind="concept_plan", by=users[role])
    assert not AgendaItem.objects.exists()


def test_a_dossier_goes_on_an_agenda_once(itatr, users, walk):
    dossier = walk(S.PLAN_SUBMITTED)
    agenda_item_add(meeting=itatr, dossier=dossier, kind="concept_plan", by=users["secretaris"])
    with pytest.raises(ValidationError, match="staat al op deze agenda"):
        agenda_item_add(meeting=itatr, dossier=dossier, kind="concept_plan", by=users["secretaris"])
    assert AgendaItem.objects.count() == 1


def test_publish_sends_one_mail_per_recipient_with_their_slot(
    steering, users, walk, other_director
):
    secretary = users["secretaris"]
    mine = walk(S.PLAN_DEFINITIVE)  # case director: users["regisseur"]
    theirs = walk(S.CLOSURE_ADVISED, case_director=other_director)
    Subject.objects.filter(pk=mine.subject_id).update(last_name="Zwaluwstaart")
    agenda_item_add(meeting=steering, dossier=theirs, kind="closure", by=secretary)
    agenda_item_add(meeting=steering, dossier=mine, kind="definitive_plan", by=secretary)

    assert agenda_publish(meeting=steering, by=secretary) == 2
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert len(mail.outbox) == len(by_recipient) == 2
    # Participants of the Regieoverleg (member, secretary) only: the case director is not
    # present at the Regieoverleg (handbook ch. 6) and gets no slot; the ITAT-R member takes
    # no part either.
    assert set(by_recipient) == {users["regieoverleg"].email, secretary.email}
    member_mail = by_recipient[users["regieoverleg"].email].body
    assert mine.reference in member_mail and theirs.reference in member_mail
    for message in mail.outbox:
        assert "Zwaluwstaart" not in message.body  # no names in e-mail
        assert message.subject == "Agenda Regieoverleg 20-01-2027, 09:00"
        assert f"/admin/agenda/{steering.pk}/" in message.body

    steering.refresh_from_db()
    assert steering.agenda_published_at is not None
    # A second publish (double click, second secretary) sends nothing.
    assert agenda_publish(meeting=steering, by=secretary) == 0
    assert len(mail.outbox) == 2
    # The order is fixed once the mail told everyone their time.
    with pytest.raises(ValidationError, match="al verstuurd"):
        agenda_item_move(item=AgendaItem.objects.get(dossier=mine), by=secretary, up=True)


def test_itatr_agenda_goes_to_its_own_participants(itatr, users, walk):
    dossier = walk(S.PLAN_SUBMITTED)
    agenda_item_add(meeting=itatr, dossier=dossier, kind="concept_plan", by=users["secretaris"])
    agenda_publish(meeting=itatr, by=users["secretaris"])
    recipients = {message.to[0]: message for message in mail.outbox}
    assert set(recipients) == {
        users["itatr"].email,
        users["secretaris"].email,
        users["regisseur"].email,
    }
    # the case director gets the ITAT-R slot of their own dossier
    director_mail = recipients[users["regisseur"].email].body
    assert f"{itatr.start_time:%H:%M}-" in director_mail and dossier.reference in director_mail


def test_an_empty_agenda_is_not_sent(itatr, users):
    with pytest.raises(ValidationError, match="nog leeg"):
        agenda_publish(meeting=itatr, by=users["secretaris"])
    itatr.refresh_from_db()
    assert itatr.agenda_published_at is None
    assert mail.outbox == []


def test_a_failed_mail_server_leaves_the_agenda_unsent(itatr, users, walk, monkeypatch):
    dossier = walk(S.PLAN_SUBMITTED)
    agenda_item_add(meeting=itatr, dossier=dossier, kind="concept_plan", by=users["secretaris"])

    def refuse(self, messages):
        raise OSError("verbinding geweigerd")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    with pytest.raises(OSError):
        agenda_publish(meeting=itatr, by=users["secretaris"])
    itatr.refresh_from_db()
    assert itatr.agenda_published_at is None


def test_publishing_closes_the_agenda_obligation(itatr, users, walk):
    from dossiers.models import ObligationKind
    from dossiers.obligations import obligations_open

    def agenda_due():
        found = obligations_open(on=D(2027, 1, 4))
        return [o for o in found if o.kind == ObligationKind.AGENDA and o.meeting == itatr]

    [obligation] = agenda_due()
    assert obligation.due_on == D(2027, 1, 14)  # a week before the meeting
    dossier = walk(S.PLAN_SUBMITTED)
    agenda_item_add(meeting=itatr, dossier=dossier, kind="concept_plan", by=users["secretaris"])
    agenda_publish(meeting=itatr, by=users["secretaris"])
    assert agenda_due() == []


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks between connections: run with DATABASE_URL=postgres://...",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_publishes_send_each_mail_once(calendar, clock, users, walk):
    """Two secretaries press "send" at the same moment: the meeting's row lock lets one win."""
    import threading

    from django.db import connections

    meeting = Meeting.objects.get(series__kind=MeetingKind.ADVISORY, date=D(2027, 1, 21))
    dossier = walk(S.PLAN_SUBMITTED)
    agenda_item_add(meeting=meeting, dossier=dossier, kind="concept_plan", by=users["secretaris"])
    mail.outbox.clear()  # the plan's submission already mailed the secretaries
    barrier, results = threading.Barrier(2), []

    def publish():
        try:
            barrier.wait()
            results.append(agenda_publish(meeting=meeting, by=users["secretaris"]))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=publish) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [0, 3]
    assert len(mail.outbox) == 3

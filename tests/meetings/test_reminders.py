"""Reminders exactly once: twice, interleaved, after a crash, after missed slots, on failure."""

import datetime
import smtplib
from collections import Counter
from unittest import mock

import pytest
import time_machine
from django.core import mail

from dossiers.models import ObligationKind, Reminder, ReminderKind, ReminderStatus
from dossiers.obligations import register_completion, unregister_completion
from dossiers.services import reminders
from dossiers.services.reminders import (
    reminders_create,
    reminders_scan,
    reminders_send_pending,
)
from dossiers.workflow.states import DossierState as S
from tests.factories.dossiers import ROLE_KEYS, role_user

D = datetime.date
SEND = "django.core.mail.EmailMessage.send"


@pytest.fixture
def included(clock, calendar, walk, users):
    """A dossier included on 25 March 2027: letter due 15 April, concept plan 20 May."""
    clock.move_to(D(2027, 3, 25))
    return walk(S.INCLUDED)


def sent_per_marker():
    return Counter((m.subject) for m in mail.outbox)


def test_every_reminder_once_over_a_quarter_with_double_runs(clock, included, users):
    day = D(2027, 4, 1)
    while day <= D(2027, 5, 25):
        clock.move_to(day)
        reminders_scan(on=day)
        reminders_scan(on=day)  # a replayed slot
        day += datetime.timedelta(days=1)
    letter = Reminder.objects.filter(obligation_key=f"letter:{included.pk}")
    assert sorted(letter.values_list("kind", "status")) == [
        (ReminderKind.BEFORE, ReminderStatus.SENT),
        (ReminderKind.DUE, ReminderStatus.SENT),
        (ReminderKind.ESCALATION, ReminderStatus.SENT),
    ]
    assert {r.kind: r.created_at.date() for r in letter} == {
        ReminderKind.BEFORE: D(2027, 4, 8),
        ReminderKind.DUE: D(2027, 4, 15),
        ReminderKind.ESCALATION: D(2027, 4, 16),
    }
    # Each mail once: one message per marker that was sent.
    assert Counter(sent_per_marker()).most_common(1)[0][1] == 1
    assert len(mail.outbox) == Reminder.objects.filter(status=ReminderStatus.SENT).count()


def test_recipients_and_escalation(clock, included, users):
    clock.move_to(D(2027, 4, 16))
    reminders_scan(on=D(2027, 4, 16))
    letter = Reminder.objects.get(obligation_key=f"letter:{included.pk}", kind="escalation")
    assert letter.recipients == users["map"].email  # the MAP, for letters
    clock.move_to(D(2027, 5, 21))
    reminders_scan(on=D(2027, 5, 21))
    concept = Reminder.objects.get(
        obligation_key=f"concept_plan:{included.pk}", kind=ReminderKind.ESCALATION
    )
    # The case director's advisory member: same organisation, advise permission.
    assert concept.recipients == users["itatr"].email
    before = Reminder.objects.get(obligation_key=f"concept_plan:{included.pk}", kind="before")
    assert before.status == ReminderStatus.SKIPPED  # missed slots: only the latest goes out


def test_advisory_member_of_another_organisation_gets_no_escalation(
    clock, included, users, other_organisation
):
    stranger = role_user(ROLE_KEYS["itatr"], username="itatr2", organisation=other_organisation)
    clock.move_to(D(2027, 5, 21))
    reminders_scan(on=D(2027, 5, 21))
    concept = Reminder.objects.get(
        obligation_key=f"concept_plan:{included.pk}", kind=ReminderKind.ESCALATION
    )
    assert stranger.email not in concept.recipients


def test_interleaved_runs_send_once(clock, included):
    clock.move_to(D(2027, 4, 8))
    reminders_create(on=D(2027, 4, 8))  # run A wrote its markers...
    reminders_scan(on=D(2027, 4, 8))  # ...run B runs whole...
    first = len(mail.outbox)
    reminders_send_pending()  # ...then A goes on sending
    assert len(mail.outbox) == first > 0


def test_claim_is_won_once(clock, included):
    clock.move_to(D(2027, 4, 8))
    reminders_create(on=D(2027, 4, 8))
    marker = Reminder.objects.filter(status=ReminderStatus.PENDING).first()
    assert reminders._claim(marker.pk) is True
    assert reminders._claim(marker.pk) is False  # a concurrent run loses


def test_crash_mid_run_resends_what_was_not_sent(clock, included):
    clock.move_to(D(2027, 4, 8))
    reminders_create(on=D(2027, 4, 8))
    pending = Reminder.objects.filter(status=ReminderStatus.PENDING).count()
    assert pending >= 1

    # The worker dies inside the send of the first reminder (kill -9: nothing after it runs).
    with mock.patch(SEND, side_effect=SystemExit), pytest.raises(SystemExit):
        reminders_send_pending()
    assert Reminder.objects.filter(status=ReminderStatus.SENDING).count() == 1
    reminders_scan(on=D(2027, 4, 8))  # the next run right away: the others, not the stuck one
    assert len(mail.outbox) == pending - 1
    clock.move_to(datetime.datetime(2027, 4, 8, 11, 0, tzinfo=datetime.UTC))
    reminders_scan(on=D(2027, 4, 8))  # after STALE_AFTER the stuck one is sent, once
    reminders_scan(on=D(2027, 4, 8))
    assert len(mail.outbox) == pending
    assert not Reminder.objects.filter(status=ReminderStatus.SENDING).exists()


def test_failed_mail_is_retried_without_duplicates(clock, included):
    clock.move_to(D(2027, 4, 8))
    with mock.patch(SEND, side_effect=smtplib.SMTPServerDisconnected("weg")):
        reminders_scan(on=D(2027, 4, 8))
    failed = Reminder.objects.filter(status=ReminderStatus.FAILED)
    assert failed.exists()
    assert all(r.attempts == 1 and "weg" in r.last_error for r in failed)
    reminders_send_pending()
    reminders_send_pending()
    assert len(mail.outbox) == failed.model.objects.filter(status=ReminderStatus.SENT).count()
    assert not Reminder.objects.filter(status=ReminderStatus.FAILED).exists()


def test_gives_up_after_max_attempts(clock, included):
    clock.move_to(D(2027, 4, 8))
    with mock.patch(SEND, side_effect=smtplib.SMTPServerDisconnected("weg")):
        for _ in range(reminders.MAX_ATTEMPTS + 2):
            reminders_scan(on=D(2027, 4, 8))
    assert Reminder.objects.filter(status=ReminderStatus.GAVE_UP).exists()
    assert not Reminder.objects.filter(status=ReminderStatus.FAILED).exists()


def test_done_obligation_gets_no_more_reminders(clock, included):
    clock.move_to(D(2027, 4, 8))
    reminders_scan(on=D(2027, 4, 8))
    source = lambda ids: {included.pk: [D(2027, 4, 9)]}  # noqa: E731
    register_completion(ObligationKind.LETTER, source)
    try:
        clock.move_to(D(2027, 4, 15))
        reminders_scan(on=D(2027, 4, 15))
    finally:
        unregister_completion(ObligationKind.LETTER, source)
    assert not Reminder.objects.filter(obligation_key=f"letter:{included.pk}", kind="due").exists()


def test_changed_setting_moves_future_reminders_keeps_sent_ones(clock, included):
    from dossiers.models import ProgrammeSettings

    clock.move_to(D(2027, 4, 8))
    reminders_scan(on=D(2027, 4, 8))
    conf = ProgrammeSettings.load()
    conf.letter_days = 28
    conf.save()
    clock.move_to(D(2027, 4, 15))
    reminders_scan(on=D(2027, 4, 15))
    letters = Reminder.objects.filter(obligation_key=f"letter:{included.pk}")
    # The sent reminder for the old due date stays; the new due date (22 April) gets its own.
    assert sorted(letters.values_list("due_on", "kind")) == [
        (D(2027, 4, 15), "before"),
        (D(2027, 4, 22), "before"),
    ]


def test_daily_task_wrapper(clock, included):
    from dossiers import tasks

    with time_machine.travel(datetime.datetime(2027, 4, 8, 6, tzinfo=datetime.UTC), tick=False):
        assert tasks.reminder_scan() >= 1
    assert tasks.reminder_retry() == 0

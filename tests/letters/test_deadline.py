"""The three-week term: reminders to the MAP before and on the due date, day 22 is late."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from dossiers.letters.services import letter_generate, letter_send_record
from dossiers.models import DossierDeadline, Reminder, ReminderKind
from dossiers.obligations import LETTER_PERMISSION
from dossiers.selectors.queues import work_queues_for
from dossiers.services.reminders import reminders_scan
from reports.periods import Period
from reports.selectors import letter_deadline_compliance
from tests.factories.dossiers import DossierFactory, SubjectFactory
from tests.letters.conftest import DECIDED, D

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def adult(included):
    subject = SubjectFactory(first_name="Ilse", last_name="Fictief", birth_date=D(1990, 2, 2))
    return included(DossierFactory(subject=subject))


def _send(letter, by, day):
    letter_generate(letter=letter, by=by)
    return letter_send_record(letter=letter, by=by, sent_on=day, route="post")


def test_reminds_the_map_before_and_on_the_due_date(adult, users, clock):
    letter_key = f"letter:{adult.pk}"
    clock.move_to(DECIDED + 13 * DAY)
    reminders_scan(on=DECIDED + 13 * DAY)
    assert not Reminder.objects.filter(obligation_key=letter_key).exists()
    clock.move_to(DECIDED + 14 * DAY)  # 7 days before day 21
    reminders_scan(on=DECIDED + 14 * DAY)
    before = Reminder.objects.get(obligation_key=letter_key)
    assert (before.kind, before.due_on) == (ReminderKind.BEFORE, DECIDED + 21 * DAY)
    assert users["map"].email in before.recipients
    assert any("Notificatiebrief versturen" in m.subject for m in mail.outbox)
    # the stored deadline the start page reads, and the MAP's letter queue on it
    deadline = DossierDeadline.objects.get(dossier=adult)
    assert (deadline.kind, deadline.due_on) == ("letter", DECIDED + 21 * DAY)
    assert (deadline.responsible_user, deadline.responsible_permission) == (
        None,
        LETTER_PERMISSION,
    )
    letters = _queues(users["map"], DECIDED + 14 * DAY)["letters"]
    assert [(row.label, row.when) for row in letters.rows] == [
        (adult.reference, DECIDED + 21 * DAY)
    ]
    client_page = _dashboard(users["map"])
    assert reverse("letters:register", args=[adult.pk]) in client_page

    clock.move_to(DECIDED + 21 * DAY)
    reminders_scan(on=DECIDED + 21 * DAY)
    kinds = set(Reminder.objects.filter(obligation_key=letter_key).values_list("kind", flat=True))
    assert kinds == {ReminderKind.BEFORE, ReminderKind.DUE}


def _queues(user, on):
    return {queue.key: queue for queue in work_queues_for(user=user, on=on)}


def _dashboard(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.get(reverse("wagtailadmin_home")).content.decode()


def test_no_reminder_once_every_letter_is_sent(adult, users, clock):
    clock.move_to(DECIDED + 10 * DAY)
    _send(adult.letters.get(), users["map"], DECIDED + 10 * DAY)
    clock.move_to(DECIDED + 21 * DAY)
    reminders_scan(on=DECIDED + 14 * DAY)
    reminders_scan(on=DECIDED + 21 * DAY)
    assert not Reminder.objects.filter(obligation_key=f"letter:{adult.pk}").exists()
    assert not DossierDeadline.objects.filter(dossier=adult, kind="letter").exists()
    assert _queues(users["map"], DECIDED + 21 * DAY)["letters"].count == 0


def test_day_21_is_on_time_and_day_22_is_late(included, users, clock, client):
    on_time = included(DossierFactory(subject=SubjectFactory(birth_date=D(1990, 1, 1))))
    late = included(DossierFactory(subject=SubjectFactory(birth_date=D(1991, 1, 1))))
    clock.move_to(DECIDED + 22 * DAY)
    _send(on_time.letters.get(), users["map"], DECIDED + 21 * DAY)
    _send(late.letters.get(), users["map"], DECIDED + 22 * DAY)

    client.force_login(users["map"])
    page = client.get(reverse("letters:register", args=[late.pk])).content.decode()
    assert "16 april 2027" in page and "te laat" in page
    page = client.get(reverse("letters:register", args=[on_time.pk])).content.decode()
    assert "15 april 2027" in page and "te laat" not in page
    listing = client.get(reverse("letters:index"), {"status": "late"}).content.decode()
    assert late.reference in listing and on_time.reference not in listing

    period = Period(D(2027, 3, 1), D(2027, 3, 31), "maart 2027")
    rows = dict(letter_deadline_compliance(period=period).rows)
    assert rows["Brief op tijd verzonden"] == 1
    assert rows["Brief te laat verzonden"] == 1
    client.force_login(users["programmateam"])
    monitor = client.get(
        reverse("monitor:index"), {"kind": "custom", "start": "2027-03-01", "end": "2027-03-31"}
    ).content.decode()
    assert "Termijn notificatiebrieven na opname" in monitor
    assert "Brief te laat verzonden" in monitor


def test_unsent_letter_past_the_term_is_overdue(adult, users, clock, client):
    clock.move_to(DECIDED + 22 * DAY)
    client.force_login(users["map"])
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Brieven over termijn" in home and "?status=overdue" in home
    listing = client.get(reverse("letters:index"), {"status": "overdue"}).content.decode()
    assert adult.reference in listing and "Niet verzonden, termijn verstreken" in listing
    period = Period(D(2027, 3, 1), D(2027, 3, 31), "maart 2027")
    assert (
        dict(letter_deadline_compliance(period=period).rows)[
            "Brief nog niet verzonden, termijn verstreken"
        ]
        == 1
    )

"""The reminder scan's query count follows the obligations due, not the number of dossiers."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dossiers.models import (
    Dossier,
    DossierStatusChange,
    ObligationKind,
    ProgrammeSettings,
    Reminder,
    ReminderStatus,
    Subject,
)
from dossiers.obligations import register_completion, unregister_completion
from dossiers.services.reminders import reminders_create, reminders_scan, reminders_send_pending
from dossiers.workflow.states import DossierState as S

D = datetime.date


@pytest.fixture
def letters_sent():
    source = lambda ids: {i: [D(2027, 1, 1)] for i in ids}  # noqa: E731
    register_completion(ObligationKind.LETTER, source)
    yield
    unregister_completion(ObligationKind.LETTER, source)


def bulk_dossiers(count: int, director, first: int = 0) -> None:
    """``count`` dossiers in execution, adopted recently: open obligations, none due yet."""
    subjects = Subject.objects.bulk_create(
        Subject(first_name="Test", last_name=f"Persoon {n}") for n in range(first, first + count)
    )
    dossiers = Dossier.objects.bulk_create(
        Dossier(
            reference=f"B-{first + n:06d}",
            subject=subject,
            state=S.IN_EXECUTION,
            case_director=director,
            case_director_organisation_id=director.organisation_id,
            included_on=D(2027, 1, 4),
        )
        for n, subject in enumerate(subjects)
    )
    adopted = timezone.make_aware(datetime.datetime(2027, 4, 1, 10))
    DossierStatusChange.objects.bulk_create(
        DossierStatusChange(
            dossier=d, from_state=S.PLAN_DEFINITIVE, to_state=S.PLAN_ADOPTED, at=adopted
        )
        for d in dossiers
    )


@pytest.mark.parametrize("count", [100, 1000])
def test_scan_queries_do_not_grow_with_dossiers(
    count, clock, calendar, walk, users, letters_sent, django_assert_max_num_queries
):
    clock.move_to(D(2027, 3, 25))
    walk(S.INCLUDED)  # one dossier with obligations due
    bulk_dossiers(count, users["regisseur"])
    clock.move_to(D(2027, 5, 13))
    with django_assert_max_num_queries(45):
        sent = reminders_scan(on=D(2027, 5, 13))
    assert sent >= 1
    assert Dossier.objects.count() == count + 1


def test_scan_reads_the_same_queries_at_100_and_1000_dossiers(
    clock, calendar, walk, users, letters_sent
):
    clock.move_to(D(2027, 3, 25))
    walk(S.INCLUDED)
    bulk_dossiers(100, users["regisseur"])
    clock.move_to(D(2027, 5, 13))
    ProgrammeSettings.load()  # the settings row exists, as in any running system
    with CaptureQueriesContext(connection) as small:
        created = reminders_create(on=D(2027, 5, 13))
    assert created >= 1
    Reminder.objects.all().delete()
    bulk_dossiers(900, users["regisseur"], first=100)
    with CaptureQueriesContext(connection) as large:
        assert reminders_create(on=D(2027, 5, 13)) == created
    assert Dossier.objects.count() == 1001
    assert len(large.captured_queries) == len(small.captured_queries)


def test_sending_costs_at_most_two_queries_per_reminder(clock, calendar, walk, users):
    clock.move_to(D(2027, 3, 25))
    for _ in range(3):
        walk(S.INCLUDED)
    clock.move_to(D(2027, 5, 13))
    reminders_create(on=D(2027, 5, 13))
    pending = Reminder.objects.filter(status=ReminderStatus.PENDING).count()
    assert pending >= 3
    with CaptureQueriesContext(connection) as queries:
        sent = reminders_send_pending()
    assert sent == pending == len(mail.outbox)
    # one read of the waiting rows, one of the sender, then a claim and an outcome per mail
    assert len(queries.captured_queries) <= 2 + 2 * sent
    assert Reminder.objects.filter(status=ReminderStatus.SENT).count() == sent

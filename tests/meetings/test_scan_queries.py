"""The reminder scan's query count follows the obligations due, not the number of dossiers."""

import datetime

import pytest
from django.utils import timezone

from dossiers.models import Dossier, DossierStatusChange, Subject
from dossiers.obligations import ObligationKind, register_completion, unregister_completion
from dossiers.services.reminders import reminders_scan
from dossiers.workflow.states import DossierState as S

D = datetime.date


@pytest.fixture
def letters_sent():
    source = lambda ids: {i: [D(2027, 1, 1)] for i in ids}  # noqa: E731
    register_completion(ObligationKind.LETTER, source)
    yield
    unregister_completion(ObligationKind.LETTER, source)


def bulk_dossiers(count: int, director) -> None:
    """``count`` dossiers in execution, adopted recently: open obligations, none due yet."""
    subjects = Subject.objects.bulk_create(
        Subject(first_name="Test", last_name=f"Persoon {n}") for n in range(count)
    )
    dossiers = Dossier.objects.bulk_create(
        Dossier(
            reference=f"B-{n:06d}",
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

"""Twenty registrations at the same moment get twenty different dossier numbers (PostgreSQL).

Each thread registers a signal through ``signal_register`` on its own database connection,
all released together by a barrier, so they read the same last number and race for the unique
index; ``Dossier.save`` must give every one of them its own number, without an error.

Marked ``concurrency`` and left out of the normal runs (pyproject's addopts); `make test-pg`
runs it on its own afterwards: ``pytest -m concurrency -p no:xdist``. The registrations must
commit for the others to see them, yet the test is not transactional (whose flush empties the
tables that later ``serialized_rollback`` tests expect): the test's own connection stays in
pytest-django's rolled-back transaction and does nothing; every write, the set-up and the
clean-up included, runs on other threads' connections, which commit. The clean-up deletes what
the test made and checks that every table is as it was before (row counts and checksums).
Skipped on SQLite, which has one writer at a time.
"""

import datetime
import threading
from concurrent.futures import ThreadPoolExecutor

import pgtrigger
import pytest
from django.db import connection, connections, transaction

from dossiers import roles
from dossiers.backup import table_fingerprints
from dossiers.models import Dossier, Subject, User
from dossiers.services import signal_register
from snippets.models import Organisation
from tests.factories.dossiers import role_user

pytestmark = [
    pytest.mark.concurrency,
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="SQLite allows one writer at a time"
    ),
]

REGISTRATIONS = 20


def _signal_data(index: int) -> dict:
    return {
        "received_on": datetime.date(2026, 1, 5),
        "channel": "phone",
        "source_type": "teacher",
        "reporter_name": f"Fictieve docent {index}",
        "concern": "Fictieve zorg voor de gelijktijdigheidstest.",
        "person_first_name": "Gelijk",
        "person_last_name": f"Tijdig {index}",
    }


def _closing(function):
    """``function`` on the calling thread's own connection, closed afterwards."""

    def run(*args):
        try:
            return function(*args)
        finally:
            connections.close_all()

    return run


def _elsewhere(function, *args):
    """Run ``function`` on another thread, so on a connection that commits."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_closing(function), *args).result()


def _register(user_pk: int, index: int, barrier: threading.Barrier) -> str:
    """One registration on this thread's own connection, started with all the others."""
    user = User.objects.get(pk=user_pk)  # opens this thread's connection before the start
    barrier.wait(timeout=60)
    return signal_register(by=user, data=_signal_data(index)).dossier.reference


def _register_at_once(user: User) -> tuple[list[str], list[BaseException]]:
    barrier = threading.Barrier(REGISTRATIONS)
    with ThreadPoolExecutor(max_workers=REGISTRATIONS) as pool:
        futures = [
            pool.submit(_closing(_register), user.pk, index, barrier)
            for index in range(REGISTRATIONS)
        ]
    references, errors = [], []
    for future in futures:
        if future.exception() is not None:
            errors.append(future.exception())
        else:
            references.append(future.result())
    return references, errors


def _clean_up(user: User) -> None:
    """Delete the registrations (their status history past its append-only trigger) and the
    test's user and organisation."""
    with transaction.atomic():
        dossiers = Dossier.objects.filter(history__by=user).distinct()
        subject_ids = list(dossiers.values_list("subject_id", flat=True))
        with pgtrigger.ignore("dossiers.DossierStatusChange:append_only_delete"):
            Dossier.objects.filter(pk__in=list(dossiers.values_list("pk", flat=True))).delete()
        Subject.objects.filter(pk__in=subject_ids).delete()
        organisation_id = user.organisation_id
        user.delete()
        Organisation.objects.filter(pk=organisation_id).delete()


def _stored_references(user: User) -> list[str]:
    return sorted(Dossier.objects.filter(history__by=user).values_list("reference", flat=True))


def test_twenty_registrations_at_once_get_twenty_different_numbers():
    before = _elsewhere(table_fingerprints)
    user = _elsewhere(role_user, roles.INTAKE)
    try:
        references, errors = _register_at_once(user)
        stored = _elsewhere(_stored_references, user)
    finally:
        _elsewhere(_clean_up, user)
    after = _elsewhere(table_fingerprints)

    assert errors == []
    assert len(references) == REGISTRATIONS
    assert len(set(references)) == REGISTRATIONS, sorted(references)
    assert stored == sorted(references)
    changed = sorted(table for table in before if before[table] != after.get(table))
    assert changed == [], "the test left rows behind"

"""Dossier numbers are unique and gapless per year, also when registrations race."""

import threading

import pytest
from django.db import connection, connections

from dossiers.models import Dossier
from dossiers.services import dossier_create
from tests.factories.dossiers import ROLE_KEYS, role_user


@pytest.mark.django_db
def test_numbers_count_up_per_year():
    user = role_user(ROLE_KEYS["map"], username="melder")
    first = dossier_create(by=user)
    second = dossier_create(by=user)
    year, number = first.reference.split("-")
    assert second.reference == f"{year}-{int(number) + 1:05d}"


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite serialises every write")
def test_twenty_registrations_at_once_get_twenty_distinct_numbers():
    user = role_user(ROLE_KEYS["map"], username="melder")
    start = threading.Barrier(20)
    made, errors = [], []

    def register():
        try:
            start.wait()
            made.append(dossier_create(by=user).reference)
        except Exception as error:  # noqa: BLE001 (collected, asserted below)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(set(made)) == 20
    assert Dossier.objects.count() == 20

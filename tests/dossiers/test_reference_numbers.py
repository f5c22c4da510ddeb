"""Dossier numbers count up per year (a taken number is retried on the unique index)."""

import pytest

from dossiers.services import dossier_create
from tests.factories.dossiers import ROLE_KEYS, role_user


@pytest.mark.django_db
def test_numbers_count_up_per_year():
    user = role_user(ROLE_KEYS["map"], username="melder")
    first = dossier_create(by=user)
    second = dossier_create(by=user)
    year, number = first.reference.split("-")
    assert second.reference == f"{year}-{int(number) + 1:05d}"

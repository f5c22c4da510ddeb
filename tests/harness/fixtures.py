"""A module-scoped ``Requester`` over baseline data; import it into a conftest to use it."""

import pytest
from django.db import transaction

from tests.harness.requests import Requester
from tests.harness.world import build_world


@pytest.fixture(scope="module")
def requester(django_db_setup, django_db_blocker):
    """Baseline data built once per module in a transaction that is rolled back at the end.

    Tests using it need ``pytest.mark.django_db`` (so pytest-django creates the database);
    every request they send runs in its own rolled-back savepoint (``Requester.send``).
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield Requester(build_world())
        transaction.set_rollback(True)

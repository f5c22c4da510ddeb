"""P1: the dossier listing and the monitor cost the same queries at 10 and at 1,000 dossiers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.meetings.test_scan_queries import bulk_dossiers

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:
    client.get(url)  # warm per-process caches (content types, settings)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


@pytest.mark.parametrize("name", ["dossiers:index", "monitor:index"])
def test_page_queries_do_not_grow_from_10_to_1000_dossiers(client, users, name):
    client.force_login(users["regieoverleg"])
    bulk_dossiers(10, users["regisseur"])
    small = _queries(client, reverse(name))
    bulk_dossiers(990, users["regisseur"], first=10)
    assert _queries(client, reverse(name)) == small


def test_my_dossiers_costs_the_same_queries_at_10_and_1000_rows(client, users):
    """A case director's "Mijn dossiers": every dossier is theirs, so the page shows the most."""
    client.force_login(users["regisseur"])
    url = f"{reverse('dossiers:index')}?mine=true"
    bulk_dossiers(10, users["regisseur"])
    small = _queries(client, url)
    bulk_dossiers(990, users["regisseur"], first=10)
    assert _queries(client, url) == small

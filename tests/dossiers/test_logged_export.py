"""``LoggedExportMixin``: an administration listing writes no access-log row when shown, and
exactly one, with what and how many rows, when exported. Found by `make mutants`
(docs/testing.md): no test in the mutation selection exported such a listing."""

import io

import openpyxl
import pytest
from django.urls import reverse

from dossiers.models import AccessAction, AccessLogEntry

pytestmark = pytest.mark.django_db


def test_exporting_the_user_listing_writes_one_row(client, users):
    client.force_login(users["beheer"])
    assert client.get(reverse("wagtailusers_users:index")).status_code == 200
    assert not AccessLogEntry.objects.exists()

    response = client.get(reverse("wagtailusers_users:index"), {"export": "xlsx"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    exported = openpyxl.load_workbook(io.BytesIO(content)).active.max_row - 1  # minus heading
    assert exported >= len(users)
    row = AccessLogEntry.objects.get()
    assert (row.username, row.action) == ("beheer", AccessAction.EXPORT)
    assert row.object_description == "Gebruikers"
    assert row.row_count == exported
    assert row.path.startswith(reverse("wagtailusers_users:index"))

"""Every filterable listing a role can see exports to xlsx, within its scope; exports of
lists that name people write the access log."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from dossiers.models import AccessAction, AccessLogEntry
from snippets.models import OtherApproach, OtherApproachListEntry

pytestmark = pytest.mark.django_db

# (url name, role, a header expected in the export, whether the export is logged)
LISTINGS = [
    ("meetings:index", "secretaris", "Datum", False),
    ("reminders:index", "beheer", "Onderwerp", True),
    ("access_log:index", "beheer", "Gebruiker", True),
    ("wagtailusers_users:index", "beheer", "Gebruikersnaam", True),
    ("wagtailsnippets_catalogue_organisation:list", "voorportaal", "Naam", False),
    ("wagtailsnippets_catalogue_problemarea:list", "programmateam", "Naam", False),
    ("wagtailsnippets_catalogue_otherapproach:list", "voorportaal", "Naam", False),
    ("wagtailsnippets_catalogue_trainingevent:list", "regisseur", "Aanmeldingen", False),
    ("other_approach_list:index", "map", "Referentie", True),
    ("dossiers:index", "map", "Dossiernummer", True),
    ("signals:index", "map", "Ontvangen op", True),
]


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def _headers(content: bytes) -> list:
    sheet = load_workbook(io.BytesIO(content)).active
    return [cell.value for cell in sheet[1]]


@pytest.mark.parametrize(("name", "role", "header", "logged"), LISTINGS)
def test_listing_exports_xlsx(client, users, name, role, header, logged):
    client.force_login(users[role])
    response = client.get(reverse(name), {"export": "xlsx"})
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    headers = _headers(_body(response))
    assert any(str(h).lower() == header.lower() for h in headers), headers
    exported = AccessLogEntry.objects.filter(action=AccessAction.EXPORT, username=role)
    assert exported.exists() == logged


def test_other_approach_list_export_is_within_scope_and_neutralised(client, users):
    approach = OtherApproach.objects.create(name="Exportaanpak", live=True)
    OtherApproachListEntry.objects.create(
        other_approach=approach,
        reference="=1+1",
        first_name="Ex",
        last_name="Portman",
        birth_date=datetime.date(2001, 1, 1),
        imported_at=timezone.now(),
        imported_by=users["beheer"],
    )
    client.force_login(users["voorportaal"])
    response = client.get(reverse("other_approach_list:index"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(_body(response))).active
    rows = list(sheet.values)
    assert rows[1][1:4] == ("=1+1", "Ex", "Portman")
    assert sheet["B2"].data_type == "s"  # an explicit text cell, not a formula
    assert sheet["B2"].quotePrefix
    log = AccessLogEntry.objects.get(action=AccessAction.EXPORT)
    assert (log.username, log.row_count) == ("voorportaal", 1)
    client.force_login(users["regisseur"])
    refused = client.get(reverse("other_approach_list:index"), {"export": "xlsx"})
    assert refused.status_code == 302

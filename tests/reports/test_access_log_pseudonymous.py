"""The access log as administrators see it: no subject names in the listing, search, filters,
inspect page or export; only "Toezicht privacy" resolves names, and each lookup is logged."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from openpyxl import load_workbook

from dossiers import roles
from dossiers.models import AccessAction, AccessLogEntry
from dossiers.workflow.states import DossierState as S
from tests.factories.dossiers import UserFactory, role_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def read_dossier(client, walk, users):
    """A dossier whose subject has a name no page would show by chance, read once."""
    dossier = walk(S.IN_EXECUTION)
    dossier.subject.first_name, dossier.subject.last_name = "Ozrinda", "Vlamsteker"
    dossier.subject.save(update_fields=["first_name", "last_name"])
    client.force_login(users["regisseur"])
    assert client.get(reverse("dossiers:inspect", args=[dossier.pk])).status_code == 200
    client.logout()
    entry = AccessLogEntry.objects.get(dossier_reference=dossier.reference)
    assert entry.subject_name == "Ozrinda Vlamsteker"  # stored: the resolver needs it
    return dossier


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)


def _body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


@pytest.fixture(params=["beheer", "superuser"])
def administrator(request, users, superuser):
    return users["beheer"] if request.param == "beheer" else superuser


def test_listing_and_inspect_show_no_names(client, administrator, read_dossier):
    client.force_login(administrator)
    listing = client.get(reverse("access_log:index")).content.decode()
    assert read_dossier.reference in listing
    assert "Vlamsteker" not in listing and "Ozrinda" not in listing
    entry = AccessLogEntry.objects.get(dossier_reference=read_dossier.reference)
    inspect = client.get(reverse("access_log:inspect", args=[entry.pk]))
    assert inspect.status_code == 200
    assert read_dossier.reference in inspect.content.decode()
    assert "Vlamsteker" not in inspect.content.decode()
    assert "Naam opzoeken" not in inspect.content.decode()


@pytest.mark.parametrize("query", [{"q": "Vlamsteker"}, {"subject_name": "Vlamsteker"}])
def test_no_search_by_name(client, administrator, read_dossier, walk, query):
    walk(S.INCLUDED)  # another row that a name search would filter away
    client.force_login(administrator)
    response = client.get(reverse("access_log:index"), query)
    assert response.status_code == 200
    content = response.content.decode()
    # The query finds nothing by name: the dossier's row is not picked out by it.
    if "q" in query:
        assert read_dossier.reference not in content
    assert "Ozrinda" not in content  # the search term itself is echoed in links, no more
    by_reference = client.get(reverse("access_log:index"), {"q": read_dossier.reference})
    assert read_dossier.reference in by_reference.content.decode()


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_has_no_names(client, administrator, read_dossier, fmt):
    client.force_login(administrator)
    response = client.get(reverse("access_log:index"), {"export": fmt})
    assert response.status_code == 200
    body = _body(response)
    if fmt == "xlsx":
        sheet = load_workbook(io.BytesIO(body)).active
        cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    else:
        text = body.decode("utf-8-sig")
        cells = [cell for row in csv.reader(io.StringIO(text), delimiter=";") for cell in row]
    assert read_dossier.reference in cells
    assert not [c for c in cells if "Vlamsteker" in c or "Ozrinda" in c]
    assert "Persoon" not in cells


def test_resolving_names_needs_toezicht_privacy(client, administrator, read_dossier):
    entry = AccessLogEntry.objects.get(dossier_reference=read_dossier.reference)
    client.force_login(administrator)
    url = reverse("access_log:resolve", args=[entry.pk])
    assert client.get(url).status_code in (302, 403)
    assert client.post(url, {"reason": "nieuwsgierig"}).status_code in (302, 403)
    assert not AccessLogEntry.objects.filter(object_description__contains="namen opgezocht")


def test_toezicht_privacy_resolves_a_name_with_a_reason_and_the_lookup_is_logged(
    client, organisation, read_dossier
):
    supervisor = role_user(
        roles.PRIVACY_SUPERVISION, username="toezicht", organisation=organisation
    )
    entry = AccessLogEntry.objects.get(dossier_reference=read_dossier.reference)
    client.force_login(supervisor)
    inspect = client.get(reverse("access_log:inspect", args=[entry.pk])).content.decode()
    assert "Naam opzoeken" in inspect and "Vlamsteker" not in inspect
    url = reverse("access_log:resolve", args=[entry.pk])
    form = client.get(url)
    assert form.status_code == 200 and "Vlamsteker" not in form.content.decode()
    without_reason = client.post(url, {"reason": ""})
    assert without_reason.status_code == 200
    assert "Vlamsteker" not in without_reason.content.decode()
    assert not AccessLogEntry.objects.filter(username="toezicht")
    resolved = client.post(url, {"reason": "Incident 2026-07"})
    assert "Ozrinda Vlamsteker" in resolved.content.decode()
    lookup = AccessLogEntry.objects.get(username="toezicht")
    assert lookup.action == AccessAction.VIEW
    assert lookup.purpose == "Incident 2026-07"
    assert str(entry.pk) in lookup.object_description


def test_no_demo_role_resolves_names():
    permission = Permission.objects.get(codename="resolve_accesslog_names")
    holders = set(Group.objects.filter(permissions=permission).values_list("name", flat=True))
    assert holders == {roles.PRIVACY_SUPERVISION}
    from dossiers.demo import DEMO_USERS

    assert roles.PRIVACY_SUPERVISION not in {user.role for user in DEMO_USERS}

"""The access log on a sample of reads: the dossier page, the assessment page, the edit pages
of a dossier's objects and the dossier export each write exactly one row with the right fields;
a failed log write fails the read; rows cannot be changed or deleted; only administrators
search the log. That *every* page showing a dossier writes a row is checked by the URL walker
in ``test_access_log_walker.py``, not here."""

import io

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from dossiers.models import AccessAction, AccessLogEntry
from dossiers.workflow.states import DossierState as S

pytestmark = pytest.mark.django_db


def test_dossier_page_writes_one_row(client, walk, users):
    dossier = walk(S.IN_EXECUTION)
    client.force_login(users["regisseur"])
    response = client.get(
        reverse("dossiers:inspect", args=[dossier.pk]), HTTP_X_REQUEST_ID="req-12345678"
    )
    assert response.status_code == 200
    assert dossier.subject.last_name in response.content.decode()
    row = AccessLogEntry.objects.get()
    assert row.username == "regisseur"
    assert row.organisation == users["regisseur"].organisation.name
    assert row.dossier_reference == dossier.reference
    assert row.subject_name == str(dossier.subject)
    assert row.action == AccessAction.VIEW
    assert row.request_id == "req-12345678"
    assert row.at.utcoffset().total_seconds() == 0


def test_export_writes_one_row_with_row_count(client, walk, users):
    walk(S.IN_EXECUTION)
    walk(S.INCLUDED)
    client.force_login(users["regisseur"])
    response = client.get(reverse("dossiers:index"), {"export": "xlsx"})
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    assert workbook.active.max_row == 3  # heading + two dossiers
    row = AccessLogEntry.objects.get(action=AccessAction.EXPORT)
    assert row.row_count == 2


def test_failed_log_write_fails_the_read(client, walk, users, monkeypatch):
    dossier = walk(S.IN_EXECUTION)
    client.force_login(users["regisseur"])

    def broken(*args, **kwargs):
        raise RuntimeError("log store unavailable")

    monkeypatch.setattr(AccessLogEntry.objects, "create", broken)
    client.raise_request_exception = False
    response = client.get(reverse("dossiers:inspect", args=[dossier.pk]))
    assert response.status_code == 500
    assert dossier.subject.last_name.encode() not in response.content


def test_log_rows_cannot_be_changed_or_deleted(client, walk, users):
    dossier = walk(S.IN_EXECUTION)
    client.force_login(users["regisseur"])
    client.get(reverse("dossiers:inspect", args=[dossier.pk]))
    row = AccessLogEntry.objects.get()
    row.purpose = "anders"
    with pytest.raises(PermissionDenied):
        row.save()
    with pytest.raises(PermissionDenied):
        row.delete()


def test_administrator_searches_log_by_dossier_and_user(client, walk, users):
    dossier = walk(S.IN_EXECUTION)
    other = walk(S.INCLUDED)
    client.force_login(users["regisseur"])
    client.get(reverse("dossiers:inspect", args=[dossier.pk]))
    client.get(reverse("dossiers:inspect", args=[other.pk]))
    client.force_login(users["beheer"])
    by_dossier = client.get(reverse("access_log:index"), {"dossier_reference": dossier.reference})
    content = by_dossier.content.decode()
    assert dossier.reference in content
    assert other.reference not in content
    by_user = client.get(reverse("access_log:index"), {"username": "regisseur"}).content.decode()
    assert dossier.reference in by_user and other.reference in by_user


def test_access_log_is_not_for_case_directors(client, users):
    client.force_login(users["regisseur"])
    response = client.get(reverse("access_log:index"))
    assert response.status_code in (302, 403)


def test_assessment_page_writes_one_row(client, walk, users):
    dossier = walk(S.PRE_ASSESSMENT)
    client.force_login(users["voorportaal"])
    response = client.get(reverse("dossiers:assessment", args=[dossier.pk]))
    assert response.status_code == 200
    row = AccessLogEntry.objects.get()
    assert (row.username, row.dossier_reference) == ("voorportaal", dossier.reference)
    assert row.action == AccessAction.VIEW
    assert row.object_description == f"Beoordelingskader: {dossier}"


@pytest.mark.parametrize(
    ("url_name", "role"),
    [
        ("contacts:edit", "regisseur"),
        ("plan_items:edit", "regisseur"),
        ("letters:change", "map"),
        ("letters:send", "map"),
    ],
)
def test_edit_pages_of_a_dossiers_objects_write_one_row(client, walk, users, url_name, role):
    from dossiers.execution.services import contact_save

    dossier = walk(S.IN_EXECUTION)
    objects = {
        "contacts": lambda: contact_save(
            dossier=dossier,
            by=users["regisseur"],
            data={"name": "Fictieve Tante", "kind": "private", "role": "Tante"},
        ),
        "plan_items": lambda: dossier.plan_items.first(),
        "letters": lambda: dossier.letters.first(),
    }
    obj = objects[url_name.split(":")[0]]()
    client.force_login(users[role])
    response = client.get(reverse(url_name, args=[obj.pk]))
    assert response.status_code == 200
    row = AccessLogEntry.objects.get()
    assert (row.username, row.dossier_reference) == (role, dossier.reference)
    assert row.action == AccessAction.VIEW

"""The access log and the status history are append-only at the ORM, in bulk too.

``AppendOnlyModel`` refuses ``save()`` of an existing row and ``delete()`` per instance (tested
in test_access_log.py and test_workflow.py); these tests cover the querysets: ``update()``,
``delete()`` and ``bulk_update()`` on the manager and on ``dossier.history`` are refused, and
the retention service's named scrub is the one way to blank the person in log rows. Retention
itself (the scrub and the history deleted with its dossier) is tested in test_retention.py.

On PostgreSQL the database refuses too (django-pgtrigger's Protect triggers, installed by
migration 0113): raw SQL ``UPDATE`` and ``DELETE`` on either table fail, and the scrub lifts
only the access log's update trigger. SQLite has no triggers; those tests are skipped there.
"""

import pgtrigger
import pytest
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from dossiers.models import AccessLogEntry, DossierStatusChange
from dossiers.workflow.states import DossierState as S

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_row(client, walk, users):
    dossier = walk(S.IN_EXECUTION)
    client.force_login(users["regisseur"])
    client.get(reverse("dossiers:inspect", args=[dossier.pk]))
    return AccessLogEntry.objects.get()


def test_access_log_rows_cannot_be_updated_or_deleted_in_bulk(log_row):
    rows = AccessLogEntry.objects.filter(pk=log_row.pk)
    with pytest.raises(PermissionDenied):
        rows.update(username="iemand-anders")
    with pytest.raises(PermissionDenied):
        AccessLogEntry.objects.all().delete()
    log_row.purpose = "anders"
    with pytest.raises(PermissionDenied), transaction.atomic():  # bulk_update's own atomic
        AccessLogEntry.objects.bulk_update([log_row], ["purpose"])  # has no savepoint
    unchanged = AccessLogEntry.objects.get()
    assert (unchanged.username, unchanged.purpose) == ("regisseur", "")


def test_status_history_cannot_be_updated_or_deleted_in_bulk(walk):
    dossier = walk(S.INCLUDED)
    count = dossier.history.count()
    assert count >= 2
    with pytest.raises(PermissionDenied):
        DossierStatusChange.objects.filter(dossier=dossier).update(note="herschreven")
    with pytest.raises(PermissionDenied):
        dossier.history.update(note="herschreven")
    with pytest.raises(PermissionDenied):
        dossier.history.all().delete()
    with pytest.raises(PermissionDenied):
        DossierStatusChange.objects.all().delete()
    assert dossier.history.count() == count
    assert not dossier.history.filter(note="herschreven").exists()


def test_retention_scrub_blanks_only_the_person(log_row):
    scrubbed = AccessLogEntry.objects.filter(pk=log_row.pk).retention_scrub(
        subject_name="", subject_id_snapshot=None, object_description="weg"
    )
    assert scrubbed == 1
    row = AccessLogEntry.objects.get()
    assert (row.subject_name, row.subject_id_snapshot, row.object_description) == ("", None, "weg")
    assert (row.username, row.dossier_reference) == (log_row.username, log_row.dossier_reference)


@pytest.mark.parametrize(
    "values",
    [{"username": "iemand-anders"}, {"subject_name": "", "at": None}, {}],
    ids=["who", "person-and-when", "nothing"],
)
def test_retention_scrub_refuses_any_other_field(log_row, values):
    with pytest.raises(PermissionDenied):
        AccessLogEntry.objects.filter(pk=log_row.pk).retention_scrub(**values)
    assert AccessLogEntry.objects.get().subject_name == log_row.subject_name


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the triggers exist on PostgreSQL only"
)
RAW_SQL = {
    "update": "UPDATE {table} SET {column} = {column} WHERE id = %s",
    "delete": "DELETE FROM {table} WHERE id = %s",
}


def _raw(statement: str, model, column: str, pk: int) -> None:
    sql = RAW_SQL[statement].format(
        table=connection.ops.quote_name(model._meta.db_table),
        column=connection.ops.quote_name(column),
    )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, [pk])


@postgresql_only
@pytest.mark.parametrize("statement", ["update", "delete"])
def test_the_database_refuses_raw_sql_on_the_access_log(log_row, statement):
    with pytest.raises(DatabaseError, match=f"pgtrigger: Cannot {statement} rows"):
        _raw(statement, AccessLogEntry, "username", log_row.pk)
    assert AccessLogEntry.objects.get().username == log_row.username


@postgresql_only
@pytest.mark.parametrize("statement", ["update", "delete"])
def test_the_database_refuses_raw_sql_on_the_status_history(walk, statement):
    dossier = walk(S.INCLUDED)
    row = dossier.history.last()
    with pytest.raises(DatabaseError, match=f"pgtrigger: Cannot {statement} rows"):
        _raw(statement, DossierStatusChange, "note", row.pk)
    assert dossier.history.filter(pk=row.pk, note=row.note).exists()


@postgresql_only
def test_the_database_refuses_what_slips_past_the_queryset(walk):
    """The base manager has no ``AppendOnlyQuerySet``; the triggers still hold."""
    dossier = walk(S.INCLUDED)
    with pytest.raises(DatabaseError, match="pgtrigger"), transaction.atomic():
        DossierStatusChange._base_manager.filter(dossier=dossier).update(note="herschreven")
    with pytest.raises(DatabaseError, match="pgtrigger"), transaction.atomic():
        DossierStatusChange._base_manager.filter(dossier=dossier).delete()
    assert not dossier.history.filter(note="herschreven").exists()


@postgresql_only
def test_lifting_the_update_trigger_leaves_the_delete_trigger(log_row):
    with pgtrigger.ignore("dossiers.AccessLogEntry:append_only_update"):
        with pytest.raises(DatabaseError, match="pgtrigger: Cannot delete rows"):
            _raw("delete", AccessLogEntry, "username", log_row.pk)
    assert AccessLogEntry.objects.filter(pk=log_row.pk).exists()

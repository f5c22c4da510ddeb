"""R5: a scripted backup and restore gives back the same rows (counts and checksums) and files."""

import io
import json
import tarfile
import threading
import time

import pgtrigger
import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError, connection
from django.utils import timezone

from dossiers.backup import MANIFEST, backup_check, media_fingerprints, table_fingerprints
from dossiers.models import AccessAction, AccessLogEntry, Dossier, DossierStatusChange
from dossiers.workflow.states import DossierState as S

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "brieven").mkdir(parents=True)
    (settings.MEDIA_ROOT / "brieven" / "brief-1.pdf").write_bytes(b"%PDF-1.7 fictief")
    return settings.MEDIA_ROOT


def test_restore_gives_back_every_row_and_file(walk, media, tmp_path):
    kept = walk(S.IN_EXECUTION)
    walk(S.PRE_ASSESSMENT)
    before_tables, before_media = table_fingerprints(), media_fingerprints()
    assert before_tables["dossiers_dossier"]["rows"] == 2
    archive = tmp_path / "backup.tar.gz"

    call_command("backup_create", output=archive)

    # Damage after the backup: rows deleted and added, a file lost, a stray file added. (The
    # status history is append-only in PostgreSQL too: lift its delete trigger for this.)
    with pgtrigger.ignore("dossiers.DossierStatusChange:append_only_delete"):
        Dossier.objects.exclude(pk=kept.pk).delete()
    walk(S.REGISTERED)
    (media / "brieven" / "brief-1.pdf").unlink()
    (media / "onbekend.txt").write_text("x")
    assert table_fingerprints() != before_tables

    call_command("backup_restore", archive, yes=True)

    assert table_fingerprints() == before_tables
    assert media_fingerprints() == before_media
    assert Dossier.objects.count() == 2
    assert DossierStatusChange.objects.filter(dossier=kept).count() > 0
    if connection.vendor == "postgresql":  # the append-only triggers came back with the data
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'pgtrigger_append_only_%'"
            )
            assert cursor.fetchone()[0] == 4


def test_a_restore_that_does_not_match_its_manifest_fails(walk, media, tmp_path):
    walk(S.REGISTERED)
    good, bad = tmp_path / "good.tar.gz", tmp_path / "bad.tar.gz"
    call_command("backup_create", output=good)
    with tarfile.open(good, "r:gz") as source, tarfile.open(bad, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member) if member.isfile() else None
            if member.name == MANIFEST:
                manifest = json.load(data)
                manifest["tables"]["dossiers_dossier"]["rows"] += 1
                payload = json.dumps(manifest).encode()
                member.size = len(payload)
                data = io.BytesIO(payload)
            target.addfile(member, data)

    with pytest.raises(CommandError, match="dossiers_dossier"):
        call_command("backup_restore", bad, yes=True)


def test_restore_asks_for_confirmation_and_changes_nothing_without_it(
    walk, media, tmp_path, monkeypatch
):
    walk(S.REGISTERED)
    archive = tmp_path / "backup.tar.gz"
    call_command("backup_create", output=archive)
    walk(S.REGISTERED)
    monkeypatch.setattr("builtins.input", lambda prompt: "nee")
    with pytest.raises(CommandError, match="niets veranderd"):
        call_command("backup_restore", archive)
    assert Dossier.objects.count() == 2


def test_a_file_that_is_no_backup_is_refused(db, tmp_path):
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not a tar")
    with pytest.raises(CommandError, match="Geen geldig back-upbestand"):
        call_command("backup_restore", junk, yes=True)


def _writer(stop: threading.Event, written: list) -> None:
    """The running app: access-log rows, one after another, until told to stop."""
    try:
        while not stop.is_set():
            try:
                AccessLogEntry.objects.create(
                    at=timezone.now(), username="schrijver", action=AccessAction.VIEW, path="/"
                )
                written.append(1)
            except OperationalError:  # SQLite's shared in-memory test database: table locked
                time.sleep(0.005)
    finally:
        connection.close()


def _wait_for(written: list, count: int) -> None:
    deadline = time.monotonic() + 60
    while len(written) < count and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(written) >= count


def test_a_backup_taken_while_the_app_writes_restores_cleanly(walk, media, tmp_path):
    walk(S.IN_EXECUTION)
    stop, written = threading.Event(), []
    writer = threading.Thread(target=_writer, args=(stop, written))
    writer.start()
    try:
        _wait_for(written, 20)
        archive = tmp_path / "tijdens-gebruik.tar.gz"
        call_command("backup_create", output=archive)
        during = len(written)
        _wait_for(written, during + 20)  # the writer went on after the snapshot
    finally:
        stop.set()
        writer.join()
    table = AccessLogEntry._meta.db_table
    total = AccessLogEntry.objects.count()

    manifest = backup_check(archive_path=archive)  # restored into a fresh scratch database

    in_backup = manifest["tables"][table]["rows"]
    assert 20 <= in_backup < total
    call_command("backup_restore", archive, yes=True)
    assert table_fingerprints() == manifest["tables"]
    assert media_fingerprints() == manifest["media"]
    assert AccessLogEntry.objects.count() == in_backup

"""R5: a scripted backup and restore gives back the same rows (counts and checksums) and files."""

import io
import json
import tarfile

import pytest
from django.core.management import CommandError, call_command

from dossiers.backup import MANIFEST, media_fingerprints, table_fingerprints
from dossiers.models import Dossier, DossierStatusChange
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

    # Damage after the backup: rows deleted and added, a file lost, a stray file added.
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

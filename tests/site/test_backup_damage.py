"""R5: a damaged archive changes nothing. The restore reads and checks everything first; on any
failure the live database (SQLite: its file's SHA-256; PostgreSQL: per-table fingerprints) and
the media files are exactly as before, and ``backup_restore`` exits non-zero with one Dutch line.

The restore runs as the real command in a separate process, against this test's database: on
SQLite a file copy of it (WAL mode, as in production), on PostgreSQL the test database itself.
"""

import gzip
import io
import os
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection

from dossiers.backup import file_sha256, media_fingerprints, table_fingerprints
from dossiers.workflow.states import DossierState as S

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = Path(django_settings.BASE_DIR)


@pytest.fixture
def live(walk, settings, tmp_path):
    """A system with two dossiers and two uploaded files, its archive, and its live database."""
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "brieven").mkdir(parents=True)
    (settings.MEDIA_ROOT / "brieven" / "brief-1.pdf").write_bytes(b"%PDF-1.7 fictief " * 400)
    (settings.MEDIA_ROOT / "bijlagen").mkdir()
    (settings.MEDIA_ROOT / "bijlagen" / "notitie.txt").write_text("Fictieve notitie.\n" * 50)
    walk(S.IN_EXECUTION)
    walk(S.PRE_ASSESSMENT)
    archive = tmp_path / "backup.tar.gz"
    call_command("backup_create", output=archive)
    walk(S.REGISTERED)  # the live system moved on after the backup
    env = {**os.environ, "MEDIA_ROOT": str(settings.MEDIA_ROOT), "LANGUAGE": "nl"}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    if connection.vendor == "sqlite":
        database = tmp_path / "live.sqlite3"
        copy = sqlite3.connect(database)
        connection.ensure_connection()
        connection.connection.backup(copy)
        copy.execute("PRAGMA journal_mode=WAL")
        copy.close()
        env["DATABASE_URL"] = f"sqlite:///{database}"
    else:
        database = None
        db = connection.settings_dict
        env["DATABASE_URL"] = (
            f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        )
    return {"archive": archive, "env": env, "database": database, "media": settings.MEDIA_ROOT}


def _state(live) -> dict:
    if live["database"] is not None:
        database = {"sha256": file_sha256(live["database"])}
    else:
        connection.close()
        database = table_fingerprints()
    return {"database": database, "media": media_fingerprints(live["media"])}


def _restore(live, archive: Path, *extra: str) -> subprocess.CompletedProcess:
    connection.close()  # PostgreSQL: the restore must be free to switch databases
    return subprocess.run(
        [sys.executable, "manage.py", "backup_restore", str(archive), "--yes", *extra],
        cwd=ROOT,
        env=live["env"],
        capture_output=True,
        text=True,
        timeout=300,
    )


def _rewrite(source: Path, target: Path, change) -> None:
    """A valid gzip archive with one member's bytes changed by ``change(name, data)``."""
    with tarfile.open(source, "r:gz") as old, tarfile.open(target, "w:gz") as new:
        for member in old.getmembers():
            data = old.extractfile(member).read() if member.isfile() else None
            if data is not None:
                data = change(member.name, data)
                member.size = len(data)
            new.addfile(member, io.BytesIO(data) if data is not None else None)


def _flip_bytes(source: Path, target: Path) -> None:
    data = bytearray(source.read_bytes())
    middle = len(data) // 2
    for offset in range(8):
        data[middle + offset] ^= 0xFF
    target.write_bytes(bytes(data))


def _alter_database(source: Path, target: Path) -> None:
    def change(name, data):
        if name.startswith("database."):
            middle = len(data) // 2
            return (
                data[:middle]
                + bytes(b ^ 0x55 for b in data[middle : middle + 64])
                + data[middle + 64 :]
            )
        return data

    _rewrite(source, target, change)


def _alter_media(source: Path, target: Path) -> None:
    def change(name, data):
        return data.replace(b"fictief", b"FICTIEF") if name.endswith("brief-1.pdf") else data

    _rewrite(source, target, change)


def _truncate(source: Path, target: Path) -> None:
    data = source.read_bytes()
    target.write_bytes(data[: len(data) * 2 // 3])


def _no_archive(source: Path, target: Path) -> None:
    target.write_text("Dit is geen back-up, alleen tekst.\n")


DAMAGES = {
    "8 bytes omgedraaid in de gzip-stroom": _flip_bytes,
    "databasebestand gewijzigd": _alter_database,
    "mediabestand gewijzigd": _alter_media,
    "afgebroken archief": _truncate,
    "geen archief": _no_archive,
}


def _assert_one_dutch_line(done: subprocess.CompletedProcess) -> None:
    assert done.returncode != 0, done.stdout
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    line = lines[0]
    for english in ("Traceback", "Error", "error", "Exception", "failed", "could not"):
        assert english not in line
    assert "niets veranderd" in line


@pytest.mark.slow
@pytest.mark.parametrize("damage", DAMAGES.values(), ids=DAMAGES.keys())
def test_a_damaged_archive_changes_nothing(live, damage, tmp_path):
    damaged = tmp_path / "damaged.tar.gz"
    damage(live["archive"], damaged)
    before = _state(live)

    done = _restore(live, damaged)

    _assert_one_dutch_line(done)
    assert _state(live) == before
    assert not list(tmp_path.glob("**/*.before-restore"))
    assert not list(tmp_path.glob(".ipga-restore-*"))


@pytest.mark.slow
def test_an_intact_archive_is_swapped_in_and_nothing_is_left_behind(live, tmp_path):
    before = _state(live)

    done = _restore(live, live["archive"])

    assert done.returncode == 0, done.stderr
    assert "Hersteld en gecontroleerd" in done.stdout
    after = _state(live)
    assert after != before  # the dossier registered after the backup is gone
    assert after["media"] == before["media"]
    assert not list(tmp_path.glob("**/*.before-restore"))
    assert not list(tmp_path.glob(".ipga-restore-*"))
    if live["database"] is None:
        import json

        with tarfile.open(live["archive"], "r:gz") as archive:
            manifest = json.load(archive.extractfile("manifest.json"))
        assert after["database"] == manifest["tables"]


@pytest.mark.slow
def test_a_leftover_of_an_earlier_restore_stops_the_restore(live, tmp_path):
    leftover = Path(f"{live['media']}.before-restore")
    leftover.mkdir()
    before = _state(live)

    done = _restore(live, live["archive"])

    _assert_one_dutch_line(done)
    assert "eerdere herstelpoging" in done.stderr
    assert _state(live) == before


def test_a_check_only_run_touches_nothing(live):
    before = _state(live)
    done = _restore(live, live["archive"], "--check")
    assert done.returncode == 0, done.stderr
    assert "Archief in orde" in done.stdout
    assert _state(live) == before


def test_gzip_damage_at_the_very_end_is_noticed(live, tmp_path):
    """The CRC sits in the gzip trailer, after the tar's end: reading members alone misses it."""
    data = bytearray(live["archive"].read_bytes())
    data[-8] ^= 0xFF  # first byte of the CRC-32
    damaged = tmp_path / "crc.tar.gz"
    damaged.write_bytes(bytes(data))
    with gzip.open(live["archive"]) as intact:
        assert intact.read()
    before = _state(live)

    done = _restore(live, damaged)

    _assert_one_dutch_line(done)
    assert _state(live) == before

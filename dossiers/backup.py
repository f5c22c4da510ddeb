"""Backup and restore of the whole system: the database and the uploaded files, in one archive.

The archive (a gzipped tar) holds ``manifest.json``, the database (SQLite: a copy made with
SQLite's online backup API; PostgreSQL: ``pg_dump --format=custom``) and ``media/``. The manifest
records, per table, the row count and a SHA-256 over its rows in primary-key order, and a SHA-256
per file. A restore replaces database and files, then recomputes both and refuses to report
success unless they equal the manifest (quality.md R5). Commands: ``backup_create`` and
``backup_restore``; README "Backup en herstel".
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.pgdump"
MEDIA_DIR = "media"
FETCH = 2000


class BackupError(Exception):
    """A backup or restore that cannot be trusted; the message says why, in Dutch."""


def _vendor() -> str:
    if connection.vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"Databasetype {connection.vendor} wordt niet ondersteund.")
    return connection.vendor


def table_fingerprints() -> dict[str, dict]:
    """Per table: row count and a SHA-256 over its rows in primary-key (else column) order."""
    result = {}
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            key = connection.introspection.get_primary_key_column(cursor, table)
            order = quote(key) if key else "1"
            cursor.execute(f"SELECT * FROM {quote(table)} ORDER BY {order}")  # noqa: S608
            digest, count = hashlib.sha256(), 0
            while rows := cursor.fetchmany(FETCH):
                for row in rows:
                    digest.update(repr(tuple(row)).encode())
                count += len(rows)
            result[table] = {"rows": count, "sha256": digest.hexdigest()}
    return result


def media_fingerprints(root: Path | None = None) -> dict[str, str]:
    root = Path(root or settings.MEDIA_ROOT)
    if not root.exists():
        return {}
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _postgres_env() -> dict[str, str]:
    db = connection.settings_dict
    env = dict(os.environ)
    for variable, value in {
        "PGHOST": db.get("HOST"),
        "PGPORT": db.get("PORT"),
        "PGUSER": db.get("USER"),
        "PGPASSWORD": db.get("PASSWORD"),
        "PGDATABASE": db["NAME"],
    }.items():
        if value:
            env[variable] = str(value)
    return env


def _run(command: list[str]) -> None:
    done = subprocess.run(command, env=_postgres_env(), capture_output=True, text=True)  # noqa: S603
    if done.returncode != 0:
        raise BackupError(f"{command[0]} mislukt: {done.stderr.strip()[:500]}")


def _dump_database(workdir: Path) -> str:
    if _vendor() == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(workdir / SQLITE_FILE)
        with target:
            connection.connection.backup(target)
        target.close()
        return SQLITE_FILE
    _run(
        [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            "--file",
            str(workdir / POSTGRES_FILE),
        ]
    )
    return POSTGRES_FILE


def backup_create(*, output: Path) -> dict:
    """Write the archive to ``output``; returns its manifest."""
    output = Path(output)
    manifest = {
        "created_at": timezone.now().isoformat(),
        "vendor": _vendor(),
        "tables": table_fingerprints(),
        "media": media_fingerprints(),
    }
    with tempfile.TemporaryDirectory() as tmp:
        database_file = _dump_database(Path(tmp))
        manifest["database_file"] = database_file
        output.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(output, "w:gz") as archive:
            data = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime = len(data), int(datetime.datetime.now().timestamp())
            archive.addfile(info, io.BytesIO(data))
            archive.add(Path(tmp) / database_file, arcname=database_file)
            media_root = Path(settings.MEDIA_ROOT)
            if media_root.exists():
                archive.add(media_root, arcname=MEDIA_DIR)
    return manifest


def backup_read_manifest(archive_path: Path) -> dict:
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            member = archive.extractfile(MANIFEST)
            return json.load(member)
    except (OSError, KeyError, tarfile.TarError, json.JSONDecodeError) as error:
        raise BackupError(f"Geen geldig back-upbestand: {error}") from error


def _load_database(workdir: Path, manifest: dict) -> None:
    if manifest.get("vendor") != _vendor():
        raise BackupError(
            f"De back-up is van een {manifest.get('vendor')}-database; deze installatie gebruikt "
            f"{_vendor()}."
        )
    if _vendor() == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(workdir / SQLITE_FILE)
        with source:
            source.backup(connection.connection)
        source.close()
        return
    connection.close()
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--dbname",
            _postgres_env()["PGDATABASE"],
            str(workdir / POSTGRES_FILE),
        ]
    )


def _restore_media(workdir: Path) -> None:
    media_root = Path(settings.MEDIA_ROOT)
    if media_root.exists():
        shutil.rmtree(media_root)
    source = workdir / MEDIA_DIR
    if source.exists():
        shutil.copytree(source, media_root)
    else:
        media_root.mkdir(parents=True, exist_ok=True)


def backup_verify(manifest: dict) -> list[str]:
    """Every difference between the live system and the manifest, in Dutch (empty: identical)."""
    problems = []
    tables = table_fingerprints()
    for table in sorted(set(manifest["tables"]) | set(tables)):
        expected, actual = manifest["tables"].get(table), tables.get(table)
        if expected != actual:
            problems.append(f"Tabel {table}: verwacht {expected}, gevonden {actual}.")
    media = media_fingerprints()
    for path in sorted(set(manifest["media"]) | set(media)):
        if manifest["media"].get(path) != media.get(path):
            problems.append(f"Bestand {path} wijkt af of ontbreekt.")
    return problems


def backup_restore(*, archive_path: Path) -> dict:
    """Replace database and files with the archive's; raises BackupError unless verified."""
    manifest = backup_read_manifest(archive_path)
    with tempfile.TemporaryDirectory() as tmp, tarfile.open(archive_path, "r:gz") as archive:
        archive.extractall(tmp, filter="data")
        _load_database(Path(tmp), manifest)
        _restore_media(Path(tmp))
    problems = backup_verify(manifest)
    if problems:
        raise BackupError("Herstel niet gelijk aan de back-up:\n" + "\n".join(problems))
    return manifest

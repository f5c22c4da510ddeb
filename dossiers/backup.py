"""Backup and restore of the whole system: the database and the uploaded files, in one archive.

The archive (a gzipped tar) holds the database (SQLite: a copy made with SQLite's online backup
API; PostgreSQL: ``pg_dump --format=custom``), ``media/`` and ``manifest.json``. The manifest
records, per table, the row count and a SHA-256 over its rows in primary-key order, a SHA-256 per
file and one over the database member. It is computed from the snapshot itself (the SQLite copy,
or the transaction snapshot ``pg_dump`` reads), so a backup made while the app writes agrees
with its own manifest.

A restore touches nothing until the whole archive has been read (every gzip CRC, every tar
member) and checked: each member against the manifest, the database copy for integrity and, opened
as a scratch database, table by table against the manifest. Only then does it swap database and
media in (``backup_database``), verify the live system, and on any difference swap the previous
state back. Commands: ``backup_create`` and ``backup_restore``; docs/operations.md.
"""

import datetime
import gzip
import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
import zlib
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers import backup_database as database
from dossiers.backup_database import BackupError

__all__ = ["BackupError", "backup_check", "backup_create", "backup_restore"]

MANIFEST = "manifest.json"
MEDIA_DIR = "media"
FETCH = 2000
CHUNK = 1 << 20
BEFORE_RESTORE = ".before-restore"


def table_fingerprints(using=None) -> dict[str, dict]:
    """Per table: row count and a SHA-256 over its rows in primary-key (else column) order."""
    using = using or connection
    result = {}
    quote = using.ops.quote_name
    with using.cursor() as cursor:
        for table in sorted(using.introspection.table_names(cursor)):
            key = using.introspection.get_primary_key_column(cursor, table)
            order = quote(key) if key else "1"
            cursor.execute(f"SELECT * FROM {quote(table)} ORDER BY {order}")  # noqa: S608
            digest, count = hashlib.sha256(), 0
            while rows := cursor.fetchmany(FETCH):
                for row in rows:
                    digest.update(repr(tuple(row)).encode())
                count += len(rows)
            result[table] = {"rows": count, "sha256": digest.hexdigest()}
    return result


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def media_fingerprints(root: Path | None = None) -> dict[str, str]:
    root = Path(root or settings.MEDIA_ROOT)
    if not root.exists():
        return {}
    return {
        path.relative_to(root).as_posix(): file_sha256(path)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


# --- creating ---------------------------------------------------------------------------------


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes, mode: int = 0o644) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode = len(data), mode
    info.mtime = int(datetime.datetime.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def _add_media(archive: tarfile.TarFile) -> dict[str, str]:
    """Each file read once: the bytes hashed are the bytes archived (files may change meanwhile)."""
    root, media = Path(settings.MEDIA_ROOT), {}
    if not root.exists():
        return media
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        try:
            data = path.read_bytes()
        except FileNotFoundError:  # removed by the running app between listing and reading
            continue
        name = path.relative_to(root).as_posix()
        _add_bytes(archive, f"{MEDIA_DIR}/{name}", data)
        media[name] = hashlib.sha256(data).hexdigest()
    return media


def backup_create(*, output: Path) -> dict:
    """Write the archive to ``output``; returns its manifest (computed from the snapshot)."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=output.parent, prefix=".ipga-backup-") as tmp:
        snapshot = database.snapshot(Path(tmp), fingerprint=table_fingerprints)
        partial = Path(tmp) / "archive.tar.gz"
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(snapshot.path, arcname=snapshot.path.name)
            media = _add_media(archive)
            manifest = {
                "format": 2,
                "created_at": timezone.now().isoformat(),
                "vendor": database.vendor(),
                "database_file": snapshot.path.name,
                "database_sha256": file_sha256(snapshot.path),
                "tables": snapshot.tables,
                "media": media,
            }
            _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=2, sort_keys=True).encode())
        os.replace(partial, output)  # never a half-written archive under the final name
    return manifest


# --- reading and checking ---------------------------------------------------------------------


def _unreadable(_error: Exception | None = None) -> BackupError:
    return BackupError(
        _(
            "Geen geldig back-upbestand: het bestand is beschadigd, afgebroken of geen back-up; "
            "er is niets veranderd."
        )
    )


def _extract_all(archive_path: Path, target: Path) -> None:
    """Read the whole file: every tar member and the gzip stream to its end (CRC and length)."""
    try:
        with gzip.open(archive_path, "rb") as stream:
            with tarfile.open(fileobj=stream, mode="r|") as archive:
                archive.extractall(target, filter="data")
            while stream.read(CHUNK):
                pass
    except (OSError, EOFError, zlib.error, tarfile.TarError, ValueError) as error:
        raise _unreadable(error) from error


def _read_manifest(staging: Path) -> dict:
    try:
        manifest = json.loads((staging / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise _unreadable(error) from error
    required = {"vendor", "tables", "media", "database_file", "created_at"}
    if not isinstance(manifest, dict) or not required <= set(manifest):
        raise _unreadable()
    return manifest


def backup_read_manifest(archive_path: Path) -> dict:
    """The manifest of an archive that reads completely; raises BackupError otherwise."""
    with tempfile.TemporaryDirectory(prefix=".ipga-manifest-") as tmp:
        _extract_all(Path(archive_path), Path(tmp))
        return _read_manifest(Path(tmp))


_refuse = database._refuse


def _check_members(staging: Path, manifest: dict) -> None:
    database_file = manifest["database_file"]
    expected = {MANIFEST, database_file, MEDIA_DIR}
    present = {path.name for path in staging.iterdir()}
    if present - expected or database_file not in present:
        raise _refuse(_("Het archief bevat andere bestanden dan de manifestlijst."))
    if manifest.get("database_sha256") not in (None, file_sha256(staging / database_file)):
        raise _refuse(_("De database in het archief wijkt af van het manifest."))
    media = media_fingerprints(staging / MEDIA_DIR)
    changed = _differences(manifest["media"], media)
    if changed:
        raise _refuse(
            _("Bestand %(name)s in het archief wijkt af van het manifest (%(count)d in totaal).")
            % {"name": changed[0], "count": len(changed)}
        )


def _differences(expected: dict, actual: dict) -> list[str]:
    """Names present in one only, or with another value."""
    names = set(expected) | set(actual)
    return sorted(name for name in names if expected.get(name) != actual.get(name))


def _check_tables(manifest: dict, actual: dict) -> None:
    different = _differences(manifest["tables"], actual)
    if different:
        raise _refuse(
            _("Tabel %(table)s in de back-up wijkt af van het manifest (%(count)d in totaal).")
            % {"table": different[0], "count": len(different)}
        )


@contextmanager
def _staged(archive_path: Path, near: Path):
    """The archive read, extracted next to ``near`` (same file system) and checked completely."""
    archive_path = Path(archive_path)
    if not archive_path.is_file():
        raise _refuse(_("Het archief %(path)s bestaat niet.") % {"path": archive_path})
    near.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=near, prefix=".ipga-restore-") as tmp:
        staging = Path(tmp)
        _extract_all(archive_path, staging)
        manifest = _read_manifest(staging)
        if manifest["vendor"] != database.vendor():
            raise _refuse(
                _("De back-up is van een %(archive)s-database; deze installatie gebruikt %(here)s.")
                % {"archive": manifest["vendor"], "here": database.vendor()}
            )
        _check_members(staging, manifest)
        (staging / MEDIA_DIR).mkdir(exist_ok=True)
        with database.scratch(staging / manifest["database_file"]) as scratch:
            _check_tables(manifest, table_fingerprints(scratch.connection))
            yield staging, manifest, scratch


def backup_check(*, archive_path: Path) -> dict:
    """Every check a restore makes, into a scratch database; nothing live is touched."""
    with _staged(archive_path, Path(tempfile.gettempdir())) as (_staging, manifest, _scratch):
        return manifest


# --- restoring --------------------------------------------------------------------------------


def _previous_media() -> Path:
    media_root = Path(settings.MEDIA_ROOT)
    return media_root.with_name(media_root.name + BEFORE_RESTORE)


def _media_swap(staged: Path) -> Path:
    """Rename the staged folder into place; returns where the previous folder now is."""
    media_root = Path(settings.MEDIA_ROOT)
    previous = _previous_media()
    staged.chmod(0o755)
    if media_root.exists():
        media_root.rename(previous)
    else:
        previous.mkdir()
    staged.rename(media_root)
    return previous


def _media_unswap(previous: Path) -> None:
    media_root = Path(settings.MEDIA_ROOT)
    if media_root.exists():
        shutil.rmtree(media_root)
    previous.rename(media_root)


def backup_verify(manifest: dict) -> list[str]:
    """Tables and files of the live system that differ from the manifest (empty: identical)."""
    tables = _differences(manifest["tables"], table_fingerprints())
    return tables + _differences(manifest["media"], media_fingerprints())


def _swap_in(staging: Path, manifest: dict, scratch) -> None:
    if _previous_media().exists():
        raise database.leftover(_previous_media())
    swapped = database.swap_in(scratch)
    try:
        previous_media = _media_swap(staging / MEDIA_DIR)
    except (BackupError, OSError) as error:
        swapped.undo()
        raise error if isinstance(error, BackupError) else _refuse(_media_failed()) from error
    problems = backup_verify(manifest)
    if problems:
        _media_unswap(previous_media)
        swapped.undo()
        raise BackupError(
            _(
                "Herstel niet gelijk aan de back-up (%(first)s, %(count)d verschillen); de vorige "
                "database en bestanden zijn teruggezet."
            )
            % {"first": problems[0], "count": len(problems)}
        )
    swapped.commit()
    shutil.rmtree(previous_media)


def _media_failed() -> str:
    return _("De map met bestanden kon niet worden vervangen.")


def backup_restore(*, archive_path: Path) -> dict:
    """Replace database and files with the archive's, checked before and verified after."""
    media_root = Path(settings.MEDIA_ROOT)
    with _staged(archive_path, media_root.parent) as (staging, manifest, scratch):
        _swap_in(staging, manifest, scratch)
    return manifest

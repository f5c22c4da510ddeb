#!/usr/bin/env python
"""Restore drill (`make restore-drill`): back up a running system, restore it elsewhere, compare.

1. A source system is set up in a scratch place (SQLite file, or a PostgreSQL database next to
   the one DATABASE_URL names), migrated, with a few demo dossiers and uploaded files.
2. A writer process keeps adding access-log rows and files, as the running app would.
3. ``backup_create`` runs while the writer writes; the writer goes on afterwards.
4. ``backup_restore`` puts the archive into a fresh, empty target (database and media folder).
5. The target is compared with the archive's manifest table by table (row count and SHA-256)
   and file by file, and with the source: the written rows the backup holds are exactly the
   source's first ones (a consistent snapshot, not a mix).

Exit code 0 and a summary when every figure matches; otherwise the differences and exit code 1.
Everything it creates is removed afterwards. docs/operations.md explains how to use it.
"""

import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
WRITER_TABLE = "dossiers_accesslogentry"


def _django():
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()


def write_until_stopped(stop_file: str, progress_file: str) -> None:
    """The 'running app': rows and files, one by one, until ``stop_file`` exists."""
    _django()
    from django.conf import settings
    from django.utils import timezone

    from dossiers.models import AccessAction, AccessLogEntry

    uploads = Path(settings.MEDIA_ROOT) / "drill"
    uploads.mkdir(parents=True, exist_ok=True)
    count = 0
    while not os.path.exists(stop_file):
        AccessLogEntry.objects.create(
            at=timezone.now(), username="oefening", action=AccessAction.VIEW, path="/oefening/"
        )
        count += 1
        if count % 10 == 0:
            (uploads / f"bestand-{count}.txt").write_text(f"Fictief bestand {count}\n")
        # Written aside and renamed, so a reader never sees the file empty mid-write.
        Path(f"{progress_file}.tmp").write_text(str(count))
        os.replace(f"{progress_file}.tmp", progress_file)
        time.sleep(0.005)


def fingerprint(limit_table: str = "", limit_pk: str = "") -> None:
    """Print the tables' and files' fingerprints as JSON (optionally one table up to a key)."""
    _django()
    from django.db import connection

    from dossiers.backup import media_fingerprints, table_fingerprints

    result = {"tables": table_fingerprints(), "media": media_fingerprints()}
    if limit_table:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT * FROM {limit_table} WHERE id <= %s ORDER BY id",  # noqa: S608
                [int(limit_pk)],
            )
            digest = hashlib.sha256()
            rows = cursor.fetchall()
            for row in rows:
                digest.update(repr(tuple(row)).encode())
            result["prefix"] = {"rows": len(rows), "sha256": digest.hexdigest()}
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT MAX(id) FROM {limit_table}")  # noqa: S608
            result["max_pk"] = cursor.fetchone()[0]
    sys.stdout.write(json.dumps(result))


class Drill:
    def __init__(self, workdir: Path):
        self.workdir = workdir
        url = os.environ.get("DATABASE_URL", "")
        self.postgres = url.startswith(("postgres://", "postgresql://"))
        self.base_url = url
        suffix = uuid.uuid4().hex[:6]
        self.databases = {"source": f"drill_{suffix}_bron", "target": f"drill_{suffix}_doel"}

    def env(self, side: str) -> dict:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "LOG_LEVEL": "ERROR"}
        env["MEDIA_ROOT"] = str(self.workdir / f"media-{side}")
        if self.postgres:
            parts = urlsplit(self.base_url)
            env["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{self.databases[side]}"))
        else:
            env["DATABASE_URL"] = f"sqlite:///{self.workdir / f'{side}.sqlite3'}"
        return env

    def manage(self, side: str, *args: str) -> str:
        done = subprocess.run(  # noqa: S603
            [sys.executable, str(ROOT / "manage.py"), *args],
            env=self.env(side),
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise SystemExit(f"Oefening mislukt bij '{' '.join(args)}': {done.stderr.strip()}")
        return done.stdout

    def script(self, side: str, *args: str) -> dict:
        done = subprocess.run(  # noqa: S603
            [sys.executable, __file__, *args], env=self.env(side), capture_output=True, text=True
        )
        if done.returncode != 0:
            raise SystemExit(f"Oefening mislukt bij '{args[0]}': {done.stderr.strip()}")
        return json.loads(done.stdout)

    def psql(self, sql: str) -> None:
        parts = urlsplit(self.base_url)
        url = urlunsplit(parts._replace(path="/postgres"))
        subprocess.run(["psql", url, "-q", "-c", sql], check=True, capture_output=True)  # noqa: S603,S607

    def set_up_source(self) -> None:
        if self.postgres:
            self.psql(f'CREATE DATABASE "{self.databases["source"]}"')
        self.manage("source", "migrate", "--noinput")
        self.manage("source", "demo_data", "--dossiers", "4", "--seed", "7")
        uploads = self.workdir / "media-source" / "brieven"
        uploads.mkdir(parents=True, exist_ok=True)
        (uploads / "brief-oefening.pdf").write_bytes(b"%PDF-1.7 fictieve oefenbrief\n" * 100)

    def back_up_while_writing(self, archive: Path) -> None:
        stop, progress = self.workdir / "stop", self.workdir / "progress"
        writer = subprocess.Popen(  # noqa: S603
            [sys.executable, __file__, "write", str(stop), str(progress)], env=self.env("source")
        )
        try:
            self._wait(progress, 30, writer)
            self.manage("source", "backup_create", "--output", str(archive))
            self._wait(progress, self._count(progress) + 30, writer)
        finally:
            stop.touch()
            writer.wait(timeout=60)

    @staticmethod
    def _count(progress: Path) -> int:
        """The rows the writer has written so far (0 before its first)."""
        try:
            return int(progress.read_text())
        except (FileNotFoundError, ValueError):
            return 0

    def _wait(self, progress: Path, count: int, writer) -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and writer.poll() is None:
            if self._count(progress) >= count:
                return
            time.sleep(0.05)
        raise SystemExit("Oefening mislukt: het schrijvende proces schreef niet (genoeg).")

    def compare(self, archive: Path) -> list[str]:
        with tarfile.open(archive, "r:gz") as opened:
            manifest = json.load(opened.extractfile("manifest.json"))
        target = self.script("target", "fingerprint", WRITER_TABLE, "0")
        kept = target["max_pk"] or 0
        source = self.script("source", "fingerprint", WRITER_TABLE, str(kept))
        problems = [
            f"tabel {name}"
            for name in sorted(set(manifest["tables"]) | set(target["tables"]))
            if manifest["tables"].get(name) != target["tables"].get(name)
        ]
        problems += [
            f"bestand {name}"
            for name in sorted(set(manifest["media"]) | set(target["media"]))
            if manifest["media"].get(name) != target["media"].get(name)
        ]
        if source["prefix"] != target["tables"][WRITER_TABLE]:
            problems.append(f"tabel {WRITER_TABLE} is geen begin van de bron (geen momentopname)")
        if not 0 < target["tables"][WRITER_TABLE]["rows"] < source["tables"][WRITER_TABLE]["rows"]:
            problems.append("de back-up is niet tijdens het schrijven gemaakt")
        self.summary = (
            f"{len(target['tables'])} tabellen, "
            f"{sum(t['rows'] for t in target['tables'].values())} rijen, "
            f"{len(target['media'])} bestanden gelijk; {WRITER_TABLE}: "
            f"{target['tables'][WRITER_TABLE]['rows']} van "
            f"{source['tables'][WRITER_TABLE]['rows']} rijen in de back-up"
        )
        return problems

    def clean_up(self) -> None:
        if self.postgres:
            for name in self.databases.values():
                self.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def step(self, label: str) -> None:
        sys.stdout.write(f"  {time.monotonic() - self.started:6.1f}s  {label}\n")
        sys.stdout.flush()

    def run(self) -> int:
        archive = self.workdir / "oefening.tar.gz"
        kind = "PostgreSQL" if self.postgres else "SQLite"
        self.started = time.monotonic()
        try:
            self.step("bron opzetten (migraties en demodossiers)")
            self.set_up_source()
            self.step("back-up maken terwijl een proces schrijft")
            self.back_up_while_writing(archive)
            self.step("terugzetten in een lege database en map")
            self.manage("target", "backup_restore", str(archive), "--yes")
            self.step("vergelijken")
            problems = self.compare(archive)
        finally:
            self.clean_up()
        if problems:
            sys.stderr.write(f"Hersteloefening ({kind}) MISLUKT: {'; '.join(problems)}\n")
            return 1
        sys.stdout.write(f"Hersteloefening ({kind}) geslaagd: {self.summary}.\n")
        return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["write"]:
        write_until_stopped(*argv[1:3])
        return 0
    if argv[:1] == ["fingerprint"]:
        fingerprint(*argv[1:3])
        return 0
    with tempfile.TemporaryDirectory(prefix="ipga-hersteloefening-") as tmp:
        return Drill(Path(tmp)).run()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The database half of backup and restore, per vendor: a consistent snapshot, a scratch copy to
check, and a swap that can be undone until the live system is verified (see ``backup``).

SQLite: the snapshot is a copy made with the online backup API; a restore checks the archived
file with ``PRAGMA integrity_check``, opens it as a scratch database, and then moves it over the
live file in one ``os.replace``, the previous file kept as ``<file>.before-restore`` until the
live system is verified. PostgreSQL: ``pg_dump`` reads the snapshot the fingerprints are computed
in; a restore checks ``pg_restore --list``, restores into a new scratch database, and then renames
the live database away and the scratch database into its place.
"""

import os
import shutil
import sqlite3
import subprocess
import tempfile
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections, transaction
from django.utils.translation import gettext as _

SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.pgdump"
BEFORE_RESTORE = ".before-restore"
NOTHING_CHANGED = "Er is niets veranderd."


class BackupError(Exception):
    """A backup or restore that cannot be trusted; the message says why, in one Dutch line."""


def _refuse(message: str) -> BackupError:
    return BackupError(f"{message} {_(NOTHING_CHANGED)}")


def leftover(path: Path) -> BackupError:
    return _refuse(
        _("%(path)s van een eerdere herstelpoging bestaat nog; controleer en verwijder dat eerst.")
        % {"path": path}
    )


def vendor() -> str:
    if connection.vendor not in ("sqlite", "postgresql"):
        raise BackupError(
            _("Databasetype %(vendor)s wordt niet ondersteund.") % {"vendor": connection.vendor}
        )
    return connection.vendor


def _wrapper(name: str, *, options: dict | None = None):
    """A separate Django connection to another database of the same kind (never registered)."""
    settings_dict = {**connection.settings_dict, "NAME": str(name)}
    if options is not None:
        settings_dict["OPTIONS"] = options
    wrapper_class = type(connections[DEFAULT_DB_ALIAS])
    return wrapper_class(settings_dict, alias=f"backup_{uuid.uuid4().hex[:8]}")


def _sqlite_file_connection(path: Path):
    """Without the WAL init command: opening a checked file must not rewrite its header."""
    options = {
        key: value
        for key, value in connection.settings_dict.get("OPTIONS", {}).items()
        if key != "init_command"
    }
    return _wrapper(str(path), options=options)


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


def _run(command: list[str], failure: str) -> str:
    """Run a PostgreSQL client tool; its (English) error text goes to the log, not the user."""
    try:
        done = subprocess.run(  # noqa: S603
            command, env=_postgres_env(), capture_output=True, text=True
        )
    except OSError as error:
        raise BackupError(failure) from error
    if done.returncode != 0:
        raise BackupError(failure) from RuntimeError(done.stderr.strip()[:2000])
    return done.stdout


# --- snapshot ---------------------------------------------------------------------------------


@dataclass
class Snapshot:
    path: Path
    tables: dict


def snapshot(workdir: Path, *, fingerprint) -> Snapshot:
    """The database copied to ``workdir``, and ``fingerprint`` computed over that very copy."""
    if vendor() == "sqlite":
        path = workdir / SQLITE_FILE
        connection.ensure_connection()
        target = sqlite3.connect(path)
        with target:
            connection.connection.backup(target)
        target.close()
        copy = _sqlite_file_connection(path)
        try:
            return Snapshot(path=path, tables=fingerprint(copy))
        finally:
            copy.close()
    path = workdir / POSTGRES_FILE
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        (exported,) = cursor.fetchone()
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--snapshot={exported}",
                "--file",
                str(path),
            ],
            _("pg_dump kon geen kopie van de database maken."),
        )
        return Snapshot(path=path, tables=fingerprint(connection))


# --- scratch ----------------------------------------------------------------------------------


@dataclass
class Scratch:
    connection: object
    file: Path
    name: str = ""
    swapped: bool = field(default=False)


def _sqlite_integrity(path: Path) -> None:
    try:
        check = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = check.execute("PRAGMA integrity_check").fetchall()
        finally:
            check.close()
    except sqlite3.DatabaseError as error:
        raise _refuse(_("De database in het archief is beschadigd.")) from error
    if rows != [("ok",)]:
        raise _refuse(_("De database in het archief is beschadigd."))


def _maintenance():
    """A connection to PostgreSQL's ``postgres`` database, for CREATE/ALTER/DROP DATABASE."""
    return _wrapper("postgres")


def _create_database(name: str) -> None:
    admin = _maintenance()
    try:
        with admin.cursor() as cursor:
            cursor.execute(f"CREATE DATABASE {admin.ops.quote_name(name)}")
    finally:
        admin.close()


def _drop_database(name: str) -> None:
    admin = _maintenance()
    try:
        with admin.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {admin.ops.quote_name(name)} WITH (FORCE)")
    finally:
        admin.close()


def _database_name(suffix: str) -> str:
    return f"{connection.settings_dict['NAME'][:40]}_{suffix}_{uuid.uuid4().hex[:8]}"


@contextmanager
def scratch(file: Path):
    """The archived database, checked and opened apart from the live one."""
    if vendor() == "sqlite":
        _sqlite_integrity(file)
        wrapper = _sqlite_file_connection(file)
        try:
            yield Scratch(connection=wrapper, file=file)
        except sqlite3.DatabaseError as error:
            raise _refuse(_("De database in het archief is beschadigd.")) from error
        finally:
            wrapper.close()
        return
    damaged = _("De database in het archief is beschadigd of onleesbaar.")
    _run(["pg_restore", "--list", str(file)], _refuse(damaged).args[0])
    name = _database_name("r")
    _create_database(name)
    state = Scratch(connection=_wrapper(name), file=file, name=name)
    try:
        _run(
            [
                "pg_restore",
                "--exit-on-error",
                "--single-transaction",
                "--no-owner",
                "--no-privileges",
                "--dbname",
                name,
                str(file),
            ],
            _refuse(damaged).args[0],
        )
        yield state
    finally:
        state.connection.close()
        if not state.swapped:
            _drop_database(name)


# --- swap -------------------------------------------------------------------------------------


@dataclass
class Swapped:
    """What ``undo`` puts back and ``commit`` lets go of."""

    undo_steps: list = field(default_factory=list)
    commit_steps: list = field(default_factory=list)

    def undo(self) -> None:
        connection.close()
        for step in reversed(self.undo_steps):
            step()

    def commit(self) -> None:
        connection.close()
        for step in self.commit_steps:
            step()


def swap_in(state: Scratch) -> Swapped:
    """Put the checked scratch database in the live one's place; undoable until committed."""
    state.connection.close()
    connection.close()
    if vendor() == "sqlite":
        if connection.is_in_memory_db():
            return _sqlite_copy_in(state.file)
        return _sqlite_replace(state.file, Path(connection.settings_dict["NAME"]))
    return _postgres_rename(state)


def _sqlite_copy(source, target) -> None:
    with target:
        source.backup(target)


def _sqlite_copy_in(file: Path) -> Swapped:
    """An in-memory database (the tests') has no file to move: copy, in one step, both ways."""
    connection.ensure_connection()
    live = connection.connection
    handle, previous = tempfile.mkstemp(suffix=BEFORE_RESTORE)
    os.close(handle)
    keep = sqlite3.connect(previous)
    _sqlite_copy(live, keep)
    source = sqlite3.connect(file)
    _sqlite_copy(source, live)
    source.close()

    def undo():
        connection.ensure_connection()
        _sqlite_copy(keep, connection.connection)

    def commit():
        keep.close()
        os.unlink(previous)

    return Swapped(undo_steps=[undo, commit], commit_steps=[commit])


def _sqlite_replace(file: Path, live: Path) -> Swapped:
    """Move the checked file over the live one; the previous one stays as *.before-restore."""
    previous = live.with_name(live.name + BEFORE_RESTORE)
    if previous.exists():
        raise leftover(previous)
    live.parent.mkdir(parents=True, exist_ok=True)
    incoming = live.with_name(f"{live.name}.restore-{uuid.uuid4().hex[:8]}")
    shutil.copyfile(file, incoming)
    with open(incoming, "rb+") as handle:
        os.fsync(handle.fileno())
    if not live.exists():
        os.replace(incoming, live)
        return Swapped(undo_steps=[lambda: live.unlink(missing_ok=True)])
    lock = _sqlite_exclusive(live, incoming)
    try:
        os.link(live, previous)
        os.replace(incoming, live)
    finally:
        lock.rollback()
        lock.close()

    def undo():
        os.replace(previous, live)

    return Swapped(undo_steps=[undo], commit_steps=[lambda: previous.unlink()])


def _sqlite_exclusive(live: Path, incoming: Path):
    """Leave WAL mode (only possible when no one else has the file open) and lock the file."""
    lock = sqlite3.connect(live, timeout=5, isolation_level=None)
    try:
        mode = lock.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        if mode != "delete":
            raise sqlite3.OperationalError(mode)
        lock.execute("BEGIN EXCLUSIVE")
    except sqlite3.Error as error:
        lock.close()
        incoming.unlink(missing_ok=True)
        raise _refuse(
            _(
                "De database is in gebruik; stop de applicatie (web en achtergrondtaken) en "
                "probeer het opnieuw."
            )
        ) from error
    return lock


def _postgres_terminate_and_rename(cursor, source: str, target: str) -> None:
    quote = connection.ops.quote_name
    for _attempt in range(50):
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [source],
        )
        try:
            cursor.execute(f"ALTER DATABASE {quote(source)} RENAME TO {quote(target)}")
            return
        except DatabaseError as error:  # a terminated backend may not have left yet
            last = error
            time.sleep(0.1)
    raise BackupError(
        _("De database kon niet worden omgewisseld; er zijn nog verbindingen.")
    ) from last


def _postgres_rename(state: Scratch) -> Swapped:
    live = connection.settings_dict["NAME"]
    previous = _database_name("b")
    quote = connection.ops.quote_name
    admin = _maintenance()
    try:
        with admin.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [live])
            exists = cursor.fetchone() is not None
            if exists:
                cursor.execute(f"ALTER DATABASE {quote(live)} WITH ALLOW_CONNECTIONS false")
                try:
                    _postgres_terminate_and_rename(cursor, live, previous)
                except BackupError:
                    cursor.execute(f"ALTER DATABASE {quote(live)} WITH ALLOW_CONNECTIONS true")
                    raise
            try:
                _postgres_terminate_and_rename(cursor, state.name, live)
            except BackupError:
                if exists:
                    _postgres_terminate_and_rename(cursor, previous, live)
                    cursor.execute(f"ALTER DATABASE {quote(live)} WITH ALLOW_CONNECTIONS true")
                raise
            state.swapped = True
    finally:
        admin.close()

    def undo():
        _drop_database(live)
        if exists:
            admin = _maintenance()
            try:
                with admin.cursor() as cursor:
                    _postgres_terminate_and_rename(cursor, previous, live)
                    cursor.execute(f"ALTER DATABASE {quote(live)} WITH ALLOW_CONNECTIONS true")
            finally:
                admin.close()

    commit_steps = [lambda: _drop_database(previous)] if exists else []
    return Swapped(undo_steps=[undo], commit_steps=commit_steps)

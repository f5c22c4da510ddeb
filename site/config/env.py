"""Reads configuration from the environment; a bad value stops start-up with one clear line."""

import os
import sys

import dj_database_url


def fail(message: str):
    """Stop the process with one readable message instead of a traceback."""
    sys.stderr.write(f"Configuratiefout: {message}\n")
    raise SystemExit(2)


def env_str(name: str, default: str | None = None, *, required: bool = False) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        if required:
            fail(f"de omgevingsvariabele {name} ontbreekt.")
        return default or ""
    return value


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on", "ja"}:
        return True
    if value.lower() in {"0", "false", "no", "off", "nee"}:
        return False
    return fail(f"{name}={value!r} is geen geldige ja/nee-waarde (gebruik 1 of 0).")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name, "")
    return [v.strip() for v in value.split(",") if v.strip()] or default


def env_database(default_sqlite_path) -> dict:
    """DATABASE_URL when set (PostgreSQL or SQLite), else SQLite in WAL/IMMEDIATE mode."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        url = f"sqlite:///{default_sqlite_path}"
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except (ValueError, KeyError) as error:
        return fail(f"DATABASE_URL is ongeldig ({error}).")
    engine = config.get("ENGINE", "")
    if engine == "django.db.backends.sqlite3":
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
            ),
        }
    elif engine != "django.db.backends.postgresql":
        return fail(f"DATABASE_URL gebruikt een niet-ondersteunde database ({engine or url}).")
    elif not config.get("NAME"):
        return fail("DATABASE_URL noemt geen databasenaam.")
    return config

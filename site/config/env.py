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
    else:
        # No JIT: PostgreSQL compiles a query it estimates as costly (the monitor's counts over
        # every dossier) before running it, which took 1.0 of a 1.05 s query at 50,000 dossiers;
        # this application's queries are short, so the compilation never pays (issue 17).
        options = config.setdefault("OPTIONS", {})
        options["options"] = f"{options.get('options', '')} -c jit=off".strip()
    return config


def env_file_storage() -> dict:
    """Where uploaded documents and letters live: the local disk (MEDIA_ROOT) by default, or
    S3-compatible object storage when a bucket is named, so several web machines share them.

    Bucket: ``AWS_STORAGE_BUCKET_NAME`` (or Fly/Tigris' ``BUCKET_NAME``); endpoint:
    ``AWS_S3_ENDPOINT_URL`` (or ``AWS_ENDPOINT_URL_S3``); region: ``AWS_S3_REGION_NAME`` (or
    ``AWS_REGION``); keys: boto3's own ``AWS_ACCESS_KEY_ID``/``AWS_SECRET_ACCESS_KEY``. Objects
    are private and never overwritten; files leave only through the scoped, logged views, so no
    URL of the storage is ever handed out.
    """
    bucket = env_str("AWS_STORAGE_BUCKET_NAME", "") or env_str("BUCKET_NAME", "")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    endpoint = env_str("AWS_S3_ENDPOINT_URL", "") or env_str("AWS_ENDPOINT_URL_S3", "")
    region = env_str("AWS_S3_REGION_NAME", "") or env_str("AWS_REGION", "")
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint or None,
            "region_name": region or None,
            "location": env_str("AWS_LOCATION", ""),
            "default_acl": "private",
            "file_overwrite": False,
            "querystring_auth": True,
            "querystring_expire": 60,
        },
    }

"""Issue 17: PostgreSQL runs without JIT compilation (it took 1.0 of a 1.05 s monitor query at
50,000 dossiers), set on every connection by ``config.env.env_database``."""

import pytest
from django.db import connection

from config.env import env_database


def test_a_postgresql_url_gets_jit_off(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://ipga@db.internal:5432/ipga")
    config = env_database(None)
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["OPTIONS"]["options"] == "-c jit=off"


def test_sqlite_gets_no_postgresql_options(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "sqlite:////tmp/fictief.sqlite3")
    assert "options" not in env_database(None)["OPTIONS"]


@pytest.mark.django_db
def test_the_connection_runs_without_jit():
    if connection.vendor != "postgresql":
        pytest.skip("JIT is a PostgreSQL setting; this run is on SQLite")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"

"""Settings for the page benchmark: the test settings plus Django's admin as the yardstick.

The database is BENCH_DATABASE_URL (a prepared PostgreSQL database, ``make scale-data``) or the
SQLite file BENCH_DATABASE (set per scale by ``pages_bench.py``).
"""

import os

from config.env import env_database
from config.settings.test import *  # noqa: F403

if os.environ.get("BENCH_DATABASE_URL"):  # with production's connection options (no JIT)
    os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
    DATABASES = {"default": env_database(None)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ["BENCH_DATABASE"],
        }
    }
INSTALLED_APPS = [*INSTALLED_APPS, "django.contrib.admin"]  # noqa: F405
ROOT_URLCONF = "bench_urls"
AXES_ENABLED = False
DEBUG = False
ALLOWED_HOSTS = ["testserver"]

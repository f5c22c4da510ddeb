"""Settings for the page benchmark: the test settings plus Django's admin as the yardstick.

The database file is given by BENCH_DATABASE (set per scale by ``pages_bench.py``).
"""

import os

from config.settings.test import *  # noqa: F403

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

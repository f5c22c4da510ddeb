"""Settings for `make mutants` (scripts/mutants.py): the test settings with a test database in
a file that every mutant's test run reuses (``--reuse-db``), so the migrations run once per
`make mutants`, not once per mutant."""

import os

from config.settings.test import *  # noqa: F403

DATABASES["default"]["TEST"] = {  # noqa: F405
    "NAME": os.environ.get("MUTANTS_TEST_DB", str(BASE_DIR / ".mutants-test.sqlite3"))  # noqa: F405
}

# The two commands a newcomer needs: `make run` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
PYTEST_ARGS ?=

.PHONY: run test test-pg lint format check messages demo install browsers clean permission-matrix bench bench-pg audit scale-data restore-drill mutants

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet '.[test]'
	rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

## run: set up (venv, migrations, demo data once) and start web server + background worker
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo_data --if-empty --dossiers 60
	scripts/run-dev.sh

## browsers: Debian's chromium for the Playwright tests (npx playwright install cannot work here)
browsers:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core; }

## test: the whole suite on SQLite
test: install browsers
	$(PY) -m pytest -n 2 $(PYTEST_ARGS)

## test-pg: the whole suite on PostgreSQL (DATABASE_URL must point at it), then on its own the
## concurrency tests (threads with their own connections; left out of every other run)
test-pg: install browsers
	$(PY) -m pytest -n 2 $(PYTEST_ARGS)
	$(PY) -m pytest -m concurrency -p no:xdist

## permission-matrix: rewrite tests/permission_matrix/*.csv from what the app answers now;
## then review `git diff tests/permission_matrix` for unexpected 2xx before committing
permission-matrix: install
	$(PY) -m pytest tests/permission_matrix -p no:xdist --update-permission-matrix

## audit: fail when a pinned dependency is behind the newest patch release of its line
## (security fixes ship as patch releases; see README "Updating dependencies")
audit:
	$(PYTHON) scripts/audit_pins.py

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

## check: Django system checks, migrations up to date, deploy checks with production settings
check: install
	$(PY) manage.py check --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run
	SECRET_KEY=$$($(PY) -c "import secrets; print(secrets.token_urlsafe(64))") \
	ALLOWED_HOSTS=ipga.example.org DJANGO_SETTINGS_MODULE=config.settings.production \
	$(PY) manage.py check --deploy --fail-level WARNING

## messages: refresh the Dutch catalogue, fill it (docs/adr/0002) and compile it; no questions
MAKEMESSAGES_IGNORE := --ignore=.venv --ignore=staticfiles --ignore=media --ignore=.test-media \
	--ignore=test-results --ignore=tests --ignore=bench --ignore=docs
messages: install
	$(PY) manage.py makemessages -l nl $(MAKEMESSAGES_IGNORE) --no-obsolete --no-location
	$(PY) scripts/fill_catalogue.py locale/nl/LC_MESSAGES/django.po
	$(PY) manage.py compilemessages -l nl --ignore=.venv

## restore-drill: back up a system while a process writes, restore into scratch, compare
## every table and file (SQLite, or PostgreSQL when DATABASE_URL points at it); docs/operations.md
restore-drill: install
	$(PY) scripts/restore_drill.py

## bench: every benchmark under bench/ (each prints its ratios beside its goals; see
## docs/performance.md). With BENCH_PG_SMALL and BENCH_PG_LARGE (URLs of databases made by
## `make scale-data`) the page bench runs on PostgreSQL too. Fails when any goal is missed.
bench: install
	@failed=0; for script in bench/*_bench.py; do echo "== $$script"; $(PY) $$script || failed=1; done; \
	if [ -n "$$BENCH_PG_SMALL" ]; then echo "== bench/pages_bench.py on PostgreSQL"; \
	$(PY) bench/pages_bench.py --pg-small "$$BENCH_PG_SMALL" --pg-large "$$BENCH_PG_LARGE" || failed=1; fi; \
	exit $$failed

## bench-pg: the page bench on PostgreSQL at 50,000 dossiers, as one command: builds the two
## databases on first use (bench/pg_pages.sh; about 45 minutes on a busy machine), then measures
bench-pg: install
	bench/pg_pages.sh

## mutants: mutation testing of the rule modules against the tests that cover them (mutmut;
## modules and tests in pyproject.toml [tool.mutmut]); prints the score per module and the
## survivors. Not part of .ci/run. MUTANTS='dossiers.access.*' for one module; docs/testing.md
MUTANTS ?=
mutants: install
	$(PY) scripts/mutants.py $(MUTANTS)

## scale-data: the national-size data set on PostgreSQL (DATABASE_URL): 50,000 dossiers and
## about 100 logbook lines per active dossier (SCALE_DOSSIERS=10000 for a development run);
## VACUUM (ANALYZE) at the end, as autovacuum keeps a live database: the planner's statistics,
## and the visibility map that lets counts read an index alone;
## then the monitor's past month ends (docs/adr/0011-monitor-day-snapshots.md)
SCALE_DOSSIERS ?= 50000
scale-data: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo_data --dossiers $(SCALE_DOSSIERS) --journal 100 --seed 7
	$(PY) manage.py shell -c "from django.db import connection; connection.cursor().execute('VACUUM (ANALYZE)')"
	$(PY) manage.py monitor_snapshots

demo: install
	$(PY) manage.py demo_data --dossiers $${DOSSIERS:-60} --seed $${SEED:-2016}

clean:
	rm -rf $(VENV) db.sqlite3* staticfiles .test-media

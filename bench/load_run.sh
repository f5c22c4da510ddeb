#!/usr/bin/env bash
# P7/R6 load bench: gunicorn (2 workers) + a django-q worker on the Redis broker + PostgreSQL,
# locust headless at 20 and then 50 users for LOAD_SECONDS each (default 60), traffic only to
# 127.0.0.1. Prints p95/p99 and errors per run (locust's CSV), and the writes: logbook lines that
# locust saw succeed against the lines in the database with this run's marker (none may be lost).
# Needs: DATABASE_URL (a database made by `make scale-data`), REDIS_URL, the bench extra.
# Usage: DATABASE_URL=postgres://... REDIS_URL=redis://127.0.0.1:6379/0 bench/load_run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${LOAD_PORT:-8107}
VENV=${VENV:-.venv}  # the virtualenv (a shared one: VENV=/path/to/.venv)
LOCUST=${LOCUST:-$VENV/bin/locust}
SECONDS_PER_RUN=${LOAD_SECONDS:-60}
# the base settings (DEBUG off) over plain HTTP on loopback; production's secure cookies and
# second factor would need TLS and TOTP in the simulated users
export REQUIRE_SECOND_FACTOR=False DJANGO_SETTINGS_MODULE=config.settings.base
export ALLOWED_HOSTS=127.0.0.1
export PYTHONPATH=.:site
out=$(mktemp -d)
$VENV/bin/python manage.py collectstatic --noinput -v0
$VENV/bin/gunicorn config.wsgi --bind 127.0.0.1:$PORT --workers 2 --timeout 60 >"$out/gunicorn.log" 2>&1 &
web=$!
$VENV/bin/python manage.py qcluster >"$out/worker.log" 2>&1 &
worker=$!
trap 'kill $web $worker 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/admin/login/"; do sleep 2; done
failed=0
for users in 20 50; do
  marker="load-$(date +%s)-$users"
  LOAD_MARKER=$marker LOAD_WRITES_FILE="$out/writes-$users" $LOCUST -f bench/locustfile.py \
    --headless --host "http://127.0.0.1:$PORT" -u "$users" -r 10 --run-time "${SECONDS_PER_RUN}s" \
    --csv "$out/run-$users" --only-summary >"$out/locust-$users.log" 2>&1 || true
  stored=$($VENV/bin/python manage.py shell -c \
    "from dossiers.models import JournalEntry; print(JournalEntry.objects.filter(text__startswith='$marker').count())" 2>/dev/null | tail -1)
  sent=$(cat "$out/writes-$users")
  $VENV/bin/python - "$out/run-${users}_stats.csv" "$users" "$sent" "$stored" <<'PY' || failed=1
import csv, sys
rows = {r["Name"]: r for r in csv.DictReader(open(sys.argv[1]))}
total = rows["Aggregated"]
users, sent, stored = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
errors = int(total["Failure Count"])
# a write in flight when --run-time stops the users can be stored without locust seeing the
# answer: stored may exceed acknowledged; lost is an acknowledged write that is not stored
lost = max(0, sent - stored)
print(f"{users} users: {total['Request Count']} requests, p95 {total['95%']} ms, "
      f"p99 {total['99%']} ms, errors {errors} (goal 0); writes {sent} acknowledged, "
      f"{stored} stored ({max(0, stored - sent)} in flight at the stop), lost {lost} (goal 0)")
sys.exit(0 if errors == 0 and lost == 0 else 1)
PY
done
echo "logs in $out"
exit $failed

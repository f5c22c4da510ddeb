#!/usr/bin/env bash
# Starts the web server and the django-q2 worker together; Ctrl-C stops both.
# qcluster can hang after SIGTERM on SQLite, so it gets a few seconds and then a kill.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT="${PORT:-8000}"

$PY manage.py runserver "127.0.0.1:${PORT}" --noreload &
WEB=$!
$PY manage.py qcluster &
WORKER=$!

stop() {
    trap - INT TERM EXIT
    echo
    echo "Stoppen..."
    kill -TERM "$WEB" 2>/dev/null
    kill -TERM "$WORKER" 2>/dev/null
    for _ in $(seq 1 50); do
        kill -0 "$WORKER" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$WORKER" 2>/dev/null
    pkill -KILL -P "$WORKER" 2>/dev/null
    wait 2>/dev/null
    echo "Gestopt."
    exit 0
}
trap stop INT TERM EXIT

sleep 2
cat <<MSG

  IPGA volgsysteem draait op  http://127.0.0.1:${PORT}/admin/
  Achtergrondwerker (qcluster) draait mee. Stoppen: Ctrl-C.
  Demo-inloggegevens: zie hierboven (gebruikersnaam  wachtwoord).

MSG
wait -n "$WEB" "$WORKER"
stop

#!/usr/bin/env bash
# The page bench on PostgreSQL at national scale, as one command (`make bench-pg`): builds the
# two databases the first time (`make scale-data`: 100 and BENCH_PG_DOSSIERS=50000 dossiers;
# the large one takes 10 CPU minutes, 45 minutes on a busy 2-core machine), keeps them for
# later runs, then runs bench/pages_bench.py on them. BENCH_PG_SERVER: where PostgreSQL
# listens (trust auth). Never uses the test databases.
set -euo pipefail
cd "$(dirname "$0")/.."
SERVER=${BENCH_PG_SERVER:-postgres://postgres@127.0.0.1:5432}
LARGE=${BENCH_PG_DOSSIERS:-50000}
PY=${PY:-.venv/bin/python}
build() {  # database name, dossiers
  local url="$SERVER/$1"
  if psql "$url" -tAc "select 1 from monitor_monitorsnapshot limit 1" 2>/dev/null | grep -q 1; then
    echo "$1: present (drop it to rebuild)"
    return
  fi
  psql "$SERVER/postgres" -qc "drop database if exists $1" -c "create database $1"
  DATABASE_URL=$url make -s scale-data SCALE_DOSSIERS="$2"
}
build ipga_bench_small 100
build "ipga_bench_large_$LARGE" "$LARGE"
"$PY" bench/pages_bench.py --pg-small "$SERVER/ipga_bench_small" \
  --pg-large "$SERVER/ipga_bench_large_$LARGE" --repeat "${BENCH_REPEAT:-9}"

"""P2/P7 benchmark: dossier list, dossier page and monitor at two scales, and Django's admin.

SQLite (default): builds two databases with the demo data (one migration, copied). PostgreSQL:
``--pg-small URL --pg-large URL`` measure two databases prepared by ``make scale-data``. Times,
in one run, the server time of the dossier listing, a dossier page and the monitor as a
steering-meeting member (who sees every included dossier), and a stock Django admin changelist
over the same rows with the same page size. Prints each ratio beside its goal (issue 17,
docs/spec/quality.md P2/P7) and exits 1 when one is missed:
  list large/small <= 1.2, page large/small <= 1.5, monitor large/small <= 2,
  a case director's start page and "Mijn dossiers" large/small <= 1.5 (issue 13),
  list / django-admin changelist <= 1.5 at both scales.
The two scales are measured in turns (``--rounds``, each figure the median over the rounds).
Run: .venv/bin/python bench/pages_bench.py [--small 100 --large 10000 --repeat 15 --rounds 3]
"""

import argparse
import datetime
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE_SIZE = 20


def _prepare(database: Path, dossiers: int) -> None:
    """Migrate (once) and fill one database in a child process, so settings load per file."""
    code = (
        "import django; django.setup();"
        "from django.core.management import call_command;"
        "call_command('migrate', verbosity=0);"
        "from dossiers.demo import demo_data_create;"
        f"demo_data_create(dossiers={dossiers}, seed=7, journal=100);"
        # the monitor's past month ends, as the nightly job keeps them (`make scale-data` too)
        "call_command('monitor_snapshots', verbosity=0);"
        # statistics after the bulk load, as `make scale-data` does on PostgreSQL: without them
        # SQLite sorts every visible dossier for the listing instead of walking its index
        "from django.db import connection; connection.cursor().execute('ANALYZE')"
    )
    env = {**os.environ, "BENCH_DATABASE": str(database)}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=Path(__file__).parent)


def _measure(database: Path | str, repeat: int) -> dict[str, float]:
    code = f"import sys; sys.path[:0] = {[str(ROOT), str(ROOT / 'site')]!r}; " + (
        "import pages_bench; pages_bench._measure_here(" + str(repeat) + ")"
    )
    if isinstance(database, str):  # a PostgreSQL URL
        env = {**os.environ, "BENCH_DATABASE_URL": database}
    else:
        env = {**os.environ, "BENCH_DATABASE": str(database)}
    done = subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        env=env,
        cwd=Path(__file__).parent,
        capture_output=True,
        text=True,
    )
    pairs = (line.split("=") for line in done.stdout.split())
    return {name: float(value) for name, value in pairs}


def _median_ms(client, url: str, repeat: int) -> float:
    client.get(url)  # warm caches and templates
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
    return statistics.median(times) * 1000


def _paired_medians(first, first_url: str, second, second_url: str, repeat: int):
    """Medians of two pages timed in turns (one request of each per round), so a load spike on a
    shared machine falls on both sides of their ratio."""
    first.get(first_url)
    second.get(second_url)
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for client, url, samples in ((first, first_url, times[0]), (second, second_url, times[1])):
            start = time.perf_counter()
            response = client.get(url)
            samples.append(time.perf_counter() - start)
            if response.status_code != 200:
                raise SystemExit(f"{url}: HTTP {response.status_code}")
    return tuple(statistics.median(samples) * 1000 for samples in times)


def _last_month_query() -> str:
    from django.utils import timezone

    last_month = timezone.localdate().replace(day=1) - datetime.timedelta(days=1)
    return f"kind=month&year={last_month.year}&month={last_month.month}"


def _measure_here(repeat: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    # the monitor's day snapshots the nightly job would have taken since the data was built
    call_command("monitor_snapshots", verbosity=0)

    from dossiers.models import Dossier, User
    from dossiers.workflow.states import DossierState

    member = User.objects.get(username="regieoverleg")
    director = User.objects.get(username="regisseur")
    admin = User.objects.get(username="beheer")
    admin.is_superuser = admin.is_staff = True
    admin.save()
    dossier = Dossier.objects.filter(state=DossierState.IN_EXECUTION).order_by("pk").first()
    client = Client()
    client.force_login(member)
    admin_client = Client()
    admin_client.force_login(admin)
    listing, changelist = _paired_medians(
        client, reverse("dossiers:index"), admin_client, "/bench-admin/dossiers/dossier/", repeat
    )
    results = {
        "list": listing,
        "admin": changelist,
        "page": _median_ms(client, reverse("dossiers:inspect", args=[dossier.pk]), repeat),
        "monitor": _median_ms(client, reverse("monitor:index"), max(3, repeat // 3)),
        "monitor_past": _median_ms(
            client, f"{reverse('monitor:index')}?{_last_month_query()}", max(3, repeat // 3)
        ),
    }
    client.force_login(director)  # issue 13: the day's work of a case director
    results["start"] = _median_ms(client, reverse("wagtailadmin_home"), repeat)
    results["mine"] = _median_ms(client, f"{reverse('dossiers:index')}?mine=true", repeat)
    print(" ".join(f"{name}={value:.3f}" for name, value in results.items()))


GOALS = (  # (name, numerator, denominator, goal)
    ("P2 list large/small", ("large", "list"), ("small", "list"), 1.2),
    ("P2 page large/small", ("large", "page"), ("small", "page"), 1.5),
    ("P7 monitor large/small", ("large", "monitor"), ("small", "monitor"), 2.0),
    (
        "P7 monitor last month large/small",
        ("large", "monitor_past"),
        ("small", "monitor_past"),
        2.0,
    ),
    ("start page (case director) large/small", ("large", "start"), ("small", "start"), 1.5),
    ("my dossiers large/small", ("large", "mine"), ("small", "mine"), 1.5),
    ("P2 list vs django admin, small", ("small", "list"), ("small", "admin"), 1.5),
    ("P2 list vs django admin, large", ("large", "list"), ("large", "admin"), 1.5),
)


def report(results: dict[str, dict[str, float]]) -> bool:
    """Print every ratio beside its goal; True when all are met."""
    met = True
    for name, (top_scale, top), (bottom_scale, bottom), goal in GOALS:
        ratio = results[top_scale][top] / results[bottom_scale][bottom]
        ok = ratio <= goal
        met &= ok
        print(f"{name}: {ratio:.2f}x (goal <= {goal}) {'ok' if ok else 'MISSED'}")
    return met


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--large", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument(
        "--rounds", type=int, default=3, help="small and large measured in turns, this often"
    )
    parser.add_argument("--pg-small", help="PostgreSQL URL of a prepared small database")
    parser.add_argument("--pg-large", help="PostgreSQL URL of a prepared large database")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")
    os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "site")])
    started = time.perf_counter()
    if args.pg_small and args.pg_large:
        databases = {"small": args.pg_small, "large": args.pg_large}
        labels = {"small": "PostgreSQL small", "large": "PostgreSQL large"}
        results = _rounds(databases, args.repeat, args.rounds)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            empty = Path(tmp) / "empty.sqlite3"
            _prepare(empty, 0)
            databases, labels = {}, {}
            for label, scale in (("small", args.small), ("large", args.large)):
                databases[label] = Path(tmp) / f"{scale}.sqlite3"
                labels[label] = f"SQLite {scale} dossiers"
                shutil.copy(empty, databases[label])
                _prepare(databases[label], scale)
            results = _rounds(databases, args.repeat, args.rounds)
    for label, result in results.items():
        _print_scale(labels[label], result)
    met = report(results)
    print(f"pages bench took {time.perf_counter() - started:.0f} s")
    sys.exit(0 if met else 1)


def _rounds(databases: dict, repeat: int, rounds: int) -> dict[str, dict[str, float]]:
    """Measure the small and the large database in turns, ``rounds`` times, and keep each
    figure's median over the rounds: a slow spell of a shared machine then falls on both sides
    of a large/small ratio instead of on one."""
    runs: dict[str, list[dict[str, float]]] = {label: [] for label in databases}
    for _ in range(rounds):
        for label, database in databases.items():
            runs[label].append(_measure(database, repeat))
    return {
        label: {name: statistics.median(run[name] for run in done) for name in done[0]}
        for label, done in runs.items()
    }


def _print_scale(label: str, result: dict[str, float]) -> None:
    print(
        f"{label}: list {result['list']:.1f} ms, page {result['page']:.1f} ms, "
        f"monitor {result['monitor']:.1f} ms (last month {result['monitor_past']:.1f} ms), "
        f"start page {result['start']:.1f} ms, "
        f"my dossiers {result['mine']:.1f} ms, django admin changelist {result['admin']:.1f} ms"
    )


if __name__ == "__main__":
    main()

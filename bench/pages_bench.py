"""P2 benchmark: dossier list and dossier page at 100 and 10,000 dossiers, and Django's admin.

Builds two SQLite databases with the demo data (one migration, copied), then times, in one run,
the server time of the dossier listing and of a dossier page as a steering-meeting member (who
sees every included dossier) and of a stock Django admin changelist over the same rows with the
same page size. Prints the ratios quality.md P2 asks for:
  list(10k) / list(100), page(10k) / page(100), list(10k) / django-admin changelist(10k).
Run: .venv/bin/python bench/pages_bench.py [--small 100 --large 10000 --repeat 15]
"""

import argparse
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
        f"from dossiers.demo import demo_data_create; demo_data_create(dossiers={dossiers}, seed=7)"
    )
    env = {**os.environ, "BENCH_DATABASE": str(database)}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=Path(__file__).parent)


def _measure(database: Path, repeat: int) -> dict[str, float]:
    code = f"import sys; sys.path[:0] = {[str(ROOT), str(ROOT / 'site')]!r}; " + (
        "import pages_bench; pages_bench._measure_here(" + str(repeat) + ")"
    )
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


def _measure_here(repeat: int) -> None:
    import django

    django.setup()
    from django.test import Client
    from django.urls import reverse

    from dossiers.models import Dossier, User
    from dossiers.workflow.states import DossierState

    member = User.objects.get(username="regieoverleg")
    admin = User.objects.get(username="beheer")
    admin.is_superuser = admin.is_staff = True
    admin.save()
    dossier = Dossier.objects.filter(state=DossierState.IN_EXECUTION).order_by("pk").first()
    client = Client()
    client.force_login(member)
    results = {
        "list": _median_ms(client, reverse("dossiers:index"), repeat),
        "page": _median_ms(client, reverse("dossiers:inspect", args=[dossier.pk]), repeat),
    }
    client.force_login(admin)
    results["admin"] = _median_ms(client, "/bench-admin/dossiers/dossier/", repeat)
    print(" ".join(f"{name}={value:.3f}" for name, value in results.items()))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--large", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")
    os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "site")])
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty.sqlite3"
        _prepare(empty, 0)
        results = {}
        for scale in (args.small, args.large):
            database = Path(tmp) / f"{scale}.sqlite3"
            shutil.copy(empty, database)
            _prepare(database, scale)
            results[scale] = _measure(database, args.repeat)
            print(
                f"{scale:>6} dossiers: list {results[scale]['list']:.1f} ms, "
                f"page {results[scale]['page']:.1f} ms, "
                f"django admin changelist {results[scale]['admin']:.1f} ms"
            )
    small, large = results[args.small], results[args.large]
    scales = f"{args.large}/{args.small}"
    print(f"P2 list {scales}: {large['list'] / small['list']:.2f}x (target <= 1.5)")
    print(f"P2 page {scales}: {large['page'] / small['page']:.2f}x (target <= 1.5)")
    print(
        f"P2 list vs django admin at {args.large}: {large['list'] / large['admin']:.2f}x "
        "(target <= 1.5)"
    )


if __name__ == "__main__":
    main()

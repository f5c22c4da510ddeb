"""P3 benchmark: the REAL listing export path against openpyxl's bare write-only writer.

Builds one SQLite database (migrations + demo data), adds plan items until there are --rows,
then, in one process per size and on the same rows:
  ours: ``GET /admin/interventies-in-plan/?export=xlsx`` through Django's test client as the
        secretary: middleware, scope, filters, the access-log row, then
        ``reports.listing_export`` (values_list().iterator() -> the safe writer: Dutch labels,
        date cells, frozen header, autofilter, every text cell typed). Above
        LISTING_EXPORT_BACKGROUND_ROWS (5,000) that is the background job: the request creates
        the job and redirects, the job runs (django-q2 ``sync`` in the test settings: inside
        the same process, as a worker would run it), then the file is downloaded; all three
        are timed together,
  bare: openpyxl write-only over ``values_list().iterator()`` of the same scoped queryset and
        the same columns, saved to a temporary file.
Times are the best of 3 with tracemalloc OFF; peak memory (tracemalloc) is measured in a
separate run of each. Prints each ratio beside its goal (time <= 1.3x bare; peak at the
largest size <= 1.2x the smallest) and exits non-zero when a goal is missed.
Run: .venv/bin/python bench/export_bench.py [--rows 10000 100000]
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIME_GOAL, MEMORY_GOAL = 1.3, 1.2


def _child(database: Path, code: str) -> str:
    env = {
        **os.environ,
        "BENCH_DATABASE": str(database),
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "site"), str(Path(__file__).parent)]),
    }
    done = subprocess.run(
        [sys.executable, "-c", code], check=True, env=env, capture_output=True, text=True
    )
    return done.stdout


SETUP = """
import django; django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from dossiers.demo import demo_data_create
demo_data_create(dossiers=40, seed=3)
"""

FILL = """
import django, datetime, itertools; django.setup()
from dossiers.models import Dossier, PlanItem
from dossiers.workflow.states import DossierState
from snippets.models import Intervention, Organisation
dossiers = list(Dossier.objects.filter(state=DossierState.IN_EXECUTION).select_related("plan"))
intervention = Intervention.objects.order_by("pk").first()
partner = Organisation.objects.order_by("pk").first()
have = PlanItem.objects.count()
items = [
    PlanItem(
        plan=d.plan, dossier=d, intervention=intervention, considerations="Fictief",
        goal="Fictief doel", implementer_organisation=partner,
        implementer_contact=("=SOM(A1)" if i % 50 == 0 else "Fictieve contactpersoon"),
        planned_start=datetime.date(2026, 1, 1) + datetime.timedelta(days=i % 365),
        planned_end=datetime.date(2026, 12, 31),
    )
    for i, d in zip(range(have, {rows}), itertools.cycle(dossiers))
]
PlanItem.objects.bulk_create(items, batch_size=5000)
"""

MEASURE = """
import django, sys, tempfile, time, tracemalloc; django.setup()
from django.test import Client
from openpyxl import Workbook
from dossiers.execution.viewsets import PlanItemViewSet
from dossiers.models import PlanItem, User
from reports.listing_export import columns_for
user = User.objects.get(username="secretaris")
client = Client()
client.force_login(user)
columns = columns_for(PlanItem, PlanItemViewSet.list_export, PlanItemViewSet.export_headings)
paths = [p for c in columns for p in c.paths]
def ours():
    response = client.get("/admin/interventies-in-plan/", {"export": "xlsx"})
    if response.status_code == 302:  # the background job (ran synchronously); its download
        response = client.get(response.url + "download/")
    assert response.status_code == 200, response.status_code
    size = sum(len(chunk) for chunk in response.streaming_content)
    response.close()
    return size
def queryset():
    return PlanItemViewSet.scope_queryset(user, PlanItem.objects.all()).order_by("-pk")
def bare():
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Export")
    for row in queryset().values_list(*paths).iterator(chunk_size=2000):
        sheet.append(row)
    with tempfile.TemporaryFile() as output:
        workbook.save(output)
def best(function, repeat=3):
    times = []
    for _ in range(repeat):
        began = time.perf_counter(); function(); times.append(time.perf_counter() - began)
    return min(times)
rows = queryset().count()
from reports.models import ListingExportJob
ours(); bare()  # warm up
path = "job" if ListingExportJob.objects.exists() else "request"
ours_time, bare_time = best(ours), best(bare)
def peak_of(function):
    tracemalloc.start(); function(); peak = tracemalloc.get_traced_memory()[1]; tracemalloc.stop()
    return peak
print(rows, ours_time, bare_time, peak_of(ours), peak_of(bare), path)
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000])
    sizes = sorted(parser.parse_args().rows)
    peaks, missed = {}, False
    with tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / "bench.sqlite3"
        _child(database, SETUP)
        for n in sizes:
            _child(database, FILL.replace("{rows}", str(n)))
            rows, ours_time, bare_time, peak, bare_peak, path = _child(database, MEASURE).split()
            ratio = float(ours_time) / float(bare_time)
            peaks[n] = int(peak)
            missed |= ratio > TIME_GOAL
            print(
                f"{int(rows):>7} rows: listing export ({path}) {float(ours_time):.2f}s, "
                f"bare writer "
                f"{float(bare_time):.2f}s, time ratio {ratio:.2f} (goal <= {TIME_GOAL}); "
                f"peak {peaks[n] / 1e6:.1f} MB (bare writer {int(bare_peak) / 1e6:.1f} MB)"
            )
    if len(sizes) > 1:
        first, last = sizes[0], sizes[-1]
        growth = peaks[last] / peaks[first]
        missed |= growth > MEMORY_GOAL
        print(f"peak memory {last} vs {first} rows: {growth:.2f}x (goal <= {MEMORY_GOAL})")
    print("MISSED a goal" if missed else "all goals met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())

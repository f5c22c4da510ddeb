"""P3 benchmark: the partner export against openpyxl's bare write-only writer, on real rows.

Builds one SQLite database (migrations + demo data), adds plan items carried out by one
partner until there are --rows of them, then times, in one run and on the same rows:
  ours: ``partner_export_items`` (scope + partner selection) -> ``partner_workbook_write``
        (every column of the allowlist, every cell through ``safe_cell``),
  bare: openpyxl write-only over ``values_list().iterator()`` of the same queryset and columns.
Prints the time ratio per size and the peak memory (tracemalloc) of both at each size
(docs/spec/quality.md P3: time <= 1.3x bare, peak(100k) <= 1.2x peak(10k)). Rows are never
held: they stream from the cursor into openpyxl's write-only sheet, and the workbook goes to a
disk file.
Measured on 2026-11-29: ratio 0.98 at 10k and 0.99 at 100k rows; peak 3.5 MB at both (1.00x).
Run: .venv/bin/python bench/partner_export_bench.py [--rows 10000 100000]
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


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
import django, datetime; django.setup()
from dossiers.models import Dossier, PlanItem
from dossiers.workflow.states import DossierState
from snippets.models import Intervention, Organisation
from reports.models import PartnerExportProfile
from reports.partner_exports import COLUMNS
partner = Organisation.objects.order_by("pk").first()
PartnerExportProfile.objects.update_or_create(
    organisation=partner, defaults={"columns": list(COLUMNS)}
)
dossiers = list(Dossier.objects.filter(state=DossierState.IN_EXECUTION).select_related("plan"))
intervention = Intervention.objects.order_by("pk").first()
have = PlanItem.objects.filter(implementer_organisation=partner).count()
items = [
    PlanItem(
        plan=d.plan, dossier=d, intervention=intervention, considerations="Fictief",
        goal=("=SOM(A1)" if i % 50 == 0 else f"Fictief doel {i}"),
        implementer_organisation=partner, implementer_contact="Fictieve contactpersoon",
        planned_start=datetime.date(2026, 1, 1),
    )
    for i, d in zip(range(have, {rows}), __import__("itertools").cycle(dossiers))
]
PlanItem.objects.bulk_create(items, batch_size=5000)
"""

MEASURE = """
import django, io, tempfile, time, tracemalloc; django.setup()
from openpyxl import Workbook
from dossiers.models import User
from reports.models import PartnerExportProfile
from reports.partner_exports import COLUMNS, partner_export_items, partner_workbook_write
from snippets.models import Organisation
partner = Organisation.objects.order_by("pk").first()
profile = PartnerExportProfile.objects.select_related("organisation").get(organisation=partner)
user = User.objects.get(username="secretaris")
keys = list(COLUMNS)
paths = [p for k in keys for p in COLUMNS[k].paths]
def items():
    return partner_export_items(organisation=profile.organisation, user=user, only_open=False)
def ours():
    output, count = partner_workbook_write(items=items(), column_keys=keys)
    output.close()
    return count
def bare():
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Export")
    count = 0
    for row in items().values_list(*paths).iterator(chunk_size=2000):
        sheet.append(row)
        count += 1
    with tempfile.TemporaryFile() as output:
        workbook.save(output)
    return count
def best(function, repeat=3):
    times = []
    for _ in range(repeat):
        began = time.perf_counter(); rows = function(); times.append(time.perf_counter() - began)
    return min(times), rows
ours_time, rows = best(ours)
bare_time, bare_rows = best(bare)
assert rows == bare_rows
def peak_of(function):
    tracemalloc.start(); function(); peak = tracemalloc.get_traced_memory()[1]; tracemalloc.stop()
    return peak
print(rows, ours_time, bare_time, peak_of(ours), peak_of(bare))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000])
    sizes = sorted(parser.parse_args().rows)
    peaks = {}
    with tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / "bench.sqlite3"
        _child(database, SETUP)
        for n in sizes:
            _child(database, FILL.replace("{rows}", str(n)))
            rows, ours_time, bare_time, peak, bare_peak = _child(database, MEASURE).split()
            ours_time, bare_time, peaks[n] = float(ours_time), float(bare_time), int(peak)
            print(
                f"{int(rows):>7} rows: partner export {ours_time:.2f}s, bare writer "
                f"{bare_time:.2f}s, ratio {ours_time / bare_time:.2f} (target <= 1.3); "
                f"peak {peaks[n] / 1e6:.1f} MB (bare writer {int(bare_peak) / 1e6:.1f} MB)"
            )
    if len(sizes) > 1:
        first, last = sizes[0], sizes[-1]
        print(
            f"P3 peak memory {last} vs {first} rows: {peaks[last] / peaks[first]:.2f}x "
            "(target <= 1.2)"
        )


if __name__ == "__main__":
    main()

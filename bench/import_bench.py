"""Import benchmark: rows per second of the Excel imports' dry run (plan) and apply.

Builds a throw-away test database (migrated, like the test suite), generates workbooks of
fictional rows in memory, and times the planner (read-only openpyxl, every check) and the
one-transaction apply, for the other approaches' lists (plain rows) and the intervention
catalogue (every row a published revision). A second plan of the applied file (the
idempotent re-import: every row "unchanged") is timed too.
A third part measures the dry run of large list files (default 10k and 100k rows, written by
openpyxl's write-only mode, so without a dimension element): the streamed row count must find
every row, rows per second are printed, and peak memory (tracemalloc, in a separate run from
the timing) must stay under MEMORY_GOAL_MB at the largest size. Prints each figure beside its
goal and exits non-zero when one is missed.
Run: .venv/bin/python bench/import_bench.py [--rows 1000 5000] [--catalogue-rows 300]
     [--dry-run-rows 10000 100000]
"""

import argparse
import datetime
import io
import os
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", "sqlite:///:memory:")


def _workbook(sheet_name: str, header: list, rows) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_name)
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _check(condition: bool, message) -> None:
    if not condition:
        raise SystemExit(f"benchmark data rejected: {message}")


def _timed(function, **kwargs):
    began = time.perf_counter()
    result = function(**kwargs)
    return result, time.perf_counter() - began


def _report(label: str, n: int, seconds: float) -> None:
    print(f"{label:<44} {n:>6} rows {seconds:7.2f}s {n / seconds:9.0f} rows/s")


def bench_lists(n: int, user) -> None:
    from django.db import transaction

    from reports.importers import other_approach_lists as lists
    from snippets.models import OtherApproach, OtherApproachListEntry

    approach, _ = OtherApproach.objects.get_or_create(name="Benchaanpak", defaults={"live": True})
    OtherApproachListEntry.objects.all().delete()
    birth = datetime.date(2000, 1, 1)
    content = _workbook(
        lists.SHEET,
        [c.header for c in lists._columns()],
        ([approach.name, f"B-{i}", f"Voornaam{i}", f"Achternaam{i}", birth] for i in range(n)),
    )
    plan, seconds = _timed(lists.other_approach_list_plan, content=content)
    _check(plan.is_clean, plan.errors[:3])
    _report("lists: dry run (plan)", n, seconds)
    with transaction.atomic():
        written, seconds = _timed(lists.other_approach_list_apply, plan=plan, by=user)
    _report("lists: apply (one transaction)", written, seconds)
    again, seconds = _timed(lists.other_approach_list_plan, content=content)
    _check({row.action for row in again.rows} == {"unchanged"}, "re-import changes rows")
    _report("lists: re-import dry run (all unchanged)", n, seconds)


def bench_catalogue(n: int, user) -> None:
    from reports.imports import HEADERS, SHEET, intervention_import_plan
    from reports.services import intervention_import_apply

    content = _workbook(
        SHEET, HEADERS, ([f"Benchinterventie {i}", "x", "Zorg", "", 4, "", "ja"] for i in range(n))
    )
    plan, seconds = _timed(intervention_import_plan, content=content)
    _check(plan.is_clean, plan.errors[:3])
    _report("catalogue: dry run (plan)", n, seconds)
    written, seconds = _timed(intervention_import_apply, plan=plan, by=user)
    _report("catalogue: apply (published revisions)", written, seconds)


MEMORY_GOAL_MB = 256


def bench_large_dry_run(sizes: list[int]) -> bool:
    """The dry run of big list files: streamed count, rows/s, peak memory. True when met."""
    from reports.importers import other_approach_lists as lists
    from reports.importers.base import count_rows
    from snippets.models import OtherApproach

    approach, _ = OtherApproach.objects.get_or_create(name="Benchaanpak", defaults={"live": True})
    birth = datetime.date(2000, 1, 1)
    met = True
    for n in sizes:
        content = _workbook(
            lists.SHEET,
            [c.header for c in lists._columns()],
            ([approach.name, f"G-{i}", f"Voornaam{i}", f"Achternaam{i}", birth] for i in range(n)),
        )
        counted = count_rows(content, lists.SHEET)
        plan, seconds = _timed(lists.other_approach_list_plan, content=content)
        _check(plan.is_clean, plan.errors[:3])
        tracemalloc.start()
        lists.other_approach_list_plan(content=content)
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        ok = counted == n and (n < max(sizes) or peak <= MEMORY_GOAL_MB)
        met &= ok
        print(
            f"large dry run {n:>7} rows: streamed count {counted} (goal {n}), "
            f"{n / seconds:8.0f} rows/s, peak {peak:.0f} MB (goal <= {MEMORY_GOAL_MB} MB at the "
            f"largest size) {'ok' if ok else 'MISSED'}"
        )
    return met


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000, 5_000])
    parser.add_argument("--catalogue-rows", type=int, default=300)
    parser.add_argument("--dry-run-rows", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()

    import logging

    import django

    django.setup()
    logging.disable(logging.INFO)
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    from dossiers import roles
    from tests.factories.dossiers import role_user

    user = role_user(roles.PROGRAMME_TEAM, username="bench")
    for n in args.rows:
        bench_lists(n, user)
    bench_catalogue(args.catalogue_rows, user)
    if not bench_large_dry_run(sorted(args.dry_run_rows)):
        raise SystemExit(1)


if __name__ == "__main__":
    main()

"""P3 benchmark: a streaming write-only export with ``safe_cell`` vs openpyxl's bare writer.

Prints, in one run, the time ratio (ours / bare) and tracemalloc peak memory at 10k and 100k
rows. Rows are generated in memory so the ratio measures the writer, not the database.
Run: .venv/bin/python bench/export_bench.py [--rows 10000 100000]
"""

import argparse
import datetime
import io
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from reports.xlsx import safe_cell


def rows(n: int):
    """Fictional export rows: reference, name (some dangerous), state, date."""
    start = datetime.date(2026, 1, 1)
    for i in range(n):
        name = f"=Naam {i}" if i % 50 == 0 else f"Naam {i}"
        yield (f"2026-{i:05d}", name, "in_execution", start + datetime.timedelta(days=i % 365))


def bare(n: int) -> None:
    """openpyxl's write-only writer, values appended as they come."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Export")
    for row in rows(n):
        sheet.append(row)
    workbook.save(io.BytesIO())


def ours(n: int) -> None:
    """The project's streaming export: write-only, every value through ``safe_cell``."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Export")
    for row in rows(n):
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, safe_cell(value))
            if cell.data_type == "f":
                cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    workbook.save(io.BytesIO())


def measure(function, n: int) -> tuple[float, int]:
    """Seconds and tracemalloc peak bytes of one call."""
    tracemalloc.start()
    began = time.perf_counter()
    function(n)
    elapsed = time.perf_counter() - began
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed, peak


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000])
    sizes = parser.parse_args().rows
    peaks = {}
    for n in sizes:
        bare_time, bare_peak = measure(bare, n)
        our_time, our_peak = measure(ours, n)
        peaks[n] = our_peak
        print(
            f"{n:>7} rows: ours {our_time:.2f}s, bare {bare_time:.2f}s, "
            f"ratio {our_time / bare_time:.2f}; peak ours {our_peak / 1e6:.1f} MB, "
            f"bare {bare_peak / 1e6:.1f} MB"
        )
    if len(sizes) > 1:
        first, last = sizes[0], sizes[-1]
        print(f"peak memory {last} vs {first} rows: {peaks[last] / peaks[first]:.2f}x")


if __name__ == "__main__":
    main()

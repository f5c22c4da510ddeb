"""The written expectation files: one CSV per URL namespace, one row per route and method."""

import csv
from pathlib import Path

from tests.factories.dossiers import ROLE_KEYS
from tests.harness.requests import ANONYMOUS

DIRECTORY = Path(__file__).parent
ROLES = (ANONYMOUS, *ROLE_KEYS)
HEADER = ("url_name", "route", "method", *ROLES)
REGENERATE = "pytest tests/permission_matrix -p no:xdist --update-permission-matrix"


def file_for(namespace: str) -> Path:
    return DIRECTORY / f"{namespace.replace(':', '_')}.csv"


def load() -> dict[tuple[str, str], dict]:
    """(route, method) -> row, over every expectation file."""
    rows = {}
    for path in sorted(DIRECTORY.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                row["file"] = path.name
                rows[(row["route"], row["method"])] = row
    return rows


def write(observed: dict, *, complete: bool) -> list[Path]:
    """Merge ``observed`` {(case, method): {role: status}} into the files.

    With ``complete`` (every URL pattern was observed) rows of vanished routes are dropped.
    """
    rows = {} if complete else load()
    for (case, method), statuses in observed.items():
        rows[(case.route, method)] = {
            "url_name": case.url_name or "",
            "route": case.route,
            "method": method,
            "file": file_for(case.namespace).name,
            **{role: str(statuses[role]) for role in ROLES},
        }
    by_file: dict[str, list[dict]] = {}
    for row in rows.values():
        by_file.setdefault(row["file"], []).append(row)
    if complete:
        for stale in {p.name for p in DIRECTORY.glob("*.csv")} - set(by_file):
            (DIRECTORY / stale).unlink()
    written = []
    for name, file_rows in sorted(by_file.items()):
        path = DIRECTORY / name
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, HEADER, extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
            writer.writerows(sorted(file_rows, key=lambda r: (r["route"], r["method"])))
        written.append(path)
    return written

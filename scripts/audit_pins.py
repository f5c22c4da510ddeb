"""`make audit`: fail when a pinned dependency is behind the newest patch release of its line.

pip-audit cannot reach a vulnerability database from the build machines (only the package
registries are reachable), so this checks the next best thing: every exact pin in
pyproject.toml (dependencies and optional extras) must be the newest release of its
major.minor line, because security fixes ship as patch releases of the supported lines.
Versions come from PyPI's JSON API (yanked releases left out), all looked up at once; if that
fails for a package, from `pip index versions` (the registry pip is configured for).

Exit status 0: all pins current; 1: at least one pin is behind (listed); 2: a lookup failed.
"""

import json
import os
import re
import subprocess
import sys
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.request import Request, urlopen

PIN = re.compile(r"^\s*([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?\s*==\s*([0-9][0-9A-Za-z.]*)\s*$")
RELEASE = re.compile(r"^\d+(\.\d+)*$")  # no pre-releases, dev or post releases


def pins(pyproject: Path) -> dict[str, str]:
    project = tomllib.loads(pyproject.read_text())["project"]
    specs = list(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        specs += extra
    found = {}
    for spec in specs:
        match = PIN.match(spec)
        if not match:
            raise SystemExit(f"audit: {spec!r} is not an exact pin (name==version)")
        found[match.group(1).lower()] = match.group(2)
    return found


def key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def line(version: str) -> tuple[int, ...]:
    return key(version)[:2]


PYPI_JSON = os.environ.get("AUDIT_PYPI_JSON", "https://pypi.org/pypi/{name}/json")


def available(name: str) -> list[str]:
    """Every final, non-yanked release of ``name``."""
    try:
        url = PYPI_JSON.format(name=name)
        request = Request(url, headers={"Accept": "application/json"})  # noqa: S310 (https)
        with urlopen(request, timeout=30) as response:  # noqa: S310
            releases = json.load(response)["releases"]
    except (OSError, ValueError, KeyError):
        return available_from_pip(name)
    return [
        version
        for version, files in releases.items()
        if RELEASE.match(version) and files and not all(f.get("yanked") for f in files)
    ]


def available_from_pip(name: str) -> list[str]:
    result = subprocess.run(  # noqa: S603 (our own interpreter, a pinned package name)
        [sys.executable, "-m", "pip", "index", "versions", name],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    match = re.search(r"Available versions:\s*(.+)", result.stdout)
    if result.returncode or not match:
        raise LookupError(f"{name}: {result.stderr.strip() or result.stdout.strip()}")
    return [v.strip() for v in match.group(1).split(",") if RELEASE.match(v.strip())]


def newest_patch(pinned: str, versions: list[str]) -> str:
    same_line = [v for v in versions if line(v) == line(pinned)]
    return max(same_line + [pinned], key=key)


def main() -> int:
    pinned = pins(Path(__file__).resolve().parent.parent / "pyproject.toml")
    with ThreadPoolExecutor(max_workers=8) as pool:
        lookups = dict(zip(pinned, pool.map(_safe_available, pinned), strict=True))
    failed = {name: error for name, error in lookups.items() if isinstance(error, Exception)}
    behind = {
        name: (version, newest)
        for name, version in pinned.items()
        if name not in failed
        and (newest := newest_patch(version, lookups[name])) != version
        and key(newest) > key(version)
    }
    for name, (version, newest) in sorted(behind.items()):
        sys.stdout.write(
            f"audit: {name}=={version} is behind; newest patch of its line is {newest}\n"
        )
    for name, error in sorted(failed.items()):
        sys.stderr.write(f"audit: could not look up {name}: {error}\n")
    if behind:
        return 1
    if failed:
        return 2
    sys.stdout.write(f"audit: {len(pinned)} pins, each the newest patch release of its line\n")
    return 0


def _safe_available(name: str):
    try:
        return available(name)
    except (LookupError, subprocess.SubprocessError) as error:
        return error


if __name__ == "__main__":
    sys.exit(main())

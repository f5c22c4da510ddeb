"""`make mutants`: mutation testing of the rule modules, then the score per module and the
survivors (docs/testing.md).

What is mutated and which tests judge the mutants is configured in one place: pyproject.toml,
``[tool.mutmut]`` (``only_mutate``, ``pytest_add_cli_args_test_selection``). mutmut keeps its
work in ``mutants/`` and re-tests only what changed since the last run; ``--fresh`` starts over.

    scripts/mutants.py                       # every rule module
    scripts/mutants.py 'dossiers.access.*'   # one module (mutant names are module.function)
    scripts/mutants.py --fresh --max-children 2
"""

import argparse
import json
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
# mutmut through a shim that names the mutants of site/'s packages as they are imported
MUTMUT = [sys.executable, str(ROOT / "scripts" / "mutmut_site.py")]

# mutmut's exit codes per mutant (mutmut.stats.status_by_exit_code), folded into four columns
STATUS = {1: "killed", 3: "killed", 0: "survived", 36: "timeout", 24: "timeout", -24: "timeout"}
STATUS |= {152: "timeout", 255: "timeout", None: "not checked", 5: "no tests", 33: "no tests"}
COLUMNS = ("killed", "survived", "timeout", "no tests", "not checked", "other")


def say(line: str = "") -> None:
    sys.stdout.write(line + "\n")


def run_mutmut(names: list[str], max_children: int) -> int:
    command = [*MUTMUT, "run", "--max-children", str(max_children), *names]
    return subprocess.run(command, cwd=ROOT, check=False).returncode  # noqa: S603


def scores() -> dict[str, tuple[Counter, list[str]]]:
    """Per mutated module: the count per status, and the names of the surviving mutants."""
    found = {}
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        module = str(meta.relative_to(MUTANTS))[: -len(".meta")]
        exit_codes = json.loads(meta.read_text())["exit_code_by_key"]
        counts: Counter = Counter()
        survivors = []
        for name, code in exit_codes.items():
            status = STATUS.get(code, "other")
            counts[status] += 1
            if status in ("survived", "no tests", "other"):
                survivors.append(f"{name} ({status}, exit code {code})")
        found[module] = (counts, survivors)
    return found


def report(found) -> int:
    width = max([len(module) for module in found] + [6])
    say(f"\n{'module':<{width}}  " + "  ".join(f"{c:>11}" for c in COLUMNS))
    for module, (counts, _survivors) in found.items():
        say(f"{module:<{width}}  " + "  ".join(f"{counts[c]:>11}" for c in COLUMNS))
    survivors = [name for _counts, names in found.values() for name in names]
    say(f"\n{len(survivors)} survivors (`scripts/mutmut_site.py show NAME` prints the change;")
    say("each is killed by a test or justified in a comment in its test file, docs/testing.md):")
    for name in survivors:
        say(f"  {name}")
    return len(survivors)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="mutant name globs, e.g. 'dossiers.access.*'")
    parser.add_argument("--fresh", action="store_true", help="remove mutants/ first")
    parser.add_argument("--max-children", type=int, default=1, help="parallel mutants (1)")
    parser.add_argument("--report-only", action="store_true", help="print the last results")
    options = parser.parse_args()
    if options.fresh:
        shutil.rmtree(MUTANTS, ignore_errors=True)
    if not options.report_only:
        started = time.monotonic()
        code = run_mutmut(options.names, options.max_children)
        say(f"\nmutmut finished with exit code {code} in {time.monotonic() - started:.0f} s")
        if code:
            return code
    survivors = report(scores())
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())

"""The import graph of the project's own packages has no new cycles.

The graph is built from the source with a small ``ast`` walk, without importing anything:
one node per module of ``dossiers``, ``forms``, ``reports``, ``snippets`` and the ``site/``
packages (``adminkit``, ``config``, ``handbook``); one edge per import that runs when the module is
imported (module level, class bodies and module-level ``if``/``try`` blocks; not imports
inside functions, which is how the code breaks a cycle on purpose, and not ``if
TYPE_CHECKING:`` blocks). An edge goes to the module imported (``from a.b import c`` is
``a.b.c`` when that is a module, else ``a.b``); the ``__init__`` of the packages on the way
is not counted, so a cycle that only closes through a package's ``__init__`` is not seen.

A "cycle" here is a strongly connected component of more than one module: a set of modules
that all reach each other. ``KNOWN_CYCLES`` is the allow-list of the ones that existed when
this test was written (none: the list is empty, and should stay so); a component that is not
inside one of them fails the test. A new cycle among modules already in one known component
would not be noticed: that is the price of a short list.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Import roots: the checkout for the apps, site/ for adminkit, config and handbook (docs/adr/0001).
PACKAGES = {
    "dossiers": ROOT / "dossiers",
    "forms": ROOT / "forms",
    "reports": ROOT / "reports",
    "snippets": ROOT / "snippets",
    "adminkit": ROOT / "site" / "adminkit",
    "config": ROOT / "site" / "config",
    "handbook": ROOT / "site" / "handbook",
}

# The cycles that exist today (strongly connected components), smallest first. Shrink this
# list when one is broken; never grow it to let a new one in.
KNOWN_CYCLES: list[frozenset[str]] = []


def _module_files() -> dict[str, Path]:
    modules = {}
    for package, directory in PACKAGES.items():
        for path in sorted(directory.rglob("*.py")):
            parts = [package, *path.relative_to(directory).with_suffix("").parts]
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_time_nodes(body):
    """Statements that run on import: not function bodies, not ``if TYPE_CHECKING``."""
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        if isinstance(node, ast.If) and _is_type_checking(node):
            yield from _import_time_nodes(node.orelse)
            continue
        yield node
        for field in ("body", "orelse", "finalbody", "handlers"):
            children = getattr(node, field, None)
            if isinstance(children, list):
                yield from _import_time_nodes(children)


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The module ``name`` names, or its nearest enclosing module; None outside the project."""
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in modules:
            return candidate
        parts.pop()
    return None


def _imports(module: str, path: Path, modules: dict[str, Path]) -> set[str]:
    is_package = path.name == "__init__.py"
    package = module if is_package else module.rpartition(".")[0]
    found = set()
    for node in _import_time_nodes(ast.parse(path.read_text(), str(path)).body):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, node.module] if node.module else anchor)
            else:
                base = node.module
            names = [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            target = _resolve(name, modules)
            if target and target != module:
                found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = _module_files()
    return {module: _imports(module, path, modules) for module, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """Strongly connected components of more than one module, smallest first: the modules
    that reach ``m`` and that ``m`` reaches (a few hundred modules: plain reachability will do).
    """
    reach = {module: _reach(graph, module) for module in graph}
    found = {
        frozenset({m, *(other for other in reach[m] if m in reach.get(other, ()))})
        for m in graph
        if m in reach[m]
    }
    return sorted(found, key=lambda c: (len(c), sorted(c)))


def _reach(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for target in graph.get(todo.pop(), ()):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def _models_rendering_cycle(graph: dict[str, set[str]]) -> bool:
    """Whether forms/models (any module of the package) and forms/rendering.py reach each
    other: rendering may name the models for type checking only (``if TYPE_CHECKING``)."""
    models = {module for module in graph if module.split(".")[:2] == ["forms", "models"]}
    rendering_reaches_models = bool(_reach(graph, "forms.rendering") & models)
    models_reach_rendering = any("forms.rendering" in _reach(graph, m) for m in models)
    return rendering_reaches_models and models_reach_rendering


def test_the_graph_is_the_projects():
    graph = import_graph()
    assert len(graph) > 200
    assert {"dossiers.models", "forms.rendering", "config.urls", "handbook.models"} <= set(graph)
    assert "forms.rendering" in graph["forms.services"]
    assert "forms.models.version" in graph["forms.models"]  # a package's __init__ re-exports
    assert not graph["forms.rendering"] & {"forms.models", "forms.models.version"}  # TYPE_CHECKING


def test_forms_models_and_rendering_are_not_in_a_cycle():
    assert not _models_rendering_cycle(import_graph())


def test_no_new_import_cycles(record_property):
    found = cycles(import_graph())
    record_property("import_cycles", len(found))  # in the JUnit XML
    print(f"import cycles in the project's packages: {len(found)}")  # noqa: T201 (with -s)
    new = [sorted(c) for c in found if not any(c <= known for known in KNOWN_CYCLES)]
    assert new == [], f"{len(found)} cycle(s), new: {new}"
    gone = [sorted(k) for k in KNOWN_CYCLES if not any(k & c for c in found)]
    assert gone == [], f"broken cycles still on the allow-list, remove them: {gone}"


def test_a_planted_cycle_is_found():
    """The checks above are not vacuous: an import from forms/models back to rendering, as
    rendering's own (type-only) import of the models would become at module level, is caught."""
    graph = import_graph()
    graph["forms.models.version"] = graph["forms.models.version"] | {"forms.rendering"}
    graph["forms.rendering"] = graph["forms.rendering"] | {"forms.models"}
    assert _models_rendering_cycle(graph)
    planted = [c for c in cycles(graph) if "forms.rendering" in c]
    assert planted == [frozenset({"forms.rendering", "forms.models", "forms.models.version"})]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [frozenset("abc")]

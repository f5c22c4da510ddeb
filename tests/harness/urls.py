"""Every URL pattern in the resolver, flattened, with a way to build a concrete path for it."""

from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver, reverse

# Unnamed patterns cannot be reversed; give each a sample path here (the walker says so).
UNNAMED_PATHS = {
    "admin/test404/": "/admin/test404/",
    "admin/^.*/$": "/admin/geen-pagina/",
}


@dataclass(frozen=True)
class UrlCase:
    """One URL pattern: its full route (unique key), name, namespace and parameter names."""

    route: str
    url_name: str | None
    kwarg_names: tuple[str, ...]
    positional: int
    callback_module: str = field(compare=False)

    @property
    def namespace(self) -> str:
        if self.url_name and ":" in self.url_name:
            return self.url_name.split(":", 1)[0]
        return "_global"

    @property
    def label(self) -> str:
        return self.url_name or self.route


def _segment_params(pattern) -> tuple[list[str], int]:
    regex = pattern.regex
    names = list(regex.groupindex)
    return names, regex.groups - len(names)


def walk(patterns=None, prefix: str = "", namespace: str | None = None, params=None):
    """Yield a ``UrlCase`` for every URL pattern reachable from the root URLconf."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    params = params or ([], 0)
    for entry in patterns:
        names, positional = _segment_params(entry.pattern)
        here = (params[0] + names, params[1] + positional)
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from walk(entry.url_patterns, route, inner, here)
        elif isinstance(entry, URLPattern):
            name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
            module = getattr(entry.callback, "__module__", "")
            yield UrlCase(route, name, tuple(here[0]), here[1], module)


def all_cases() -> list[UrlCase]:
    cases = list(walk())
    routes = [case.route for case in cases]
    duplicates = {route for route in routes if routes.count(route) > 1}
    assert not duplicates, f"Two URL patterns share a route: {sorted(duplicates)}"
    return cases


def build_path(case: UrlCase, kwargs: dict, args: list) -> str:
    if case.url_name is None:
        if case.route not in UNNAMED_PATHS:
            raise LookupError(
                f"URL pattern {case.route!r} has no name; add a sample path for it to "
                "UNNAMED_PATHS in tests/harness/urls.py (or give the pattern a name)."
            )
        return UNNAMED_PATHS[case.route]
    return reverse(case.url_name, args=args or None, kwargs=kwargs or None)

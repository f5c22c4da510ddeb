"""Bound fields: the questions of a form whose answers the system acts on.

A step (the assessment, a closure proposal...) registers, for its form's slug, the facts it
reads: each a ``Binding`` with a fixed field type, a fixed "required", and (for choices) an
answer list that comes from code or reference data, never from the form definition. The
programme team places, labels, explains and orders a bound field; it cannot delete it or change
what it is. Apps register their bindings and answer lists from ``AppConfig.ready``, so this
module depends on nothing above it (dependencies point down).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class ChoiceSource:
    """An answer list: ``choices()`` the options offered now, ``labels()`` every known label."""

    choices: Callable[[], Iterable[tuple[str, str]]]
    labels: Callable[[], dict[str, str]] | None = None

    def label_map(self) -> dict[str, str]:
        if self.labels is not None:
            return {str(k): str(v) for k, v in self.labels().items()}
        return {str(k): str(v) for k, v in self.choices()}


@dataclass(frozen=True)
class Binding:
    """One fact a step reads from its form."""

    name: str
    field_type: str
    label: str
    reason: str
    required: bool = False
    source: str = ""
    help_text: str = ""


_BINDINGS: dict[str, dict[str, Binding]] = {}
_SOURCES: dict[str, ChoiceSource] = {}


def register(slug: str, bindings: Iterable[Binding]) -> None:
    """Declare the bound fields of the form ``slug`` (called from an app's ``ready``)."""
    _BINDINGS[slug] = {binding.name: binding for binding in bindings}


def register_source(name: str, source: ChoiceSource) -> None:
    _SOURCES[name] = source


def bindings_for(slug: str) -> dict[str, Binding]:
    return dict(_BINDINGS.get(slug, {}))


def binding_get(slug: str, name: str) -> Binding | None:
    return _BINDINGS.get(slug, {}).get(name)


def source_get(name: str) -> ChoiceSource | None:
    return _SOURCES.get(name)


def bound_slugs() -> list[str]:
    return sorted(_BINDINGS)


def binding_choices(slug: str, name: str) -> list[tuple[str, str]] | None:
    """The answer list of a bound choice field, or None when it is not bound to a list."""
    binding = binding_get(slug, name)
    if binding is None or not binding.source or binding.source not in _SOURCES:
        return None
    return [(str(value), str(label)) for value, label in _SOURCES[binding.source].choices()]


def binding_labels(slug: str, name: str) -> dict[str, str]:
    binding = binding_get(slug, name)
    if binding is None or not binding.source or binding.source not in _SOURCES:
        return {}
    return _SOURCES[binding.source].label_map()


def missing_bindings(slug: str, present: Iterable[str]) -> list[str]:
    """Dutch reasons for every bound field of ``slug`` not among ``present`` binding names."""
    present = set(present)
    return [
        _("Het gebonden veld “%(label)s” ontbreekt: %(reason)s")
        % {"label": binding.label, "reason": binding.reason}
        for name, binding in _BINDINGS.get(slug, {}).items()
        if name not in present
    ]

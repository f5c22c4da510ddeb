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
    """An answer list: ``choices()`` the options offered now, ``labels()`` every known label.

    A ``per_dossier`` source offers the options of one dossier (its contacts, its plan items):
    ``choices(dossier)``; its labels are those of the answers given (``labels(values)``).
    """

    choices: Callable[..., Iterable[tuple[str, str]]]
    labels: Callable[..., dict[str, str]] | None = None
    per_dossier: bool = False

    def label_map(self, values: Iterable = ()) -> dict[str, str]:
        if self.per_dossier:
            labels = self.labels(list(values)) if self.labels is not None else {}
            return {str(k): str(v) for k, v in labels.items()}
        if self.labels is not None:
            return {str(k): str(v) for k, v in self.labels().items()}
        return {str(k): str(v) for k, v in self.choices()}

    def options(self, dossier=None) -> list[tuple[str, str]]:
        offered = self.choices(dossier) if self.per_dossier else self.choices()
        return [(str(value), str(label)) for value, label in offered]


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
    #: for ``plan_item_results``: the answer list of each row (goal attainment)
    row_source: str = ""


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


def binding_choices(
    slug: str, name: str, dossier=None, *, source_of: str = "source"
) -> list[tuple[str, str]] | None:
    """The answer list of a bound field (``source_of="row_source"``: of each of its rows), or
    None when it is not bound to a list."""
    binding = binding_get(slug, name)
    source = getattr(binding, source_of, "") if binding is not None else ""
    if not source or source not in _SOURCES:
        return None
    return _SOURCES[source].options(dossier)


def binding_labels(
    slug: str, name: str, values: Iterable = (), *, source_of: str = "source"
) -> dict[str, str]:
    binding = binding_get(slug, name)
    source = getattr(binding, source_of, "") if binding is not None else ""
    if not source or source not in _SOURCES:
        return {}
    return _SOURCES[source].label_map(values)


def missing_bindings(slug: str, present: Iterable[str]) -> list[str]:
    """Dutch reasons for every bound field of ``slug`` not among ``present`` binding names."""
    present = set(present)
    return [
        _("Het gebonden veld “%(label)s” ontbreekt: %(reason)s")
        % {"label": binding.label, "reason": binding.reason}
        for name, binding in _BINDINGS.get(slug, {}).items()
        if name not in present
    ]

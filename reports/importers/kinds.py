"""The import kinds: per kind its permission, sheet, template, planner and writer."""

from collections.abc import Callable
from dataclasses import dataclass

from reports.importers import other_approach_lists, signals
from reports.models import ImportKind


@dataclass(frozen=True)
class Kind:
    key: str
    permission: str  # "monitor.<codename>"
    sheet: str
    template: Callable[[], bytes]
    plan: Callable  # plan(content=..., progress=...) -> ImportPlan
    apply: Callable  # apply(plan=..., by=...) -> rows written; runs inside the transaction
    extra_permissions: tuple[str, ...] = ()  # what the writing service itself needs

    @property
    def label(self):
        return ImportKind(self.key).label


def _interventions() -> Kind:
    from reports import imports
    from reports.services import intervention_rows_apply

    return Kind(
        ImportKind.INTERVENTIONS,
        "monitor.import_catalogue",
        imports.SHEET,
        imports.intervention_template,
        imports.intervention_import_plan,
        intervention_rows_apply,
        ("catalogue.publish_intervention",),
    )


def kinds() -> dict[str, Kind]:
    return {
        kind.key: kind
        for kind in (
            _interventions(),
            Kind(
                ImportKind.OTHER_APPROACH_LISTS,
                "monitor.import_other_approach_lists",
                other_approach_lists.SHEET,
                other_approach_lists.other_approach_list_template,
                other_approach_lists.other_approach_list_plan,
                other_approach_lists.other_approach_list_apply,
            ),
            Kind(
                ImportKind.SIGNALS,
                "monitor.import_signals",
                signals.SHEET,
                signals.signal_template,
                signals.signal_import_plan,
                signals.signal_import_apply,
                ("dossiers.register_signal", "dossiers.triage_signal"),
            ),
        )
    }


def kinds_for(user) -> list[Kind]:
    """The kinds ``user`` may import (permissions are data: see reports migration 0004)."""
    from dossiers import access

    return [
        kind
        for kind in kinds().values()
        if all(access.has_permission(user, p) for p in (kind.permission, *kind.extra_permissions))
    ]

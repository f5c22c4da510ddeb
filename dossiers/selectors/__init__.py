"""Selectors of the case domain: reads, scoped through ``dossiers.access``, without N+1."""

from dossiers.selectors.dossiers import (
    StepOption,
    dossier_assessment,
    dossier_family,
    dossier_history,
    dossier_list_for,
    dossier_signals,
    dossier_steps_for,
)
from dossiers.selectors.duplicates import (
    Candidate,
    ListMatch,
    duplicate_candidates,
    other_approach_matches,
)

__all__ = [
    "Candidate",
    "StepOption",
    "dossier_assessment",
    "dossier_family",
    "dossier_history",
    "dossier_list_for",
    "dossier_signals",
    "dossier_steps_for",
    "duplicate_candidates",
    "ListMatch",
    "other_approach_matches",
]

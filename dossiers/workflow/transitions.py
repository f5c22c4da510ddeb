"""The one transition table: which step may follow which, and who may take it.

Each permission is a ``dossiers.<codename>`` permission; roles (groups) carry them as data.
Guards (``guards.py``) add the reasons why an allowed step is not possible yet.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from dossiers.workflow.states import DossierState as S


@dataclass(frozen=True)
class Transition:
    source: S
    target: S
    permission: str
    label: Promise


TRANSITIONS: tuple[Transition, ...] = (
    # First assessment by the MAP or the police: exactly one outcome.
    Transition(S.REGISTERED, S.TRIAGE_CLOSED, "triage_signal", _("Afdoen door MAP")),
    Transition(
        S.REGISTERED, S.REGULAR_TRACK, "triage_signal", _("Overdragen aan regulier traject")
    ),
    Transition(S.REGISTERED, S.PRE_ASSESSMENT, "triage_signal", _("Doorzetten naar Voorportaal")),
    # Duiding in the Voorportaal, then the Regieoverleg decides.
    Transition(
        S.PRE_ASSESSMENT, S.AWAITING_DECISION, "assess_signal", _("Advies aan Regieoverleg")
    ),
    Transition(S.AWAITING_DECISION, S.INCLUDED, "decide_steering", _("Opnemen in de aanpak")),
    Transition(S.AWAITING_DECISION, S.NOT_INCLUDED, "decide_steering", _("Niet opnemen")),
    Transition(S.AWAITING_DECISION, S.ON_HOLD, "decide_steering", _("Aanhouden")),
    Transition(S.ON_HOLD, S.PRE_ASSESSMENT, "assess_signal", _("Terug naar duiding")),
    Transition(S.ON_HOLD, S.AWAITING_DECISION, "assess_signal", _("Opnieuw voorleggen")),
    # The plan of approach: concept -> ITAT-R -> definitive -> adopted -> accorded.
    Transition(S.INCLUDED, S.PLAN_SUBMITTED, "direct_dossier", _("Plan gereed voor ITAT-R")),
    Transition(S.PLAN_SUBMITTED, S.INCLUDED, "direct_dossier", _("Plan terugtrekken")),
    Transition(
        S.PLAN_SUBMITTED, S.PLAN_ADVISED, "record_advisory_advice", _("ITAT-R-advies vastleggen")
    ),
    Transition(S.PLAN_ADVISED, S.PLAN_DEFINITIVE, "direct_dossier", _("Plan definitief maken")),
    Transition(S.PLAN_DEFINITIVE, S.PLAN_ADOPTED, "decide_steering", _("Plan vaststellen")),
    Transition(S.PLAN_DEFINITIVE, S.PLAN_ADVISED, "decide_steering", _("Plan terugsturen")),
    Transition(S.PLAN_ADOPTED, S.IN_EXECUTION, "accord_plan", _("Plan accorderen")),
    # Execution: escalate back to the ITAT-R, or propose wind-down / closure.
    Transition(
        S.IN_EXECUTION, S.PLAN_SUBMITTED, "direct_dossier", _("Opnieuw naar ITAT-R (escalatie)")
    ),
    Transition(
        S.IN_EXECUTION,
        S.CLOSURE_PROPOSED,
        "direct_dossier",
        _("Afbouw- of afsluitvoorstel indienen"),
    ),
    Transition(S.WINDING_DOWN, S.CLOSURE_PROPOSED, "direct_dossier", _("Afsluitvoorstel indienen")),
    Transition(
        S.CLOSURE_PROPOSED,
        S.CLOSURE_ADVISED,
        "record_advisory_advice",
        _("ITAT-R-advies vastleggen"),
    ),
    Transition(S.CLOSURE_ADVISED, S.WINDING_DOWN, "decide_steering", _("Besluit: afbouwen")),
    Transition(S.CLOSURE_ADVISED, S.CLOSED, "decide_steering", _("Besluit: afsluiten")),
    Transition(S.CLOSURE_ADVISED, S.IN_EXECUTION, "decide_steering", _("Besluit: voortzetten")),
    # End of life: archive what is finished.
    Transition(S.TRIAGE_CLOSED, S.ARCHIVED, "archive_dossier", _("Archiveren")),
    Transition(S.REGULAR_TRACK, S.ARCHIVED, "archive_dossier", _("Archiveren")),
    Transition(S.NOT_INCLUDED, S.ARCHIVED, "archive_dossier", _("Archiveren")),
    Transition(S.CLOSED, S.ARCHIVED, "archive_dossier", _("Archiveren")),
)

TRANSITION_MAP: dict[tuple[S, S], Transition] = {(t.source, t.target): t for t in TRANSITIONS}


def transitions_from(state: str) -> list[Transition]:
    """Every step the table allows out of ``state``, in table order."""
    return [t for t in TRANSITIONS if t.source == state]

"""Reads of dossiers: scoped listings, status history and the next possible steps."""

from dataclasses import dataclass

from django.db.models import QuerySet

from dossiers import access
from dossiers.models import Dossier, DossierStatusChange, Signal
from dossiers.workflow.services import transition_reasons
from dossiers.workflow.transitions import Transition, transitions_from


def dossier_list_for(*, user) -> QuerySet[Dossier]:
    """The dossiers ``user`` may see, with what a listing shows joined up front."""
    return access.dossiers_for(user).select_related(
        "subject", "case_director", "case_director_organisation"
    )


def dossier_history(*, dossier: Dossier) -> QuerySet[DossierStatusChange]:
    """The dossier's status history, oldest first, with who took each step."""
    return dossier.history.select_related("by").order_by("at", "pk")


def dossier_signals(*, dossier: Dossier) -> QuerySet[Signal]:
    """The signals that opened or joined this case, newest first, with their attachments."""
    return dossier.signals.prefetch_related("attachments").order_by("-received_on", "-pk")


@dataclass(frozen=True)
class StepOption:
    transition: Transition
    reasons: list[str]

    @property
    def possible(self) -> bool:
        return not self.reasons


def dossier_steps_for(*, dossier: Dossier, user) -> list[StepOption]:
    """The table's next steps that ``user``'s role may take, each with the guards' reasons."""
    options = []
    for step in transitions_from(dossier.state):
        if not access.has_permission(user, f"dossiers.{step.permission}"):
            continue
        # Form input (note, case director) is asked for on the step page, not checked here.
        reasons = transition_reasons(
            dossier=dossier, to=step.target, by=user, data={"preview": True}
        )
        options.append(StepOption(transition=step, reasons=reasons))
    return options

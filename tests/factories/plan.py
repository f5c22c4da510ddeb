"""What the plan's guards need before a step, built through the real services."""

import datetime

from django.utils import timezone

from dossiers.execution.plan_services import plan_item_add
from dossiers.execution.services import case_meeting_record
from dossiers.models import CaseMeeting, ClosureKind, ClosureProposal, PlanItem
from dossiers.services.closure import closure_proposal_create
from snippets.selectors import intervention_choices
from tests.factories.snippets import InterventionFactory


def an_intervention():
    """A published, active catalogue intervention (the seeded catalogue, else a new one)."""
    return intervention_choices().first() or InterventionFactory()


def uvo_held(dossier, by, *, on: datetime.date | None = None, **kwargs) -> CaseMeeting:
    return case_meeting_record(dossier=dossier, by=by, held_on=on or timezone.localdate(), **kwargs)


def item_added(dossier, by, *, intervention=None, **kwargs) -> PlanItem:
    data = {
        "considerations": "Fictieve overwegingen",
        "goal": "Fictief doel",
        "planned_start": timezone.localdate(),
        **kwargs,
    }
    return plan_item_add(
        dossier=dossier, by=by, intervention=intervention or an_intervention(), **data
    )


def plan_ready(dossier, by) -> None:
    """A first UVO held and one intervention in the plan: enough to submit to the ITAT-R."""
    if not CaseMeeting.objects.filter(dossier=dossier).exists():
        uvo_held(dossier, by)
    if not PlanItem.objects.filter(dossier=dossier).exists():
        item_added(dossier, by)


def closure_ready(dossier, by, *, kind: str = ClosureKind.CLOSE) -> ClosureProposal:
    """An open closure proposal, written by the case director, ready to submit."""
    open_proposal = ClosureProposal.objects.filter(dossier=dossier, decision="", advice="").first()
    return open_proposal or closure_proposal_create(
        dossier=dossier,
        by=by,
        kind=kind,
        goals_achieved="Fictieve doelen bereikt",
        considerations="Fictieve overwegingen",
    )

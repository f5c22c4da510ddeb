"""The Regieoverleg's decision on a signal: include, do not include, or hold."""

import datetime

from django.db import transaction

from dossiers.models import DecisionOutcome, Dossier, SteeringDecision
from dossiers.workflow.services import dossier_transition
from dossiers.workflow.states import DossierState

OUTCOME_STATES = {
    DecisionOutcome.INCLUDE: DossierState.INCLUDED,
    DecisionOutcome.NOT_INCLUDE: DossierState.NOT_INCLUDED,
    DecisionOutcome.HOLD: DossierState.ON_HOLD,
}


@transaction.atomic
def steering_decide(
    *,
    dossier: Dossier,
    outcome: str,
    by,
    decided_on: datetime.date,
    case_director=None,
    reason: str = "",
    destination: str = "",
    missing_information: str = "",
    other_approach_confirmed: bool = False,
) -> SteeringDecision:
    """Record the decision with its reasons and take the matching step of the state machine."""
    extra = {"case_director": case_director} if outcome == DecisionOutcome.INCLUDE else {}
    dossier_transition(
        dossier=dossier,
        to=OUTCOME_STATES[outcome],
        by=by,
        note=reason,
        destination=destination,
        missing_information=missing_information,
        decided_on=decided_on,
        other_approach_confirmed=other_approach_confirmed,
        **extra,
    )
    return SteeringDecision.objects.create(
        dossier=dossier,
        decided_on=decided_on,
        outcome=outcome,
        case_director=case_director if outcome == DecisionOutcome.INCLUDE else None,
        organisation=case_director.organisation if outcome == DecisionOutcome.INCLUDE else None,
        reason=reason,
        destination=destination,
        missing_information=missing_information,
        recorded_by=by,
    )

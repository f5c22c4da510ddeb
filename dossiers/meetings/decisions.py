"""Decisions on agenda items, each one step of the dossier's state machine.

``DECISION_STEPS`` maps a decision and the dossier's current state to the target state of
one transition in ``dossiers.workflow.transitions.TRANSITIONS`` (a test checks every pair).
The step itself is taken by ``dossier_transition`` (through ``steering_decide`` for a new
signal, which also records the ``SteeringDecision``); its guards' reasons are the refusal.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers.meetings.services import check_manager
from dossiers.models import AgendaDecision as D
from dossiers.models import AgendaItem, DecisionOutcome
from dossiers.models import AgendaItemKind as I
from dossiers.models import MeetingKind as K
from dossiers.services.decisions import steering_decide
from dossiers.workflow.services import dossier_transition
from dossiers.workflow.states import DossierState as S

DECISION_STEPS: dict[str, dict[str, str]] = {
    D.ADVICE: {S.PLAN_SUBMITTED: S.PLAN_ADVISED, S.CLOSURE_PROPOSED: S.CLOSURE_ADVISED},
    D.ADOPT: {S.PLAN_DEFINITIVE: S.PLAN_ADOPTED},
    D.SEND_BACK: {S.PLAN_DEFINITIVE: S.PLAN_ADVISED},
    D.INCLUDE: {S.AWAITING_DECISION: S.INCLUDED},
    D.NOT_INCLUDE: {S.AWAITING_DECISION: S.NOT_INCLUDED},
    D.HOLD: {S.AWAITING_DECISION: S.ON_HOLD},
    D.WIND_DOWN: {S.CLOSURE_ADVISED: S.WINDING_DOWN},
    D.CLOSE: {S.CLOSURE_ADVISED: S.CLOSED},
    D.CONTINUE: {S.CLOSURE_ADVISED: S.IN_EXECUTION},
}

STEERING_DECISIONS = [d for d in D.values if d != D.ADVICE]
#: the decisions offered per (meeting kind, item kind); the ITAT-R only advises
DECISIONS_FOR: dict[tuple[str, str], list[str]] = {
    **{(K.ADVISORY, kind): [D.ADVICE] for kind in I.values},
    (K.STEERING, I.DECISION): [D.INCLUDE, D.NOT_INCLUDE, D.HOLD],
    (K.STEERING, I.DEFINITIVE_PLAN): [D.ADOPT, D.SEND_BACK],
    (K.STEERING, I.CLOSURE): [D.WIND_DOWN, D.CLOSE, D.CONTINUE],
}


def decision_choices(item: AgendaItem) -> list[tuple[str, str]]:
    """The decisions the secretary can record on ``item``, as form choices."""
    values = DECISIONS_FOR.get((item.meeting.series.kind, item.kind), STEERING_DECISIONS)
    return [(value, D(value).label) for value in values]


def decision_target(decision: str, state: str) -> str:
    """The state ``decision`` leads to from ``state``; from another state, its usual target
    (the state machine then names why that step is not possible)."""
    steps = DECISION_STEPS[decision]
    return steps.get(state) or next(iter(steps.values()))


@transaction.atomic
def agenda_item_decide(
    *,
    item: AgendaItem,
    decision: str,
    by,
    note: str = "",
    case_director=None,
    destination: str = "",
    missing_information: str = "",
    other_approach_confirmed: bool = False,
) -> AgendaItem:
    """Record the meeting's decision on an item and take the matching step of the dossier."""
    check_manager(by)
    item = (
        AgendaItem.objects.select_for_update()
        .select_related("meeting__series", "dossier")
        .get(pk=item.pk)
    )
    if item.decision:
        raise ValidationError(_("Op dit agendapunt is al een besluit vastgelegd."))
    if item.meeting.date > timezone.localdate():
        raise ValidationError(_("Een besluit kan pas vanaf de vergaderdatum worden vastgelegd."))
    if decision not in dict(decision_choices(item)):
        raise ValidationError(_("Dit besluit past niet bij dit agendapunt."))
    dossier = item.dossier
    if dossier.state == S.AWAITING_DECISION and decision in DecisionOutcome.values:
        steering_decide(
            dossier=dossier,
            outcome=decision,
            by=by,
            decided_on=item.meeting.date,
            case_director=case_director,
            reason=note,
            destination=destination,
            missing_information=missing_information,
            other_approach_confirmed=other_approach_confirmed,
        )
    else:
        dossier_transition(
            dossier=dossier,
            to=decision_target(decision, dossier.state),
            by=by,
            note=note,
            decided_on=item.meeting.date,
        )
    item.decision = decision
    item.decision_note = note
    item.decided_by = by
    item.decided_at = timezone.now()
    item.save(update_fields=["decision", "decision_note", "decided_by", "decided_at"])
    return item


def agenda_items_follow_step(*, change) -> int:
    """A step taken on the dossier page resolves the dossier's open agenda items it answers
    (the agenda then no longer shows a decided case as still to decide). Called for every
    status-history row; an item decided through ``agenda_item_decide`` is decided already."""
    open_items = (
        AgendaItem.objects.filter(dossier_id=change.dossier_id, decision="")
        .exclude(meeting__status="cancelled")
        .select_related("meeting__series")
    )
    resolved = 0
    for item in open_items:
        for decision, _label in decision_choices(item):
            if DECISION_STEPS[decision].get(change.from_state) == change.to_state:
                item.decision = decision
                item.decision_note = change.note or _("Vastgelegd op het dossier.")
                item.decided_by = change.by
                item.decided_at = change.at
                item.save(update_fields=["decision", "decision_note", "decided_by", "decided_at"])
                resolved += 1
                break
    return resolved

"""Writes of evaluations and of wind-down / closure proposals.

A proposal goes to the ITAT-R through the state machine (``closure_propose`` takes the step);
the advice and the Regieoverleg's decision are written by the step's effects.
"""

import datetime
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers.models import (
    ClosureProposal,
    Dossier,
    Evaluation,
    EvaluationItem,
    PlanItem,
    PlanVersionKind,
)
from dossiers.obligations import EXECUTION_STATES
from dossiers.services.plan import directed_dossier_check, plan_snapshot
from dossiers.workflow.services import dossier_transition
from dossiers.workflow.states import DossierState as S

EVALUATION_FORM_SLUG = "evaluatie"
#: a wind-down or closure proposal is written during execution or the wind-down
PROPOSAL_STATES = frozenset({S.IN_EXECUTION, S.WINDING_DOWN})


@transaction.atomic
def evaluation_record(
    *,
    dossier: Dossier,
    by,
    evaluated_on: datetime.date,
    judgement: str,
    judgement_note: str = "",
    form_data: Mapping | None = None,
    items: Iterable[Mapping] = (),
) -> Evaluation:
    """Record an evaluation: the form, per plan item its result and goal attainment, a verdict.

    The items' latest result and goal attainment go onto the plan (a new plan version), so the
    plan and the monitor show what the evaluation found.
    """
    from forms.selectors import form_version_current
    from forms.services import form_response_submit

    directed_dossier_check(dossier=dossier, by=by)
    if dossier.state not in EXECUTION_STATES:
        raise ValidationError(_("Evalueren kan zodra het plan is vastgesteld."))
    if evaluated_on > timezone.localdate():
        raise ValidationError({"evaluated_on": _("Deze datum ligt in de toekomst.")})
    response = None
    if form_data is not None:
        version = form_version_current(slug=EVALUATION_FORM_SLUG)
        response = form_response_submit(version=version, data=form_data, by=by, dossier=dossier)
    evaluation = Evaluation.objects.create(
        dossier=dossier,
        evaluated_on=evaluated_on,
        form_response=response,
        judgement=judgement,
        judgement_note=judgement_note,
        author=by,
    )
    rows = []
    for row in items:
        item: PlanItem = row["plan_item"]
        if item.dossier_id != dossier.pk:
            raise ValidationError(_("Een interventie hoort niet bij dit dossier."))
        rows.append(
            EvaluationItem(
                evaluation=evaluation,
                plan_item=item,
                result=row.get("result", ""),
                goal_attainment=row.get("goal_attainment", ""),
            )
        )
        if row.get("result") or row.get("goal_attainment"):
            item.result = row.get("result") or item.result
            item.goal_attainment = row.get("goal_attainment") or item.goal_attainment
            item.save(update_fields=["result", "goal_attainment"])
    EvaluationItem.objects.bulk_create(rows)
    plan_snapshot(
        dossier=dossier,
        by=by,
        kind=PlanVersionKind.CHANGED,
        summary=_("Evaluatie van %(date)s: resultaten bijgewerkt")
        % {"date": f"{evaluated_on:%d-%m-%Y}"},
    )
    return evaluation


def closure_proposal_create(
    *,
    dossier: Dossier,
    by,
    kind: str,
    goals_achieved: str,
    considerations: str,
    warm_handover: bool = False,
    handover_to: str = "",
) -> ClosureProposal:
    """Write a proposal (not yet submitted); ``closure_propose`` also takes the step."""
    directed_dossier_check(dossier=dossier, by=by)
    if dossier.state not in PROPOSAL_STATES:
        raise ValidationError(_("Een voorstel kan alleen tijdens de uitvoering of de afbouw."))
    if ClosureProposal.objects.filter(dossier=dossier, decision="").exists():
        raise ValidationError(_("Er ligt al een voorstel waarover nog niet is besloten."))
    if warm_handover and not handover_to.strip():
        raise ValidationError({"handover_to": _("Vermeld aan wie warm wordt overgedragen.")})
    return ClosureProposal.objects.create(
        dossier=dossier,
        kind=kind,
        goals_achieved=goals_achieved,
        considerations=considerations,
        warm_handover=warm_handover,
        handover_to=handover_to,
        submitted_by=by,
    )


@transaction.atomic
def closure_propose(*, dossier: Dossier, by, note: str = "", **data) -> ClosureProposal:
    """Write the proposal and submit it to the ITAT-R in one go (one step of the machine)."""
    proposal = closure_proposal_create(dossier=dossier, by=by, **data)
    dossier_transition(dossier=dossier, to=S.CLOSURE_PROPOSED, by=by, note=note)
    return proposal

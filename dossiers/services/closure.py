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

from dossiers.execution.plan_services import directed_dossier_check, plan_snapshot
from dossiers.models import (
    ClosureProposal,
    Dossier,
    Evaluation,
    EvaluationItem,
    PlanItem,
    PlanVersionKind,
)
from dossiers.obligations import EXECUTION_STATES
from dossiers.services.step_forms import step_form_submit
from dossiers.step_forms import CLOSURE_FORM_SLUG, EVALUATION_FORM_SLUG
from dossiers.workflow.services import dossier_transition
from dossiers.workflow.states import DossierState as S

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
    form_response=None,
    items: Iterable[Mapping] = (),
) -> Evaluation:
    """Record an evaluation: the form, per plan item its result and goal attainment, a verdict.

    The facts come from the submitted evaluation form (``evaluation_submit``), kept here in
    columns for querying. The items' latest result and goal attainment go onto the plan (a new
    plan version), so the plan and the monitor show what the evaluation found.
    """
    directed_dossier_check(dossier=dossier, by=by)
    if dossier.state not in EXECUTION_STATES:
        raise ValidationError(_("Evalueren kan zodra het plan is vastgesteld."))
    if evaluated_on > timezone.localdate():
        raise ValidationError({"evaluated_on": _("Deze datum ligt in de toekomst.")})
    response = form_response
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


@transaction.atomic
def evaluation_submit(*, dossier: Dossier, by, data: Mapping) -> Evaluation:
    """Submit the evaluation form (its concept, if any) and record it from its bound answers."""
    directed_dossier_check(dossier=dossier, by=by)
    if dossier.state not in EXECUTION_STATES:
        raise ValidationError(_("Evalueren kan zodra het plan is vastgesteld."))
    response, facts = step_form_submit(dossier=dossier, by=by, slug=EVALUATION_FORM_SLUG, data=data)
    rows = {str(row["plan_item"]): row for row in facts.get("item_results") or []}
    items = PlanItem.objects.filter(dossier=dossier, pk__in=[int(k) for k in rows if k.isdigit()])
    return evaluation_record(
        dossier=dossier,
        by=by,
        evaluated_on=datetime.date.fromisoformat(facts["evaluated_on"]),
        judgement=facts["judgement"],
        judgement_note=facts.get("judgement_note") or "",
        form_response=response,
        items=[
            {
                "plan_item": item,
                "result": rows[str(item.pk)].get("result", ""),
                "goal_attainment": rows[str(item.pk)].get("goal_attainment", ""),
            }
            for item in items
        ],
    )


def closure_proposal_create(
    *,
    dossier: Dossier,
    by,
    kind: str,
    goals_achieved: str,
    considerations: str,
    warm_handover: bool = False,
    handover_to: str = "",
    form_response=None,
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
        form_response=form_response,
        submitted_by=by,
    )


@transaction.atomic
def closure_propose(*, dossier: Dossier, by, note: str = "", **data) -> ClosureProposal:
    """Write the proposal and submit it to the ITAT-R in one go (one step of the machine)."""
    proposal = closure_proposal_create(dossier=dossier, by=by, **data)
    dossier_transition(dossier=dossier, to=S.CLOSURE_PROPOSED, by=by, note=note)
    return proposal


@transaction.atomic
def closure_proposal_submit(*, dossier: Dossier, by) -> ClosureProposal:
    """Submit the proposal's concept, as confirmed by the case director, to the ITAT-R.

    The concept's answers are checked again in full; the proposal is written from its bound
    answers and the dossier takes the step to "voorstel ingediend"."""
    from dossiers.services.step_forms import step_form_draft

    directed_dossier_check(dossier=dossier, by=by)
    if step_form_draft(dossier=dossier, slug=CLOSURE_FORM_SLUG) is None:
        raise ValidationError(_("Sla het voorstel eerst op; daarna kunt u het indienen."))
    response, facts = step_form_submit(dossier=dossier, by=by, slug=CLOSURE_FORM_SLUG)
    return closure_propose(
        dossier=dossier,
        by=by,
        kind=facts["kind"],
        goals_achieved=facts.get("goals_achieved") or "",
        considerations=facts.get("considerations") or "",
        warm_handover=bool(facts.get("warm_handover")),
        handover_to=facts.get("handover_to") or "",
        form_response=response,
    )

"""Reads of dossiers: scoped listings, status history and the next possible steps."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from dossiers import access
from dossiers.models import Assessment, Dossier, DossierStatusChange, Signal, SubjectRelation
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


def dossier_assessment(*, dossier: Dossier) -> Assessment | None:
    """The basisdossier with everything its summary shows, fetched up front."""
    return (
        Assessment.objects.filter(dossier=dossier)
        .select_related("form_response__version", "form_response__submitted_by")
        .prefetch_related(
            "risk_groups", "problem_areas", "other_approaches", "partner_information__organisation"
        )
        .first()
    )


def dossier_step_responses(*, dossier: Dossier, slug: str):
    """Every response of the step form ``slug`` for ``dossier``, newest first (concepts too):
    the current one and the earlier ones, which stay as the step's history."""
    from forms.models import FormResponse

    return (
        FormResponse.objects.filter(dossier=dossier, version__definition__slug=slug)
        .select_related("version__definition", "submitted_by")
        .order_by("-submitted_at", "-pk")
    )


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


@dataclass(frozen=True)
class FamilyLink:
    kind_label: str
    note: str
    dossier_id: int | None
    reference: str
    name: str


def dossier_family(*, dossier: Dossier, user) -> list[FamilyLink]:
    """The subject's family links; names only of relatives whose dossier the user may see."""
    if dossier.subject_id is None:
        return []
    relations = SubjectRelation.objects.filter(
        Q(subject_id=dossier.subject_id) | Q(related_id=dossier.subject_id)
    ).select_related("subject", "related")
    other_ids = {
        r.related_id if r.subject_id == dossier.subject_id else r.subject_id for r in relations
    }
    visible = {
        d.subject_id: d
        for d in access.dossiers_for(user)
        .filter(subject_id__in=other_ids)
        .select_related("subject")
    }
    links = []
    for relation in relations:
        other_id = (
            relation.related_id
            if relation.subject_id == dossier.subject_id
            else relation.subject_id
        )
        seen = visible.get(other_id)
        links.append(
            FamilyLink(
                kind_label=str(relation.get_kind_display()),
                note=relation.note,
                dossier_id=seen.pk if seen else None,
                reference=seen.reference if seen else "",
                name=str(seen.subject) if seen else "",
            )
        )
    return links

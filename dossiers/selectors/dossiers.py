"""Reads of dossiers: scoped listings, status history and the next possible steps."""

from dataclasses import dataclass

from django.db.models import QuerySet

from dossiers import access
from dossiers.models import Assessment, Dossier, DossierStatusChange, RelationKind, Signal
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
    relative_id: int | None = None  # recorded on this dossier (editable here)
    parental_authority: bool = False
    in_family_approach: bool = False
    hidden: bool = False  # a person in a dossier the user may not see: no name, no number


def dossier_family(*, dossier: Dossier, user) -> list[FamilyLink]:
    """The relatives of the dossier's person, read from both sides. A relative recorded here
    shows by name; a link to another dossier, and a relative recorded only in another dossier,
    show only when the user may see that dossier (ADR 0004)."""
    from dossiers.letters.rule import family_members

    members = family_members(dossier)
    subject_ids = {m.subject.pk for m in members if m.subject is not None}
    visible: dict[int, Dossier] = {}
    for seen in access.dossiers_for(user).filter(subject_id__in=subject_ids).order_by("pk"):
        visible.setdefault(seen.subject_id, seen)
    links = []
    for member in members:
        seen = visible.get(member.subject.pk) if member.subject is not None else None
        hidden = member.relative is None and seen is None
        links.append(
            FamilyLink(
                kind_label=str(RelationKind(member.kind).label),
                note=member.relative.note if member.relative else "",
                dossier_id=seen.pk if seen else None,
                reference=seen.reference if seen else "",
                name="" if hidden else member.name,
                relative_id=member.relative.pk if member.relative else None,
                parental_authority=member.parental_authority,
                in_family_approach=member.in_family_approach,
                hidden=hidden,
            )
        )
    return links

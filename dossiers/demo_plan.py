"""Demo plans: what the plan's guards expect of a dossier past inclusion, in bulk.

A demo dossier in, say, "plan definitief" has a first UVO, items in its plan, the plan versions
of the steps it took (with the ITAT-R's advice), a few logbook lines and contacts; one past a
closure proposal has that proposal, advised and decided as its path says. So every next step
can be taken in the demo as in real use.
"""

import datetime
import random

from django.utils import timezone

from dossiers.models import (
    ActionPlan,
    CaseMeeting,
    ClosureProposal,
    Contact,
    JournalEntry,
    MeetingAgreement,
    PlanItem,
    PlanVersion,
    ProgrammeSettings,
)
from dossiers.obligations import uvo_interval
from dossiers.workflow.states import ACTIVE_STATES
from dossiers.workflow.states import DossierState as S
from snippets.models import Intervention

VERSION_OF_STEP = {
    (S.INCLUDED, S.PLAN_SUBMITTED): "submitted",
    (S.PLAN_SUBMITTED, S.PLAN_ADVISED): "advice",
    (S.PLAN_ADVISED, S.PLAN_DEFINITIVE): "definitive",
    (S.PLAN_DEFINITIVE, S.PLAN_ADOPTED): "adopted",
    (S.PLAN_ADOPTED, S.IN_EXECUTION): "accorded",
}
DECISION_OF_STEP = {
    (S.CLOSURE_ADVISED, S.CLOSED): "close",
    (S.CLOSURE_ADVISED, S.WINDING_DOWN): "wind_down",
    (S.CLOSURE_ADVISED, S.IN_EXECUTION): "continue",
}
ADVICE = "Integraal plan; let op het netwerk (demo)."
GOALS = [
    "Elke week naar school of werk",
    "Afstand nemen van het extremistische netwerk",
    "Stabiele woonsituatie",
    "Schulden in beeld en een regeling getroffen",
    "Contact met de familie hersteld",
]


def _snapshot(items: list[PlanItem]) -> list[dict]:
    return [
        {
            "id": item.pk,
            "intervention": item.intervention.name,
            "intervention_id": item.intervention_id,
            "revision_id": item.intervention_revision_id,
            "considerations": item.considerations,
            "goal": item.goal,
            "implementer_organisation": "",
            "implementer_contact": item.implementer_contact,
            "planned_start": item.planned_start.isoformat(),
            "planned_end": "",
            "status": item.status,
            "result": "",
            "goal_attainment": "",
        }
        for item in items
    ]


def demo_plans_create(*, dossiers, paths, rng: random.Random, secretary) -> int:
    """Plans, UVOs, logbook, contacts and proposals for ``dossiers`` along their ``paths``."""
    interventions = list(
        Intervention.objects.available().order_by("name").prefetch_related("organisations")
    )
    if not interventions:
        return 0
    chosen = [
        (dossier, start, steps)
        for dossier, (start, steps) in zip(dossiers, paths, strict=True)
        if any(target == S.PLAN_SUBMITTED for _, target in steps)
    ]
    plans = ActionPlan.objects.bulk_create(ActionPlan(dossier=d) for d, _, _ in chosen)
    today = timezone.localdate()
    settings = ProgrammeSettings.load()
    items, meetings, journal, contacts = [], [], [], []
    for (dossier, start, _steps), plan in zip(chosen, plans, strict=True):
        director = dossier.case_director
        included = dossier.included_on or timezone.localdate(start)
        for goal in rng.sample(GOALS, rng.randint(1, 3)):
            intervention = rng.choice(interventions)
            implementers = sorted(intervention.organisations.all(), key=lambda o: o.pk)
            items.append(
                PlanItem(
                    plan=plan,
                    dossier=dossier,
                    intervention=intervention,
                    intervention_revision_id=intervention.live_revision_id,
                    considerations="Passend bij de risico's en de problemen (demo).",
                    goal=goal,
                    planned_start=included + datetime.timedelta(days=21),
                    implementer_organisation=rng.choice(implementers) if implementers else None,
                    added_by=director,
                )
            )
        first_uvo = included + datetime.timedelta(days=10)
        meetings.append(CaseMeeting(dossier=dossier, held_on=first_uvo, chaired_by=director))
        # A running programme holds its UVOs on time: most active dossiers had a recent one,
        # a few are overdue.
        interval = uvo_interval(dossier, settings)
        recent = today - datetime.timedelta(days=rng.randint(3, max(4, interval - 7)))
        if dossier.state in ACTIVE_STATES and recent > first_uvo and rng.random() < 0.9:
            meetings.append(CaseMeeting(dossier=dossier, held_on=recent, chaired_by=director))
        journal.append(
            JournalEntry(
                dossier=dossier,
                kind="subject_contact",
                occurred_on=included + datetime.timedelta(days=3),
                text="Kennismaking met de persoon (demo).",
                author=director,
            )
        )
        contacts.append(
            Contact(dossier=dossier, name="Demo Contactpersoon", kind="private", role="Ouder")
        )
    PlanItem.objects.bulk_create(items, batch_size=2000)
    CaseMeeting.objects.bulk_create(meetings, batch_size=2000)
    JournalEntry.objects.bulk_create(journal, batch_size=2000)
    Contact.objects.bulk_create(contacts, batch_size=2000)
    MeetingAgreement.objects.bulk_create(
        MeetingAgreement(
            case_meeting=meeting,
            dossier_id=meeting.dossier_id,
            description="Terugkoppeling aan de regisseur (demo)",
            owner="Wijkteam",
            due_on=meeting.held_on + datetime.timedelta(days=28),
        )
        for meeting in meetings
    )
    _versions_and_proposals(chosen, plans, items, secretary)
    return len(plans)


def _version(plan, dossier, number, kind, snapshot, at, secretary) -> PlanVersion:
    if kind == "adopted":
        plan.adopted_on = timezone.localdate(at)
    if kind == "accorded":
        plan.accorded_on = timezone.localdate(at)
    by_director = kind in ("submitted", "definitive")
    return PlanVersion(
        plan=plan,
        dossier=dossier,
        number=number,
        kind=kind,
        advice=ADVICE if kind == "advice" else "",
        items=snapshot,
        by=dossier.case_director if by_director else secretary,
        at=at,
    )


def _proposal_step(proposal, dossier, step, at, secretary):
    """The proposal as it stands after ``step`` (new, advised, decided), or None."""
    if step[1] == S.CLOSURE_PROPOSED:
        return ClosureProposal(
            dossier=dossier,
            kind="close",
            goals_achieved="De doelen van het plan zijn bereikt (demo).",
            considerations="Geen nieuwe signalen sinds de laatste evaluatie (demo).",
            submitted_by=dossier.case_director,
        )
    if proposal is not None and step[1] == S.CLOSURE_ADVISED:
        proposal.advice, proposal.advised_at = "Eens met het voorstel (demo).", at
    elif proposal is not None and step in DECISION_OF_STEP:
        proposal.decision = DECISION_OF_STEP[step]
        proposal.decided_on, proposal.decided_by = timezone.localdate(at), secretary
    return proposal


def _versions_and_proposals(chosen, plans, items, secretary) -> None:
    by_dossier: dict[int, list[PlanItem]] = {}
    for item in items:
        by_dossier.setdefault(item.dossier_id, []).append(item)
    versions, proposals = [], []
    for (dossier, start, steps), plan in zip(chosen, plans, strict=True):
        snapshot = _snapshot(by_dossier.get(dossier.pk, []))
        proposal = None
        for step_number, step in enumerate(steps, start=1):
            at = start + datetime.timedelta(days=14 * step_number)
            if kind := VERSION_OF_STEP.get(step):
                plan.version += 1
                versions.append(
                    _version(plan, dossier, plan.version, kind, snapshot, at, secretary)
                )
            new = _proposal_step(proposal, dossier, step, at, secretary)
            if new is not proposal:
                proposals.append(new)
            proposal = new
    PlanVersion.objects.bulk_create(versions, batch_size=2000)
    ClosureProposal.objects.bulk_create(proposals, batch_size=2000)
    ActionPlan.objects.bulk_update(plans, ["version", "adopted_on", "accorded_on"], batch_size=2000)

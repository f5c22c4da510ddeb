"""Reads of the plan and its execution for the dossier page: a fixed number of queries.

Lists that grow without bound (the logbook) are cut to the latest rows; the full logbook is
its own paged listing.
"""

import datetime
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from dossiers import access
from dossiers.models import (
    CaseMeeting,
    ClosureProposal,
    Contact,
    Dossier,
    Evaluation,
    GoalAttainment,
    JournalEntry,
    MeetingAgreement,
    PlanItem,
    PlanItemStatus,
    PlanVersion,
)

LATEST_JOURNAL_ENTRIES = 10
LATEST_CASE_MEETINGS = 5
LATEST_EVALUATIONS = 5
PLAN_PAGE_SIZE = 25
CONTACT_PAGE_SIZE = 25
AGREEMENT_PAGE_SIZE = 25


def plan_items_of(*, dossier: Dossier) -> QuerySet[PlanItem]:
    """The plan's items with their catalogue item and implementer, by planned start."""
    return (
        PlanItem.objects.filter(dossier=dossier)
        .select_related("intervention", "implementer_organisation")
        .order_by("planned_start", "pk")
    )


def plan_versions_of(*, dossier: Dossier) -> QuerySet[PlanVersion]:
    """Every frozen version of the plan, newest first, with who made it."""
    return PlanVersion.objects.filter(dossier=dossier).select_related("by").order_by("-number")


def journal_of(*, dossier: Dossier) -> QuerySet[JournalEntry]:
    """The logbook, newest first, each line with its author and what it corrects."""
    return (
        JournalEntry.objects.filter(dossier=dossier)
        .select_related("author", "corrects")
        .prefetch_related(
            Prefetch("corrections", queryset=JournalEntry.objects.select_related("author"))
        )
        .order_by("-occurred_on", "-created_at", "-pk")
    )


def open_agreements_of(*, dossier: Dossier) -> QuerySet[MeetingAgreement]:
    """Agreements from the UVOs that are not done yet: shown until they are."""
    return (
        MeetingAgreement.objects.filter(dossier=dossier, done_on__isnull=True)
        .select_related("case_meeting")
        .order_by("due_on", "pk")
    )


def case_meetings_of(*, dossier: Dossier) -> QuerySet[CaseMeeting]:
    return (
        CaseMeeting.objects.filter(dossier=dossier)
        .select_related("chaired_by")
        .prefetch_related("participant_organisations", "participant_contacts", "agreements")
        .order_by("-held_on", "-pk")
    )


def evaluations_of(*, dossier: Dossier) -> QuerySet[Evaluation]:
    return (
        Evaluation.objects.filter(dossier=dossier)
        .select_related("author")
        .prefetch_related("items__plan_item__intervention")
        .order_by("-evaluated_on", "-pk")
    )


@dataclass
class Workspace:
    """Everything the case director's dossier page shows besides the basisdossier."""

    items: list = field(default_factory=list)
    items_page: object = None
    item_counts: dict | None = None
    journal: list = field(default_factory=list)
    journal_count: int = 0
    contacts: list = field(default_factory=list)
    contacts_page: object = None
    case_meetings: list = field(default_factory=list)
    open_agreements: list = field(default_factory=list)
    agreements_page: object = None
    evaluations: list = field(default_factory=list)
    proposals: list = field(default_factory=list)
    version: PlanVersion | None = None
    shows_plan: bool = False
    shows_journal: bool = False
    shows_contacts: bool = False
    shows_meetings: bool = False
    shows_evaluations: bool = False

    @property
    def escalated(self) -> bool:
        return bool(self.case_meetings) and self.case_meetings[0].escalation

    @property
    def status_counts(self) -> list[tuple[str, int]]:
        counts = dict.fromkeys(PlanItemStatus, 0)
        if self.item_counts is not None:  # counted in SQL over every page
            counts.update({PlanItemStatus(s): n for s, n in self.item_counts.items()})
        else:
            for item in self.items:
                counts[PlanItemStatus(item.status)] += 1
        return [(str(status.label), n) for status, n in counts.items() if n]


def dossier_workspace(
    *, dossier: Dossier, user, plan_page=1, contact_page=1, agreement_page=1
) -> Workspace:
    """The plan, latest logbook lines, contacts, UVOs, evaluations and proposals of a dossier,
    each only when the user's role may read it; a fixed number of queries per page (the plan,
    the contacts and the open agreements are paged, each on its own page number)."""
    perm = lambda name: access.has_permission(user, f"dossiers.view_{name}")  # noqa: E731
    space = Workspace()
    if dossier.included_on is None:
        return space  # no plan before inclusion
    if perm("planitem"):
        space.shows_plan = True
        # One page of the plan: the page's query count and time stay flat for long plans.
        space.items_page = Paginator(plan_items_of(dossier=dossier), PLAN_PAGE_SIZE).get_page(
            plan_page
        )
        space.items = list(space.items_page.object_list)
        space.item_counts = dict(
            PlanItem.objects.filter(dossier=dossier)
            .order_by()
            .values_list("status")
            .annotate(n=Count("pk"))
        )
        space.version = plan_versions_of(dossier=dossier).first()
    if perm("journalentry"):
        space.shows_journal = True
        space.journal = list(journal_of(dossier=dossier)[:LATEST_JOURNAL_ENTRIES])
        space.journal_count = JournalEntry.objects.filter(dossier=dossier).count()
    if perm("contact"):
        space.shows_contacts = True
        contacts = Contact.objects.filter(dossier=dossier).order_by("-active", "name", "pk")
        space.contacts_page = Paginator(contacts, CONTACT_PAGE_SIZE).get_page(contact_page)
        space.contacts = list(space.contacts_page.object_list)
    if perm("casemeeting"):
        space.shows_meetings = True
        space.case_meetings = list(case_meetings_of(dossier=dossier)[:LATEST_CASE_MEETINGS])
        space.agreements_page = Paginator(
            open_agreements_of(dossier=dossier), AGREEMENT_PAGE_SIZE
        ).get_page(agreement_page)
        space.open_agreements = list(space.agreements_page.object_list)
    if perm("evaluation"):
        space.shows_evaluations = True
        space.evaluations = list(evaluations_of(dossier=dossier)[:LATEST_EVALUATIONS])
    if perm("closureproposal"):
        space.proposals = list(
            ClosureProposal.objects.filter(dossier=dossier)
            .select_related("submitted_by", "decided_by")
            .order_by("-submitted_at", "-pk")
        )
    return space


# --- comparing two versions -------------------------------------------------------------


@dataclass
class ItemChange:
    name: str
    change: str  # "added", "removed", "changed"
    fields: list = field(default_factory=list)  # (label, old, new)

    @property
    def label(self) -> str:
        return {
            "added": _("toegevoegd"),
            "removed": _("niet meer in het plan"),
            "changed": _("gewijzigd"),
        }[self.change]


def _display(key: str, value) -> str:
    if key in ("planned_start", "planned_end") and value:
        return date_format(datetime.date.fromisoformat(value), "j F Y")
    if key == "status" and value:
        return str(PlanItemStatus(value).label)
    if key == "goal_attainment":
        return str(GoalAttainment(value or "").label)
    return str(value or "—")


def _labels() -> dict[str, str]:
    from dossiers.execution.plan_services import ITEM_FIELDS

    return {name: str(PlanItem._meta.get_field(name).verbose_name) for name in ITEM_FIELDS}


def _item_name(item: dict) -> str:
    goal = item.get("goal") or ""
    short = goal if len(goal) <= 50 else f"{goal[:47]}..."
    return f"{item['intervention']} ({short})" if short else item["intervention"]


def plan_version_diff(*, older: PlanVersion, newer: PlanVersion) -> list[ItemChange]:
    """What changed in the plan's items between two versions: added, removed, changed fields."""
    before = {item["id"]: item for item in older.items}
    after = {item["id"]: item for item in newer.items}
    labels = _labels()
    changes = []
    for item_id, item in after.items():
        old = before.get(item_id, {})
        fields = [
            (label, _display(key, old.get(key)), _display(key, item.get(key)))
            for key, label in labels.items()
            if old.get(key) != item.get(key) and (old or item.get(key))
        ]
        if fields or not old:
            change = "changed" if old else "added"
            changes.append(ItemChange(_item_name(item), change, fields))
    for item_id, item in before.items():
        if item_id not in after:
            changes.append(ItemChange(_item_name(item), "removed"))
    return changes

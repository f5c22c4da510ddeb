"""Reads of agendas: a meeting's items in the user's scope, and the dossiers due for it.

Every dossier query starts from ``dossiers.access``: a participant sees the items of the
dossiers in their own scope only (a case director their own, an ITAT-R member their
organisation's), the secretary what the Regieoverleg may see.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from dossiers import access
from dossiers.models import (
    AgendaItem,
    AgendaItemKind,
    Dossier,
    DossierStatusChange,
    Meeting,
    ObligationKind,
)
from dossiers.models import MeetingKind as K
from dossiers.obligations import dossier_obligation_list
from dossiers.workflow.states import DossierState as S

#: which dossier states put a dossier on which meeting's agenda, as which kind of item
DUE_STATES: dict[str, dict[str, str]] = {
    K.ADVISORY: {
        S.PLAN_SUBMITTED: AgendaItemKind.CONCEPT_PLAN,
        S.CLOSURE_PROPOSED: AgendaItemKind.CLOSURE,
    },
    K.STEERING: {
        S.AWAITING_DECISION: AgendaItemKind.DECISION,
        S.PLAN_DEFINITIVE: AgendaItemKind.DEFINITIVE_PLAN,
        S.CLOSURE_ADVISED: AgendaItemKind.CLOSURE,
    },
}


@dataclass(frozen=True)
class Proposal:
    """A dossier the secretary may put on the agenda, with why."""

    dossier: Dossier
    kind: str
    reason: Promise | str

    @property
    def kind_label(self) -> str:
        return AgendaItemKind(self.kind).label


@dataclass(frozen=True)
class Slot:
    """An agenda item with its slot's start and end time."""

    item: AgendaItem
    start: datetime.time
    end: datetime.time


def agenda_meetings_for(*, user, on: datetime.date) -> QuerySet[Meeting]:
    """Meetings from a week ago on, for the agenda overview (meetings hold no case data)."""
    if not access.has_permission(user, "dossiers.view_agendaitem"):
        return Meeting.objects.none()
    return Meeting.objects.filter(date__gte=on - datetime.timedelta(days=7)).select_related(
        "series"
    )


def agenda_items_for(*, meeting: Meeting, user) -> QuerySet[AgendaItem]:
    """The meeting's items whose dossier ``user`` may see, in slot order."""
    return access.children_for(user, meeting.items.all()).select_related(
        "meeting__series",
        "dossier__subject",
        "dossier__case_director",
        "dossier__case_director_organisation",
        "decided_by",
    )


def item_slot(item: AgendaItem) -> Slot:
    start = item.slot_start()
    minutes = datetime.timedelta(minutes=item.meeting.series.slot_minutes)
    end = (datetime.datetime.combine(item.meeting.date, start) + minutes).time()
    return Slot(item=item, start=start, end=end)


def agenda_slots_for(*, meeting: Meeting, user) -> list[Slot]:
    """The visible items with their slot times (a hidden item still takes its slot)."""
    return [item_slot(item) for item in agenda_items_for(meeting=meeting, user=user)]


def meeting_end(meeting: Meeting) -> datetime.datetime:
    """Start plus one slot per item (at least one): when the agenda is done."""
    slots = max(meeting.items.count(), 1)
    start = datetime.datetime.combine(meeting.date, meeting.start_time)
    return start + datetime.timedelta(minutes=slots * meeting.series.slot_minutes)


def _escalated(dossier_ids: list[int]) -> set[int]:
    """Dossiers whose latest move to "plan submitted" came from execution: an escalation."""
    latest: dict[int, str] = {}
    rows = DossierStatusChange.objects.filter(
        dossier_id__in=dossier_ids, to_state=S.PLAN_SUBMITTED
    ).order_by("at", "pk")
    for dossier_id, from_state in rows.values_list("dossier_id", "from_state"):
        latest[dossier_id] = from_state
    return {pk for pk, source in latest.items() if source == S.IN_EXECUTION}


def _busy_elsewhere(meeting: Meeting) -> QuerySet[AgendaItem]:
    """Undecided items of the same series on other meetings still to come."""
    return AgendaItem.objects.filter(
        meeting__series_id=meeting.series_id,
        meeting__date__gte=timezone.localdate(),
        decision="",
    ).exclude(meeting=meeting)


def _planned_concept_plans(meeting: Meeting, candidates: QuerySet[Dossier]) -> list[Proposal]:
    """Included dossiers whose concept plan the obligations engine puts in this ITAT-R."""
    included = candidates.filter(state=S.INCLUDED).select_related(
        "subject", "case_director", "case_director_organisation"
    )
    return [
        Proposal(
            dossier=obligation.dossier,
            kind=AgendaItemKind.CONCEPT_PLAN,
            reason=_("Conceptplan verwacht (uiterlijk %(date)s), nog niet ingediend")
            % {"date": f"{obligation.due_on:%d-%m-%Y}"},
        )
        for obligation in dossier_obligation_list(included)
        if obligation.kind == ObligationKind.CONCEPT_PLAN and obligation.meeting == meeting
    ]


def agenda_proposals(*, meeting: Meeting, user) -> list[Proposal]:
    """The dossiers due for this meeting, derived from their states, not yet on an agenda."""
    due = DUE_STATES[meeting.series.kind]
    taken = {*meeting.items.values_list("dossier_id", flat=True)}
    taken |= {*_busy_elsewhere(meeting).values_list("dossier_id", flat=True)}
    candidates = access.dossiers_for(user).exclude(pk__in=taken)
    dossiers = list(
        candidates.filter(state__in=list(due))
        .select_related("subject", "case_director", "case_director_organisation")
        .order_by("state_changed_at", "pk")
    )
    escalated = _escalated([d.pk for d in dossiers if d.state == S.PLAN_SUBMITTED])
    proposals = []
    for dossier in dossiers:
        kind = due[dossier.state]
        if dossier.pk in escalated:
            kind = AgendaItemKind.ESCALATION
        proposals.append(Proposal(dossier=dossier, kind=kind, reason=dossier.get_state_display()))
    if meeting.series.kind == K.ADVISORY:
        proposals += _planned_concept_plans(meeting, candidates)
    return proposals


def dossier_agenda_slots(*, dossier: Dossier, on: datetime.date) -> list[Slot]:
    """The dossier's places on agendas of meetings from ``on`` on, or still undecided."""
    items = (
        AgendaItem.objects.filter(dossier=dossier)
        .filter(Q(meeting__date__gte=on) | Q(decision=""))
        .select_related("meeting__series", "dossier")
        .order_by("meeting__date", "position")
    )
    return [item_slot(item) for item in items]

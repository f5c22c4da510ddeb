"""The obligations engine: every open obligation of every dossier, derived, never stored.

One function computes them from the status history, ``included_on``, the meeting calendar and
the programme settings (docs/spec/domain.md, "How the system reads the deadline rules"). The
reminder scan and the dossier page read it; the start page's queues read its output as stored by
``dossiers.services.deadlines`` (``DossierDeadline``, ``Dossier.next_due_on``). A changed setting
moves what is still open; what was done is history and stays as it was.

Things other features record (notification letters, UVOs, evaluations) tell the engine they
were done through ``register_completion``: a source gets dossier ids and returns, per dossier,
the dates on which that thing was done. Until a source is registered nothing counts as done.
"""

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dossiers.meetings.calendar import MeetingCalendar
from dossiers.models import (
    Dossier,
    DossierStatusChange,
    Meeting,
    MeetingKind,
    MeetingStatus,
    ObligationKind,
    ProgrammeSettings,
)
from dossiers.workflow.states import ACTIVE_STATES
from dossiers.workflow.states import DossierState as S

# Who is reminded, by permission (roles are data); a dossier's own case director by user id.
LETTER_PERMISSION = "dossiers.receive_letter_reminders"
AGENDA_PERMISSION = "dossiers.manage_agenda"
ADVISORY_PERMISSION = "dossiers.advise_organisation_dossiers"
EXECUTION_STATES = frozenset(
    {S.PLAN_ADOPTED, S.IN_EXECUTION, S.CLOSURE_PROPOSED, S.CLOSURE_ADVISED, S.WINDING_DOWN}
)
HISTORY_STATES = (S.PLAN_SUBMITTED, S.PLAN_ADVISED, S.PLAN_ADOPTED)

CompletionSource = Callable[[list[int]], dict[int, list[datetime.date]]]
_completion_sources: dict[str, list[CompletionSource]] = defaultdict(list)


def register_completion(kind: str, source: CompletionSource) -> None:
    """Let another feature say when a letter, UVO or evaluation was done (see module doc)."""
    if source not in _completion_sources[kind]:
        _completion_sources[kind].append(source)


@dataclass(frozen=True)
class DatesPerDossier:
    """A completion source read from a model: for dossier ids, the dates in ``field``.

    Equal by value, so registering it again (``ready()`` run twice) adds nothing.
    """

    model_label: str
    field: str

    def __call__(self, dossier_ids: list[int]) -> dict[int, list[datetime.date]]:
        from django.apps import apps

        model = apps.get_model(self.model_label)
        found: dict[int, list[datetime.date]] = {}
        rows = model.objects.filter(dossier_id__in=dossier_ids).values_list(
            "dossier_id", self.field
        )
        for dossier_id, day in rows:
            found.setdefault(dossier_id, []).append(day)
        return found


def unregister_completion(kind: str, source: CompletionSource) -> None:
    if source in _completion_sources[kind]:
        _completion_sources[kind].remove(source)


@dataclass(frozen=True)
class Obligation:
    """One open obligation: what, by when, who, and the rule it comes from."""

    key: str
    kind: str
    due_on: datetime.date
    rule: str
    dossier: Dossier | None = None
    meeting: Meeting | None = None
    responsible_user_id: int | None = None
    responsible_permission: str = ""
    escalation_permission: str = ADVISORY_PERMISSION
    escalation_organisation_id: int | None = None

    @property
    def label(self) -> str:
        return ObligationKind(self.kind).label

    def overdue(self, on: datetime.date) -> bool:
        return self.due_on < on


@dataclass
class _Context:
    settings: ProgrammeSettings
    calendar: MeetingCalendar
    history: dict[int, dict[str, list[datetime.date]]]
    done: dict[str, dict[int, list[datetime.date]]]
    adopted_on: dict[int, datetime.date] = None  # the adoption decision's own date, per dossier


def _days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


def _load_context(dossier_ids: list[int], calendar: MeetingCalendar | None) -> _Context:
    history: dict[int, dict[str, list[datetime.date]]] = defaultdict(lambda: defaultdict(list))
    rows = DossierStatusChange.objects.filter(
        dossier_id__in=dossier_ids, to_state__in=HISTORY_STATES
    ).values_list("dossier_id", "to_state", "at")
    for dossier_id, to_state, at in rows.order_by("at", "pk"):
        history[dossier_id][to_state].append(timezone.localdate(at))
    done: dict[str, dict[int, list[datetime.date]]] = {}
    for kind, sources in _completion_sources.items():
        merged: dict[int, list[datetime.date]] = defaultdict(list)
        for source in sources:
            for dossier_id, dates in source(dossier_ids).items():
                merged[dossier_id].extend(dates)
        done[kind] = merged
    from dossiers.models import ActionPlan

    adopted_on = dict(
        ActionPlan.objects.filter(dossier_id__in=dossier_ids, adopted_on__isnull=False).values_list(
            "dossier_id", "adopted_on"
        )
    )
    return _Context(
        settings=ProgrammeSettings.load(),
        calendar=calendar or MeetingCalendar.load(),
        history=history,
        done=done,
        adopted_on=adopted_on,
    )


def _base(dossier: Dossier, kind: str, due_on, rule, **extra) -> Obligation:
    fields = {
        "responsible_user_id": dossier.case_director_id,
        "escalation_organisation_id": dossier.case_director_organisation_id,
        **extra,
    }
    return Obligation(
        key=f"{kind}:{dossier.pk}",
        kind=kind,
        due_on=due_on,
        rule=str(rule),
        dossier=dossier,
        **fields,
    )


def _letter(dossier, ctx) -> Obligation | None:
    if ctx.done.get(ObligationKind.LETTER, {}).get(dossier.pk):
        return None
    days = ctx.settings.letter_days
    return _base(
        dossier,
        ObligationKind.LETTER,
        dossier.included_on + _days(days),
        _("Besluit opnemen + %(days)s dagen") % {"days": days},
        responsible_user_id=None,
        responsible_permission=LETTER_PERMISSION,
        escalation_permission=LETTER_PERMISSION,
        escalation_organisation_id=None,
    )


def advisory_meeting_after(
    included_on: datetime.date, settings: ProgrammeSettings, calendar: MeetingCalendar
) -> Meeting | None:
    """The ITAT-R date of a dossier included on ``included_on``: the first ITAT-R that takes
    place (holidays skipped) on or after assignment + the lead days. The one rule: the
    obligations below and the monitor's advice term read it."""
    earliest = included_on + _days(settings.advisory_lead_days)
    return calendar.first_on_or_after(MeetingKind.ADVISORY, earliest)


def advisory_meeting_for(dossier: Dossier, ctx: _Context) -> Meeting | None:
    """The ITAT-R date: the first ITAT-R on or after assignment + the lead days."""
    return advisory_meeting_after(dossier.included_on, ctx.settings, ctx.calendar)


def _concept_plan_and_first_uvo(dossier, ctx) -> list[Obligation]:
    submitted = ctx.history[dossier.pk].get(S.PLAN_SUBMITTED)
    meeting = advisory_meeting_for(dossier, ctx)
    if submitted or meeting is None:
        return []
    found = []
    if dossier.state == S.INCLUDED:
        rule = _("ITAT-R van %(date)s min %(days)s dagen") % {
            "date": f"{meeting.date:%d-%m-%Y}",
            "days": meeting.series.cutoff_days,
        }
        found.append(
            _base(dossier, ObligationKind.CONCEPT_PLAN, meeting.cutoff_date, rule, meeting=meeting)
        )
        if not ctx.done.get(ObligationKind.UVO, {}).get(dossier.pk):
            uvo_rule = _("Eerste UVO vóór de stukken voor het ITAT-R: %(rule)s") % {"rule": rule}
            found.append(
                _base(dossier, ObligationKind.UVO, meeting.cutoff_date, uvo_rule, meeting=meeting)
            )
    return found


def uvo_interval(dossier: Dossier | None, settings: ProgrammeSettings) -> int:
    """Days between two UVOs for ``dossier``: its own interval when the case director set one
    (handbook: "ook vaker of tijdelijk met een lagere frequentie"), else the programme's."""
    own = getattr(dossier, "uvo_interval_days", None) if dossier is not None else None
    return own or settings.uvo_interval_days


def uvo_term_start(held: Iterable[datetime.date]) -> datetime.date | None:
    """Where the next UVO's term runs from: the last UVO held; None before the first UVO."""
    return max(held, default=None)


def uvo_due(
    held: Iterable[datetime.date], settings: ProgrammeSettings, dossier: Dossier | None = None
) -> datetime.date | None:
    """The next UVO's due date: the last UVO held + the interval; None before the first UVO.

    The one rule for later UVOs: the obligations below and the monitor's compliance read it
    (the monitor through the term start stored per UVO, ``dossiers.services.terms``).
    """
    start = uvo_term_start(held)
    return start + _days(uvo_interval(dossier, settings)) if start else None


def adoption_date(
    recorded_on: datetime.date | None, decided_on: datetime.date | None
) -> datetime.date | None:
    """The adoption an evaluation on a past day ran from, the day the step to "plan adopted" was
    recorded (``recorded_on``, the last on or before that day) read as the engine reads it: the
    decision's own date when recorded and not later (a decision recorded a day late counts from
    the decision)."""
    if recorded_on is None:
        return None
    return decided_on if decided_on is not None and decided_on <= recorded_on else recorded_on


class StepHistory:
    """A dossier's status history as (local day, state) pairs in the order the steps were
    taken, read as the engine reads it on a given day: the monitor's stored terms
    (``dossiers.services.terms``) and the facts of a deleted case (``reports.selectors``)."""

    def __init__(self, steps: Iterable[tuple[datetime.date, str]]):
        self.steps = list(steps)

    def state_on(self, on: datetime.date) -> str | None:
        """The state at the end of ``on``; None before the first step."""
        states = [state for changed_on, state in self.steps if changed_on <= on]
        return states[-1] if states else None

    def adopted_on(
        self, on: datetime.date, decided_on: datetime.date | None
    ) -> datetime.date | None:
        """The adoption an evaluation on ``on`` ran from (``adoption_date``), or None."""
        adopted = [d for d, state in self.steps if state == S.PLAN_ADOPTED and d <= on]
        return adoption_date(adopted[-1] if adopted else None, decided_on)


def evaluation_term_start(
    adopted_on: datetime.date, evaluated: Iterable[datetime.date]
) -> datetime.date:
    """Where the next evaluation's term runs from: the last evaluation since adoption, else the
    adoption."""
    return max((d for d in evaluated if d >= adopted_on), default=adopted_on)


def evaluation_due(
    adopted_on: datetime.date, evaluated: Iterable[datetime.date], settings: ProgrammeSettings
) -> datetime.date:
    """The next evaluation's due date: the last evaluation since adoption (else the adoption)
    + the interval. The one rule: the obligations below and the monitor's compliance read it."""
    return evaluation_term_start(adopted_on, evaluated) + _days(settings.evaluation_interval_days)


def _later_uvo(dossier, ctx) -> Obligation | None:
    due = uvo_due(ctx.done.get(ObligationKind.UVO, {}).get(dossier.pk, []), ctx.settings, dossier)
    if due is None:
        return None
    days = uvo_interval(dossier, ctx.settings)
    if dossier.uvo_interval_days:
        rule = _("Vorige UVO + %(days)s dagen (interval van dit dossier)") % {"days": days}
    else:
        rule = _("Vorige UVO + %(days)s dagen") % {"days": days}
    return _base(dossier, ObligationKind.UVO, due, rule)


def _definitive_plan(dossier, ctx) -> Obligation | None:
    advised = ctx.history[dossier.pk].get(S.PLAN_ADVISED)
    if dossier.state != S.PLAN_ADVISED or not advised:
        return None
    # The ITAT-R that discussed the plan: the last one held on or before the advice was recorded.
    discussed = ctx.calendar.last_on_or_before(MeetingKind.ADVISORY, advised[-1])
    submitted = ctx.history[dossier.pk].get(S.PLAN_SUBMITTED)
    if discussed and submitted and discussed.date < submitted[-1]:
        # advice recorded without a meeting: an ITAT-R held before the plan existed is not it
        discussed = None
    discussed_on = discussed.date if discussed else advised[-1]
    meeting = ctx.calendar.first_with_cutoff_after(MeetingKind.STEERING, discussed_on)
    if meeting is None:
        return None
    rule = _("Eerste Regieoverleg met inleverdatum na het ITAT-R van %(date)s") % {
        "date": f"{discussed_on:%d-%m-%Y}"
    }
    return _base(
        dossier, ObligationKind.DEFINITIVE_PLAN, meeting.cutoff_date, rule, meeting=meeting
    )


def _evaluation(dossier, ctx) -> Obligation | None:
    # The clock runs from the adoption decision's date, not from the day it was recorded.
    adopted = ctx.history[dossier.pk].get(S.PLAN_ADOPTED)
    if dossier.state not in EXECUTION_STATES or not adopted:
        return None
    adopted = [(ctx.adopted_on or {}).get(dossier.pk) or adopted[-1]]
    evaluated = ctx.done.get(ObligationKind.EVALUATION, {}).get(dossier.pk, [])
    days = ctx.settings.evaluation_interval_days
    if any(d >= adopted[-1] for d in evaluated):
        rule = _("Vorige evaluatie + %(days)s dagen") % {"days": days}
    else:
        rule = _("Plan vastgesteld + %(days)s dagen") % {"days": days}
    due = evaluation_due(adopted[-1], evaluated, ctx.settings)
    return _base(dossier, ObligationKind.EVALUATION, due, rule)


def _for_dossier(dossier: Dossier, ctx: _Context) -> list[Obligation]:
    if dossier.state not in ACTIVE_STATES or dossier.included_on is None:
        return []
    found = [_letter(dossier, ctx), _later_uvo(dossier, ctx)]
    found += _concept_plan_and_first_uvo(dossier, ctx)
    found += [_definitive_plan(dossier, ctx), _evaluation(dossier, ctx)]
    return [o for o in found if o is not None]


def _agenda(calendar: MeetingCalendar, on: datetime.date) -> list[Obligation]:
    return [
        Obligation(
            key=f"{ObligationKind.AGENDA}:{meeting.pk}",
            kind=ObligationKind.AGENDA,
            due_on=meeting.agenda_due_date,
            rule=str(
                _("%(meeting)s min %(days)s dagen")
                % {"meeting": meeting, "days": meeting.series.agenda_lead_days}
            ),
            meeting=meeting,
            responsible_permission=AGENDA_PERMISSION,
            escalation_permission=AGENDA_PERMISSION,
        )
        for meeting in calendar.upcoming(on)
        if meeting.agenda_published_at is None and meeting.status == MeetingStatus.PLANNED
    ]


def dossier_obligation_list(
    dossiers: QuerySet[Dossier] | Iterable[Dossier], *, calendar: MeetingCalendar | None = None
) -> list[Obligation]:
    """Every open obligation of ``dossiers``, in a fixed number of queries, by due date."""
    if isinstance(dossiers, QuerySet):
        dossiers = dossiers.filter(state__in=ACTIVE_STATES, included_on__isnull=False)
    dossiers = list(dossiers)
    ctx = _load_context([d.pk for d in dossiers], calendar)
    found = [o for dossier in dossiers for o in _for_dossier(dossier, ctx)]
    return sorted(found, key=lambda o: (o.due_on, o.key))


def obligations_open(
    *, on: datetime.date, dossiers: QuerySet[Dossier] | None = None, agendas: bool = True
):
    """Every open obligation (dossiers' and agendas'), however far its due date, by due date."""
    calendar = MeetingCalendar.load()
    queryset = Dossier.objects.all() if dossiers is None else dossiers
    found = dossier_obligation_list(queryset.select_related("case_director"), calendar=calendar)
    if agendas:
        found += _agenda(calendar, on)
    return sorted(found, key=lambda o: (o.due_on, o.key))


def obligations_due(*, on: datetime.date) -> list[Obligation]:
    """The open obligations whose first reminder date has come: the reminder scan's input."""
    lead = _days(ProgrammeSettings.load().reminder_before_days)
    return [o for o in obligations_open(on=on) if o.due_on - lead <= on]


def dossier_obligations(*, dossier: Dossier) -> list[Obligation]:
    """The open obligations of one dossier, next first: its "next deadlines"."""
    return dossier_obligation_list([dossier])

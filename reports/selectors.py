"""Selectors of the monitor: aggregate figures for a period, never rows or names.

The monitor counts over all dossiers (not the user's scope): it is an aggregate report for the
programme team and steering, guarded by ``monitor.view_monitor`` and small-count suppression.
Every figure adds the stored facts of cases that retention deleted (``reports.facts``), so a
past period's numbers stay the same after its cases are gone.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractDay, ExtractMonth, ExtractYear, TruncDate
from django.db.models.lookups import GreaterThan
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dossiers.meetings.calendar import MeetingCalendar
from dossiers.models import (
    CaseMeeting,
    Dossier,
    DossierDeadline,
    DossierStatusChange,
    Evaluation,
    EvaluationItem,
    Gender,
    NotificationLetter,
    ObligationKind,
    PlanItem,
    ProgrammeSettings,
    Signal,
    SourceType,
)
from dossiers.models.plan_item import CLOSED_ITEM_STATUSES, GoalAttainment, PlanItemStatus
from dossiers.obligations import (
    EXECUTION_STATES,
    StepHistory,
    adoption_date,
    advisory_meeting_after,
    evaluation_due,
    uvo_due,
)
from dossiers.workflow.states import DossierState
from reports.facts import day, facts_read_once, in_period, stored_facts
from reports.models import MonitorSnapshot
from reports.periods import Period
from reports.suppression import suppress
from snippets.models import Intervention, RiskGroup
from snippets.models.intervention import InterventionDomain, SpecialKind

OUTFLOW_STATES = (
    DossierState.TRIAGE_CLOSED,
    DossierState.REGULAR_TRACK,
    DossierState.NOT_INCLUDED,
    DossierState.CLOSED,
)


@dataclass
class Table:
    """One monitor table: a title and (label, raw count) rows; ``shown`` applies suppression."""

    key: str
    title: str
    rows: list[tuple[str, int]] = field(default_factory=list)

    @property
    def shown(self) -> list[tuple[str, int | str]]:
        return [(label, suppress(count)) for label, count in self.rows]


ONE_DAY = datetime.timedelta(days=1)


def _day_start(on: datetime.date) -> datetime.datetime:
    """Midnight at the start of ``on`` in the current time zone.

    ``localdate(x) >= on`` is ``x >= _day_start(on)`` and ``localdate(x) <= on`` is
    ``x < _day_start(on + 1 day)``: a plain range on the stored value, which an index can use,
    instead of converting every row to a local date (``__date``), which no index can.
    """
    return timezone.make_aware(datetime.datetime.combine(on, datetime.time.min))


def _in_days(prefix: str, period: Period) -> dict[str, datetime.datetime]:
    """Filter arguments: the datetime field ``prefix`` falls on a day of ``period``."""
    return {
        f"{prefix}__gte": _day_start(period.start),
        f"{prefix}__lt": _day_start(period.end + ONE_DAY),
    }


def _dossiers_registered(period: Period):
    return Dossier.objects.filter(**_in_days("created_at", period))


def inflow_by_source_type(*, period: Period) -> Table:
    """Signals received in the period, per kind of reporter."""
    counts = dict(
        Signal.objects.filter(received_on__gte=period.start, received_on__lte=period.end)
        .values_list("source_type")
        .annotate(n=Count("pk"))
    )
    for fact in stored_facts():
        for received_on, source_type in fact["signals"]:
            if in_period(received_on, period):
                counts[source_type] = counts.get(source_type, 0) + 1
    rows = [(str(label), counts.get(value, 0)) for value, label in SourceType.choices]
    return Table("inflow_source", str(_("Instroom meldingen naar soort melder")), rows)


def inflow_by_risk_group(*, period: Period) -> Table:
    """Dossiers registered in the period, per risk group of their assessment (can be several)."""
    dossiers = _dossiers_registered(period)
    counts = dict(
        dossiers.filter(assessment__risk_groups__isnull=False)
        .values_list("assessment__risk_groups")
        .annotate(n=Count("pk", distinct=True))
    )
    without = dossiers.filter(assessment__risk_groups__isnull=True).aggregate(
        n=Count("pk", distinct=True)
    )["n"]
    for fact in stored_facts():
        if in_period(fact["created_on"], period):
            for group in fact["risk_groups"]:
                counts[group] = counts.get(group, 0) + 1
            without += not fact["risk_groups"]
    rows = [(str(group), counts.get(group.pk, 0)) for group in RiskGroup.objects.order_by("number")]
    rows.append((str(_("Geen risicogroep vastgesteld")), without))
    return Table("inflow_risk_group", str(_("Instroom dossiers naar risicogroep")), rows)


def _day_number(year, month, day):
    """A date as the number YYYYMMDD, so dates compare as numbers in any database."""
    return year * 10000 + month * 100 + day


def _last_adult_birth_date(on: datetime.date) -> datetime.date:
    """Born on or before this day is 18 or older on ``on`` (``reports.facts.age_band``)."""
    try:
        return on.replace(year=on.year - 18)
    except ValueError:  # 29 February: 18 on the 1st of March in a common year
        return on.replace(year=on.year - 18, day=28)


def _age_band_at_registration(period: Period) -> Case:
    """``reports.facts.age_band`` of the subject on the (local) day of registration, in SQL,
    for dossiers registered in ``period``.

    Whoever was born after the last adult birth date of the period's end is a minor on every
    day of it, and whoever was born on or before that of its start an adult; only the births in
    between are compared with their own day of registration, as YYYYMMDD numbers (under 18 on
    day D is ``birth > D - 180000``, which also holds for a 29 February on either side).
    """
    born = "subject__birth_date"
    registered = _day_number(
        ExtractYear("created_at"), ExtractMonth("created_at"), ExtractDay("created_at")
    )
    birth = _day_number(ExtractYear(born), ExtractMonth(born), ExtractDay(born))
    return Case(
        When(**{f"{born}__isnull": True}, then=Value("unknown")),
        When(**{f"{born}__gt": _last_adult_birth_date(period.end)}, then=Value("minor")),
        When(**{f"{born}__lte": _last_adult_birth_date(period.start)}, then=Value("adult")),
        When(GreaterThan(birth, registered - 18 * 10000), then=Value("minor")),
        default=Value("adult"),
        output_field=CharField(),
    )


def inflow_by_gender_and_age(*, period: Period) -> Table:
    """Dossiers registered in the period, per gender and minor/adult at registration."""
    counts: dict[tuple[str, str], int] = {}
    rows = (
        _dossiers_registered(period)
        .annotate(band=_age_band_at_registration(period))
        .values_list("subject__gender", "band")
        .annotate(n=Count("pk"))
    )
    for gender, band, n in rows:
        key = (gender or Gender.OTHER, band)
        counts[key] = counts.get(key, 0) + n
    for fact in stored_facts():
        if in_period(fact["created_on"], period):
            key = (fact["gender"] or Gender.OTHER, fact["age_band"])
            counts[key] = counts.get(key, 0) + 1
    bands = [
        ("minor", _("minderjarig")),
        ("adult", _("meerderjarig")),
        ("unknown", _("leeftijd onbekend")),
    ]
    rows = [
        (f"{gender_label}, {band_label}", counts.get((gender, band), 0))
        for gender, gender_label in Gender.choices
        for band, band_label in bands
    ]
    return Table("inflow_gender_age", str(_("Instroom dossiers naar geslacht en leeftijd")), rows)


def outflow_by_reason(*, period: Period) -> Table:
    """Dossiers that left the approach in the period, per way out (status history)."""
    counts = dict(
        DossierStatusChange.objects.filter(to_state__in=OUTFLOW_STATES, **_in_days("at", period))
        .values_list("to_state")
        .annotate(n=Count("dossier", distinct=True))
    )
    for fact in stored_facts():
        left = {state for on, state in fact["history"] if in_period(on, period)}
        for state in left.intersection(OUTFLOW_STATES):
            counts[state] = counts.get(state, 0) + 1
    rows = [(str(DossierState(state).label), counts.get(state, 0)) for state in OUTFLOW_STATES]
    return Table("outflow_reason", str(_("Uitstroom naar reden")), rows)


def _state_before(moment: datetime.datetime) -> Subquery:
    """The state of the dossier (``OuterRef("pk")``) just before ``moment``: its last step."""
    return Subquery(
        DossierStatusChange.objects.filter(dossier=OuterRef("pk"), at__lt=moment)
        .order_by("-at", "-pk")
        .values("to_state")[:1]
    )


def dossiers_by_state_at_end(*, period: Period, end: "EndOfDay | None" = None) -> Table:
    """Dossiers per state on the last day of the period (``end_of_day``; ``end``: already read
    for the page)."""
    counts = (end or end_of_day(period.end)).states
    rows = [(str(label), counts.get(value, 0)) for value, label in DossierState.choices]
    return Table("state_at_end", str(_("Dossiers per status aan het eind van de periode")), rows)


def advisory_deadline_compliance(*, period: Period) -> Table:
    """Of the dossiers included in the period: was the ITAT-R advice in time? In time is on or
    before the ITAT-R the obligations engine set for the dossier (``advisory_meeting_after``:
    the first meeting that takes place at least the lead days after inclusion)."""
    today = timezone.localdate()
    # (included on, first advice on, number of dossiers): grouped in the database; the first
    # advice's day is the dossier's own ``advised_on``, written by the step
    groups = list(
        Dossier.objects.filter(included_on__gte=period.start, included_on__lte=period.end)
        .values_list("included_on", "advised_on")
        .annotate(n=Count("pk"))
        .order_by()
    )
    groups += [
        (day(fact["included_on"]), day(fact["advised_on"]), 1)
        for fact in stored_facts()
        if in_period(fact["included_on"], period)
    ]
    programme, calendar = ProgrammeSettings.load(), MeetingCalendar.load()
    counts = {"in_time": 0, "late": 0, "overdue": 0, "pending": 0}
    for included_on, advised_on, n in groups:
        meeting = advisory_meeting_after(included_on, programme, calendar)
        due = meeting.date if meeting else None
        if advised_on is not None:
            counts["in_time" if due is None or advised_on <= due else "late"] += n
        else:
            counts["overdue" if due is not None and today > due else "pending"] += n
    labels = {
        "in_time": _("Advies in het ITAT-R waarvoor het dossier was gepland (of eerder)"),
        "late": _("Advies in een later ITAT-R"),
        "overdue": _("Nog geen advies, het geplande ITAT-R is voorbij"),
        "pending": _("Nog geen advies, het geplande ITAT-R komt nog"),
    }
    rows = [(str(labels[key]), counts[key]) for key in counts]
    return Table("advisory_deadline", str(_("Termijn ITAT-R-advies na opname")), rows)


def _term_counts(groups, term: datetime.timedelta, today: datetime.date) -> dict[str, int]:
    """(start, done_on or None, number) -> done in time / late / overdue / pending within term."""
    counts = {"in_time": 0, "late": 0, "overdue": 0, "pending": 0}
    for start, done_on, n in groups:
        due = start + term
        if done_on is not None:
            counts["in_time" if done_on <= due else "late"] += n
        else:
            counts["overdue" if today > due else "pending"] += n
    return counts


def letter_deadline_compliance(*, period: Period) -> Table:
    """Of the letters of dossiers included in the period: sent within the letter term?

    Day 0 is the decision; sent on day 21 (the default term) is on time, day 22 is late.
    """
    days = datetime.timedelta(days=ProgrammeSettings.load().letter_days)
    today = timezone.localdate()
    letters = list(
        NotificationLetter.objects.filter(
            dossier__included_on__gte=period.start, dossier__included_on__lte=period.end
        )
        .values_list("dossier__included_on", "sent_on")
        .annotate(n=Count("pk"))
        .order_by()
    )
    letters += [
        (day(fact["included_on"]), day(sent_on), 1)
        for fact in stored_facts()
        if in_period(fact["included_on"], period)
        for sent_on in fact.get("letters_sent_on", [])
    ]
    counts = _term_counts(letters, days, today)
    labels = {
        "in_time": _("Brief op tijd verzonden"),
        "late": _("Brief te laat verzonden"),
        "overdue": _("Brief nog niet verzonden, termijn verstreken"),
        "pending": _("Brief nog niet verzonden, binnen termijn"),
    }
    rows = [(str(labels[key]), counts[key]) for key in counts]
    return Table("letter_deadline", str(_("Termijn notificatiebrieven na opname")), rows)


# -- Interventions --------------------------------------------------------------------------


def _items_started(period: Period) -> list[tuple[int, str, str, int]]:
    """(intervention, domain, special kind, count) of the plan items started in the period.

    An item started in the period when its start date lies in it and it has left "planned"
    (it runs, is done or was stopped). The catalogue item's current domain and kind are
    counted, for a deleted case's items too (as stored only if the item left the catalogue),
    so a deletion never moves an item to another domain.
    """
    rows = list(
        PlanItem.objects.filter(planned_start__gte=period.start, planned_start__lte=period.end)
        .exclude(status=PlanItemStatus.PLANNED)
        .values_list("intervention", "intervention__domain", "intervention__special_kind")
        .annotate(n=Count("pk"))
    )
    stored = [
        item
        for fact in stored_facts()
        for item in fact.get("plan_items", [])
        if item["status"] != PlanItemStatus.PLANNED and in_period(item["start"], period)
    ]
    if stored:
        current = {
            pk: (domain, kind)
            for pk, domain, kind in Intervention.objects.filter(
                pk__in={item["intervention"] for item in stored}
            ).values_list("pk", "domain", "special_kind")
        }
        for item in stored:
            pk = item["intervention"]
            domain, kind = current.get(pk, (item["domain"], item["special_kind"]))
            rows.append((pk, domain, kind, 1))
    return rows


def _intervention_names(pks) -> dict[int, str]:
    names = dict(Intervention.objects.filter(pk__in=set(pks)).values_list("pk", "name"))
    return {
        pk: names.get(pk) or str(_("Interventie %(pk)s (niet meer in de catalogus)") % {"pk": pk})
        for pk in pks
    }


def interventions_by_domain(*, period: Period, items: list | None = None) -> Table:
    """Plan items started in the period, per domain of the catalogue item (``items``: the
    period's ``_items_started``, already read for the page)."""
    counts: dict[str, int] = {}
    for _pk, domain, _kind, n in items if items is not None else _items_started(period):
        counts[domain] = counts.get(domain, 0) + n
    rows = [(str(label), counts.get(value, 0)) for value, label in InterventionDomain.choices]
    return Table("interventions_domain", str(_("Ingezette interventies naar domein")), rows)


def interventions_by_item(*, period: Period, items: list | None = None) -> Table:
    """Plan items started in the period, per catalogue item (only the items deployed)."""
    counts: dict[int, int] = {}
    for pk, _domain, _kind, n in items if items is not None else _items_started(period):
        counts[pk] = counts.get(pk, 0) + n
    names = _intervention_names(counts)
    rows = sorted(((names[pk], n) for pk, n in counts.items()), key=lambda row: row[0])
    return Table("interventions_item", str(_("Ingezette interventies per interventie")), rows)


def special_interventions(*, period: Period, items: list | None = None) -> Table:
    """Special interventions (passport measures, GGD screenings, specialist pool) started."""
    counts: dict[str, int] = {}
    for _pk, _domain, kind, n in items if items is not None else _items_started(period):
        counts[kind] = counts.get(kind, 0) + n
    rows = [(str(label), counts.get(value, 0)) for value, label in SpecialKind.choices if value]
    return Table("special_interventions", str(_("Bijzondere interventies")), rows)


# -- UVO and evaluation terms ---------------------------------------------------------------
#
# Live dossiers are counted in the database: each UVO and evaluation row carries how long its
# term had run and whether it counts (``term_days``, stored by ``dossiers.services.terms`` from
# the engine's own rules ``uvo_term_start``/``evaluation_term_start``), so a period's figures are
# one grouped count over a date index, compared with the interval as it is set now. The stored
# facts of deleted cases go through ``_Timeline`` in Python by the same rules.


@dataclass
class _Timeline:
    """What the UVO and evaluation terms of one deleted case are computed from (stored facts)."""

    history: list[tuple[datetime.date, str]] = field(default_factory=list)
    uvos: list[datetime.date] = field(default_factory=list)
    evaluations: list[datetime.date] = field(default_factory=list)
    uvo_interval_days: int | None = None  # the dossier's own interval (obligations.uvo_interval)
    decided_adoption_on: datetime.date | None = None  # the adoption decision's own date

    def state_on(self, on: datetime.date) -> str:
        return StepHistory(self.history).state_on(on) or DossierState.REGISTERED

    def adopted_on(self, on: datetime.date) -> datetime.date | None:
        return StepHistory(self.history).adopted_on(on, self.decided_adoption_on)


def _stored_timelines(until: datetime.date) -> list[_Timeline]:
    """Status history, UVO and evaluation dates up to ``until`` of the deleted cases."""
    return [
        _Timeline(
            history=[(day(on), state) for on, state in fact["history"] if day(on) <= until],
            uvos=[day(on) for on in fact.get("uvos_on", []) if day(on) <= until],
            evaluations=[day(on) for on in fact.get("evaluations_on", []) if day(on) <= until],
            uvo_interval_days=fact.get("uvo_interval_days"),
            decided_adoption_on=day(fact["adopted_on"]) if fact.get("adopted_on") else None,
        )
        for fact in stored_facts()
    ]


def _reference_day(period: Period) -> datetime.date:
    """Where "overdue" is judged: the period's end, or today for a period still running."""
    return min(period.end, timezone.localdate())


def _last_date_until(model, date_field: str, until: datetime.date) -> Subquery:
    """The dossier's (``OuterRef("pk")``) last ``date_field`` on or before ``until``."""
    return Subquery(
        model.objects.filter(dossier=OuterRef("pk"), **{f"{date_field}__lte": until})
        .order_by(f"-{date_field}")
        .values(date_field)[:1]
    )


@dataclass
class _TermCounts:
    uvo: dict[str, int] = field(default_factory=lambda: {"in_time": 0, "late": 0, "overdue": 0})
    evaluation: dict[str, int] = field(
        default_factory=lambda: {"in_time": 0, "late": 0, "overdue": 0}
    )


def _term_figures(
    period: Period, programme: ProgrammeSettings, end: "EndOfDay | None" = None
) -> _TermCounts:
    """UVO and evaluation term counts of ``period``: live dossiers in SQL, stored facts after;
    the overdue ones at the reference day from ``end_of_day`` (``end``: already read)."""
    reference = _reference_day(period)
    counts = _TermCounts()
    held = CaseMeeting.objects.filter(
        held_on__gte=period.start, held_on__lte=period.end, term_days__isnull=False
    )
    # obligations.uvo_interval: the dossier's own interval, else the programme's. The few
    # dossiers with their own are joined; the others are read from the date index alone.
    own_interval = Dossier.objects.filter(uvo_interval_days__gt=0).values("pk")
    programme_days = programme.uvo_interval_days
    uvos = held.exclude(dossier__in=own_interval).aggregate(
        in_time=Count("pk", filter=Q(term_days__lte=programme_days)),
        late=Count("pk", filter=Q(term_days__gt=programme_days)),
    )
    own = held.filter(dossier__in=own_interval).aggregate(
        in_time=Count("pk", filter=Q(term_days__lte=F("dossier__uvo_interval_days"))),
        late=Count("pk", filter=Q(term_days__gt=F("dossier__uvo_interval_days"))),
    )
    evaluations = Evaluation.objects.filter(
        evaluated_on__gte=period.start, evaluated_on__lte=period.end, term_days__isnull=False
    ).aggregate(
        in_time=Count("pk", filter=Q(term_days__lte=programme.evaluation_interval_days)),
        late=Count("pk", filter=Q(term_days__gt=programme.evaluation_interval_days)),
    )
    for key in ("in_time", "late"):
        counts.uvo[key] += uvos[key] + own[key]
        counts.evaluation[key] += evaluations[key]
    overdue = end or end_of_day(reference)
    counts.uvo["overdue"] = overdue.uvo_overdue
    counts.evaluation["overdue"] = overdue.evaluation_overdue
    for timeline in _stored_timelines(period.end):
        _count_stored_uvos(timeline, period, programme, counts.uvo)
        _count_stored_evaluations(timeline, period, programme, counts.evaluation)
    return counts


def _count_stored_uvos(timeline, period, programme, counts) -> None:
    for index, held_on in enumerate(timeline.uvos):
        if index and in_period(held_on.isoformat(), period):
            if timeline.state_on(held_on) in EXECUTION_STATES:
                due = uvo_due(timeline.uvos[:index], programme, timeline)
                counts["in_time" if held_on <= due else "late"] += 1


def _count_stored_evaluations(timeline, period, programme, counts) -> None:
    for index, on in enumerate(timeline.evaluations):
        adopted_on = timeline.adopted_on(on)
        if adopted_on is not None and in_period(on.isoformat(), period):
            due = evaluation_due(adopted_on, timeline.evaluations[:index], programme)
            counts["in_time" if on <= due else "late"] += 1


def uvo_deadline_compliance(*, period: Period, terms: _TermCounts | None = None) -> Table:
    """UVOs held in the period during execution: within the interval after the previous one?
    And the dossiers in execution whose next UVO was overdue at the period's end.

    The due date is the obligations engine's rule (``dossiers.obligations.uvo_due``).
    ``terms``: the counts already computed for the page (``_term_figures``).
    """
    programme = ProgrammeSettings.load()
    counts = (terms or _term_figures(period, programme)).uvo
    labels = {
        "in_time": _("UVO op tijd gehouden"),
        "late": _("UVO te laat gehouden"),
        "overdue": _("Dossiers met een verstreken UVO-termijn aan het eind van de periode"),
    }
    rows = [(str(labels[key]), counts[key]) for key in counts]
    title = _("Termijn UVO tijdens de uitvoering (elke %(days)s dagen)") % {
        "days": programme.uvo_interval_days
    }
    return Table("uvo_deadline", str(title), rows)


def evaluation_deadline_compliance(*, period: Period, terms: _TermCounts | None = None) -> Table:
    """Evaluations in the period: within the interval after adoption or the previous one?
    And the dossiers in execution whose evaluation was overdue at the period's end.

    The due date is the obligations engine's rule (``dossiers.obligations.evaluation_due``).
    ``terms``: the counts already computed for the page (``_term_figures``).
    """
    programme = ProgrammeSettings.load()
    counts = (terms or _term_figures(period, programme)).evaluation
    labels = {
        "in_time": _("Evaluatie op tijd"),
        "late": _("Evaluatie te laat"),
        "overdue": _("Dossiers met een verstreken evaluatietermijn aan het eind van de periode"),
    }
    rows = [(str(labels[key]), counts[key]) for key in counts]
    title = _("Termijn evaluaties van het plan (elke %(days)s dagen)") % {
        "days": programme.evaluation_interval_days
    }
    return Table("evaluation_deadline", str(title), rows)


# -- Figures at the end of one day ---------------------------------------------------------
#
# Two figures count every dossier, not only the period's events: the dossiers per state at the
# period's end, and the dossiers in execution whose UVO or evaluation term had passed on the
# reference day. From the status history that is one lookup per dossier, which grows with the
# number of dossiers (1.5 s at 50,000 on PostgreSQL). So, for today (a period still running)
# they are read from the dossier's own state (``Dossier.state``, written by the state machine
# in the transaction that writes each history row); for a day that has passed, from the
# snapshot the nightly job took of that day (``MonitorSnapshot``, ``reports.services``); only
# a past day without a snapshot is worked out from the history, by the same function the job
# uses. A snapshot keeps the figures as they stood when the day was over: a step recorded later
# with an earlier date does not change them (docs/adr/0011-monitor-day-snapshots.md).


@dataclass(frozen=True)
class EndOfDay:
    """The figures over all dossiers at the end of one day (live dossiers and stored facts)."""

    states: dict[str, int]
    uvo_overdue: int
    evaluation_overdue: int

    def as_data(self) -> dict:
        return {
            "states": self.states,
            "uvo_overdue": self.uvo_overdue,
            "evaluation_overdue": self.evaluation_overdue,
        }

    @classmethod
    def from_data(cls, data: dict) -> "EndOfDay":
        return cls(
            states=dict(data["states"]),
            uvo_overdue=data["uvo_overdue"],
            evaluation_overdue=data["evaluation_overdue"],
        )


def end_of_day(on: datetime.date) -> EndOfDay:
    """The figures at the end of ``on``: now for today or later, else the day's snapshot, else
    worked out from the history."""
    today = timezone.localdate()
    if on >= today:
        return end_of_day_compute(today, current=True)
    taken = MonitorSnapshot.objects.filter(day=on).values_list("figures", flat=True).first()
    if taken is not None:
        return EndOfDay.from_data(taken)
    return end_of_day_compute(on)


def end_of_day_compute(on: datetime.date, *, current: bool = False) -> EndOfDay:
    """Work out the figures at the end of ``on`` from the status history, or, with ``current``
    (``on`` is today), from each dossier's present state; the stored facts added."""
    programme = ProgrammeSettings.load()
    live = _live_at_end_of(on, current, programme)
    facts = _facts_at_end_of(on, programme)
    states = dict(live.states)
    for state, n in facts.states.items():
        _add(states, state, n)
    return EndOfDay(
        states,
        live.uvo_overdue + facts.uvo_overdue,
        live.evaluation_overdue + facts.evaluation_overdue,
    )


def _live_at_end_of(on: datetime.date, current: bool, programme) -> EndOfDay:
    after = _day_start(on + ONE_DAY)
    if current:
        dossiers = Dossier.objects.annotate(state_then=F("state"))
    else:
        dossiers = Dossier.objects.filter(created_at__lt=after).annotate(
            state_then=Coalesce(_state_before(after), Value(DossierState.REGISTERED))
        )
    states = dict(dossiers.values_list("state_then").annotate(n=Count("pk")).order_by())
    if current:
        return EndOfDay(states, *_overdue_now(on))
    uvo_overdue = evaluation_overdue = 0
    for own_days, last_uvo, last_evaluation, recorded_on, decided_on, n in _in_execution_then(
        dossiers, on, after
    ):
        held = [last_uvo] if last_uvo else []
        due = uvo_due(held, programme, _Timeline(uvo_interval_days=own_days))
        uvo_overdue += n if due is not None and due < on else 0
        adopted_on = adoption_date(recorded_on, decided_on)
        if adopted_on is not None:
            earlier = [last_evaluation] if last_evaluation else []
            evaluation_overdue += n if evaluation_due(adopted_on, earlier, programme) < on else 0
    return EndOfDay(states, uvo_overdue, evaluation_overdue)


def _overdue_now(today: datetime.date) -> tuple[int, int]:
    """(UVO, evaluation) overdue today among the dossiers in execution, counted from the stored
    obligations (``DossierDeadline``: the engine's own due dates, ``uvo_due`` and
    ``evaluation_due``, rewritten on every step, UVO, evaluation and changed setting), as the
    start page's queues read them. In execution the UVO due is always a later UVO's (the first
    UVO is due only while "included")."""
    counts = dict(
        DossierDeadline.objects.filter(
            dossier__state__in=EXECUTION_STATES,
            kind__in=(ObligationKind.UVO, ObligationKind.EVALUATION),
            due_on__lt=today,
        )
        .values_list("kind")
        .annotate(n=Count("dossier", distinct=True))
        .order_by()
    )
    return counts.get(ObligationKind.UVO, 0), counts.get(ObligationKind.EVALUATION, 0)


def _in_execution_then(dossiers, on: datetime.date, after: datetime.datetime) -> QuerySet:
    """(own UVO interval, last UVO, last evaluation, adoption recorded on, adoption decided on,
    number of dossiers) of the dossiers in execution at the end of ``on``: one row per distinct
    combination, the dates looked up per dossier."""
    adopted_before = DossierStatusChange.objects.filter(
        dossier=OuterRef("pk"), at__lt=after, to_state=DossierState.PLAN_ADOPTED
    ).order_by("-at", "-pk")
    return (
        dossiers.filter(state_then__in=EXECUTION_STATES)
        .annotate(
            last_uvo=_last_date_until(CaseMeeting, "held_on", on),
            last_evaluation=_last_date_until(Evaluation, "evaluated_on", on),
            adopted_recorded_on=Subquery(
                adopted_before.annotate(on=TruncDate("at")).values("on")[:1]
            ),
        )
        .values_list(
            "uvo_interval_days",
            "last_uvo",
            "last_evaluation",
            "adopted_recorded_on",
            "plan__adopted_on",
        )
        .annotate(n=Count("pk"))
        .order_by()
    )


def _facts_at_end_of(on: datetime.date, programme) -> EndOfDay:
    states: dict[str, int] = {}
    uvo_overdue = evaluation_overdue = 0
    for fact in stored_facts():
        if day(fact["created_on"]) <= on:
            steps = [state for changed_on, state in fact["history"] if day(changed_on) <= on]
            _add(states, steps[-1] if steps else DossierState.REGISTERED)
    for timeline in _stored_timelines(on):
        if timeline.state_on(on) not in EXECUTION_STATES:
            continue
        due = uvo_due(timeline.uvos, programme, timeline)
        uvo_overdue += due is not None and due < on
        adopted_on = timeline.adopted_on(on)
        if adopted_on is not None:
            evaluation_overdue += evaluation_due(adopted_on, timeline.evaluations, programme) < on
    return EndOfDay(states, uvo_overdue, evaluation_overdue)


# -- Effectiveness --------------------------------------------------------------------------


def _attainment_rows(counts: dict[tuple, int], keys: list[tuple]) -> list[tuple[str, int]]:
    """Rows "<what>: <goal attainment>" for each (key, label) in ``keys``, every attainment."""
    return [
        (f"{label}: {attainment_label}", counts.get((key, attainment), 0))
        for key, label in keys
        for attainment, attainment_label in GoalAttainment.choices
    ]


def _per_intervention(counts: dict[tuple, int]) -> list[tuple[str, int]]:
    names = _intervention_names({pk for pk, _attainment in counts})
    keys = sorted(names.items(), key=lambda item: item[1])
    return _attainment_rows(counts, keys)


def _per_risk_group(counts: dict[tuple, int]) -> list[tuple[str, int]]:
    keys = [(group.pk, str(group)) for group in RiskGroup.objects.order_by("number")]
    keys.append((None, str(_("Geen risicogroep vastgesteld"))))
    return _attainment_rows(counts, keys)


def _add(counts: dict, key, n: int = 1) -> None:
    counts[key] = counts.get(key, 0) + n


def _evaluation_items(period: Period):
    return EvaluationItem.objects.filter(
        evaluation__evaluated_on__gte=period.start, evaluation__evaluated_on__lte=period.end
    )


def _evaluated_facts(period: Period):
    for fact in stored_facts():
        for on, intervention, attainment in fact.get("evaluation_items", []):
            if in_period(on, period):
                yield fact, intervention, attainment


def attainment_at_evaluation_by_intervention(*, period: Period) -> Table:
    """Goal attainment of the plan items evaluated in the period, per catalogue item."""
    counts = {
        (pk, attainment): n
        for pk, attainment, n in _evaluation_items(period)
        .values_list("plan_item__intervention", "goal_attainment")
        .annotate(n=Count("pk"))
    }
    for _fact, intervention, attainment in _evaluated_facts(period):
        _add(counts, (intervention, attainment))
    return Table(
        "attainment_evaluation_item",
        str(_("Doelbereik bij evaluatie per interventie")),
        _per_intervention(counts),
    )


def attainment_at_evaluation_by_risk_group(*, period: Period) -> Table:
    """Goal attainment of the plan items evaluated in the period, per risk group of the case."""
    counts = {
        (group, attainment): n
        for group, attainment, n in _evaluation_items(period)
        .values_list("evaluation__dossier__assessment__risk_groups", "goal_attainment")
        .annotate(n=Count("pk"))
    }
    for fact, _intervention, attainment in _evaluated_facts(period):
        for group in fact["risk_groups"] or [None]:
            _add(counts, (group, attainment))
    return Table(
        "attainment_evaluation_risk_group",
        str(_("Doelbereik bij evaluatie per risicogroep")),
        _per_risk_group(counts),
    )


def _items_closed(period: Period):
    return PlanItem.objects.filter(
        status__in=CLOSED_ITEM_STATUSES, closed_on__gte=period.start, closed_on__lte=period.end
    )


def _closed_facts(period: Period):
    for fact in stored_facts():
        for item in fact.get("plan_items", []):
            if item["status"] in CLOSED_ITEM_STATUSES and in_period(item["closed_on"], period):
                yield fact, item


def attainment_at_closure_by_intervention(*, period: Period) -> Table:
    """Goal attainment of the plan items closed (done or stopped) in the period, per item."""
    counts = {
        (pk, attainment): n
        for pk, attainment, n in _items_closed(period)
        .values_list("intervention", "goal_attainment")
        .annotate(n=Count("pk"))
    }
    for _fact, item in _closed_facts(period):
        _add(counts, (item["intervention"], item["goal_attainment"]))
    return Table(
        "attainment_closure_item",
        str(_("Doelbereik bij afsluiting per interventie")),
        _per_intervention(counts),
    )


def attainment_at_closure_by_risk_group(*, period: Period) -> Table:
    """Goal attainment of the plan items closed in the period, per risk group of the case."""
    counts = {
        (group, attainment): n
        for group, attainment, n in _items_closed(period)
        .values_list("dossier__assessment__risk_groups", "goal_attainment")
        .annotate(n=Count("pk"))
    }
    for fact, item in _closed_facts(period):
        for group in fact["risk_groups"] or [None]:
            _add(counts, (group, item["goal_attainment"]))
    return Table(
        "attainment_closure_risk_group",
        str(_("Doelbereik bij afsluiting per risicogroep")),
        _per_risk_group(counts),
    )


def monitor_tables(*, period: Period) -> list[Table]:
    """Every monitor table for ``period``, in display order (the stored facts read once)."""
    with facts_read_once():
        return _tables(period)


def _tables(period: Period) -> list[Table]:
    # The period's end and its reference day ("overdue" is judged on) are the same day, or both
    # today and later (a period still running): the figures over all dossiers are read once.
    end = end_of_day(_reference_day(period))
    terms = _term_figures(period, ProgrammeSettings.load(), end)  # both term tables, one read
    items = _items_started(period)  # the three intervention tables, one read
    return [
        inflow_by_source_type(period=period),
        inflow_by_risk_group(period=period),
        inflow_by_gender_and_age(period=period),
        outflow_by_reason(period=period),
        dossiers_by_state_at_end(period=period, end=end),
        advisory_deadline_compliance(period=period),
        letter_deadline_compliance(period=period),
        uvo_deadline_compliance(period=period, terms=terms),
        evaluation_deadline_compliance(period=period, terms=terms),
        interventions_by_domain(period=period, items=items),
        interventions_by_item(period=period, items=items),
        special_interventions(period=period, items=items),
        attainment_at_evaluation_by_intervention(period=period),
        attainment_at_evaluation_by_risk_group(period=period),
        attainment_at_closure_by_intervention(period=period),
        attainment_at_closure_by_risk_group(period=period),
    ]

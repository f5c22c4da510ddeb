"""Selectors of the monitor: aggregate figures for a period, never rows or names.

The monitor counts over all dossiers (not the user's scope): it is an aggregate report for the
programme team and steering, guarded by ``monitor.view_monitor`` and small-count suppression.
Every figure adds the stored facts of cases that retention deleted (``reports.facts``), so a
past period's numbers stay the same after its cases are gone.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dossiers.meetings.calendar import MeetingCalendar
from dossiers.models import (
    ActionPlan,
    CaseMeeting,
    Dossier,
    DossierStatusChange,
    Evaluation,
    EvaluationItem,
    Gender,
    NotificationLetter,
    PlanItem,
    ProgrammeSettings,
    Signal,
    SourceType,
)
from dossiers.models.plan_item import CLOSED_ITEM_STATUSES, GoalAttainment, PlanItemStatus
from dossiers.obligations import (
    EXECUTION_STATES,
    advisory_meeting_after,
    evaluation_due,
    uvo_due,
)
from dossiers.workflow.states import DossierState
from reports.facts import age_band, day, facts_read_once, in_period, stored_facts
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


def _dossiers_registered(period: Period):
    return Dossier.objects.filter(
        created_at__date__gte=period.start, created_at__date__lte=period.end
    )


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
    without = dossiers.filter(assessment__risk_groups__isnull=True).distinct().count()
    for fact in stored_facts():
        if in_period(fact["created_on"], period):
            for group in fact["risk_groups"]:
                counts[group] = counts.get(group, 0) + 1
            without += not fact["risk_groups"]
    rows = [(str(group), counts.get(group.pk, 0)) for group in RiskGroup.objects.order_by("number")]
    rows.append((str(_("Geen risicogroep vastgesteld")), without))
    return Table("inflow_risk_group", str(_("Instroom dossiers naar risicogroep")), rows)


def inflow_by_gender_and_age(*, period: Period) -> Table:
    """Dossiers registered in the period, per gender and minor/adult at registration."""
    counts: dict[tuple[str, str], int] = {}
    for created_at, birth_date, gender in _dossiers_registered(period).values_list(
        "created_at", "subject__birth_date", "subject__gender"
    ):
        key = (gender or Gender.OTHER, age_band(birth_date, timezone.localdate(created_at)))
        counts[key] = counts.get(key, 0) + 1
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
        DossierStatusChange.objects.filter(
            to_state__in=OUTFLOW_STATES, at__date__gte=period.start, at__date__lte=period.end
        )
        .values_list("to_state")
        .annotate(n=Count("dossier", distinct=True))
    )
    for fact in stored_facts():
        left = {state for on, state in fact["history"] if in_period(on, period)}
        for state in left.intersection(OUTFLOW_STATES):
            counts[state] = counts.get(state, 0) + 1
    rows = [(str(DossierState(state).label), counts.get(state, 0)) for state in OUTFLOW_STATES]
    return Table("outflow_reason", str(_("Uitstroom naar reden")), rows)


def dossiers_by_state_at_end(*, period: Period) -> Table:
    """Dossiers per state on the last day of the period, from the status history."""
    last_state = (
        DossierStatusChange.objects.filter(dossier=OuterRef("pk"), at__date__lte=period.end)
        .order_by("-at", "-pk")
        .values("to_state")[:1]
    )
    counts = dict(
        Dossier.objects.filter(created_at__date__lte=period.end)
        .annotate(state_at_end=Coalesce(Subquery(last_state), Value(DossierState.REGISTERED)))
        .values_list("state_at_end")
        .annotate(n=Count("pk"))
    )
    for fact in stored_facts():
        if day(fact["created_on"]) > period.end:
            continue
        states = [state for on, state in fact["history"] if day(on) <= period.end]
        state = states[-1] if states else DossierState.REGISTERED
        counts[state] = counts.get(state, 0) + 1
    rows = [(str(label), counts.get(value, 0)) for value, label in DossierState.choices]
    return Table("state_at_end", str(_("Dossiers per status aan het eind van de periode")), rows)


def advisory_deadline_compliance(*, period: Period) -> Table:
    """Of the dossiers included in the period: was the ITAT-R advice in time? In time is on or
    before the ITAT-R the obligations engine set for the dossier (``advisory_meeting_after``:
    the first meeting that takes place at least the lead days after inclusion)."""
    first_advice = (
        DossierStatusChange.objects.filter(
            dossier=OuterRef("pk"), to_state=DossierState.PLAN_ADVISED
        )
        .order_by("at")
        .values("at")[:1]
    )
    today = timezone.localdate()
    pairs = [
        (included_on, timezone.localdate(advised_at) if advised_at else None)
        for included_on, advised_at in (
            Dossier.objects.filter(included_on__gte=period.start, included_on__lte=period.end)
            .annotate(advised_at=Subquery(first_advice))
            .values_list("included_on", "advised_at")
        )
    ]
    pairs += [
        (day(fact["included_on"]), day(fact["advised_on"]))
        for fact in stored_facts()
        if in_period(fact["included_on"], period)
    ]
    programme, calendar = ProgrammeSettings.load(), MeetingCalendar.load()
    counts = {"in_time": 0, "late": 0, "overdue": 0, "pending": 0}
    for included_on, advised_on in pairs:
        meeting = advisory_meeting_after(included_on, programme, calendar)
        due = meeting.date if meeting else None
        if advised_on is not None:
            counts["in_time" if due is None or advised_on <= due else "late"] += 1
        else:
            counts["overdue" if due is not None and today > due else "pending"] += 1
    labels = {
        "in_time": _("Advies in het ITAT-R waarvoor het dossier was gepland (of eerder)"),
        "late": _("Advies in een later ITAT-R"),
        "overdue": _("Nog geen advies, het geplande ITAT-R is voorbij"),
        "pending": _("Nog geen advies, het geplande ITAT-R komt nog"),
    }
    rows = [(str(labels[key]), counts[key]) for key in counts]
    return Table("advisory_deadline", str(_("Termijn ITAT-R-advies na opname")), rows)


def _term_counts(pairs, term: datetime.timedelta, today: datetime.date) -> dict[str, int]:
    """(start, done_on or None) pairs -> done in time / late / overdue / pending within term."""
    counts = {"in_time": 0, "late": 0, "overdue": 0, "pending": 0}
    for start, done_on in pairs:
        due = start + term
        if done_on is not None:
            counts["in_time" if done_on <= due else "late"] += 1
        else:
            counts["overdue" if today > due else "pending"] += 1
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
        ).values_list("dossier__included_on", "sent_on")
    )
    letters += [
        (day(fact["included_on"]), day(sent_on))
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


def interventions_by_domain(*, period: Period) -> Table:
    """Plan items started in the period, per domain of the catalogue item."""
    counts: dict[str, int] = {}
    for _pk, domain, _kind, n in _items_started(period):
        counts[domain] = counts.get(domain, 0) + n
    rows = [(str(label), counts.get(value, 0)) for value, label in InterventionDomain.choices]
    return Table("interventions_domain", str(_("Ingezette interventies naar domein")), rows)


def interventions_by_item(*, period: Period) -> Table:
    """Plan items started in the period, per catalogue item (only the items deployed)."""
    counts: dict[int, int] = {}
    for pk, _domain, _kind, n in _items_started(period):
        counts[pk] = counts.get(pk, 0) + n
    names = _intervention_names(counts)
    rows = sorted(((names[pk], n) for pk, n in counts.items()), key=lambda row: row[0])
    return Table("interventions_item", str(_("Ingezette interventies per interventie")), rows)


def special_interventions(*, period: Period) -> Table:
    """Special interventions (passport measures, GGD screenings, specialist pool) started."""
    counts: dict[str, int] = {}
    for _pk, _domain, kind, n in _items_started(period):
        counts[kind] = counts.get(kind, 0) + n
    rows = [(str(label), counts.get(value, 0)) for value, label in SpecialKind.choices if value]
    return Table("special_interventions", str(_("Bijzondere interventies")), rows)


# -- UVO and evaluation terms ---------------------------------------------------------------


@dataclass
class _Timeline:
    """What the UVO and evaluation terms of one dossier are computed from."""

    history: list[tuple[datetime.date, str]] = field(default_factory=list)
    uvos: list[datetime.date] = field(default_factory=list)
    evaluations: list[datetime.date] = field(default_factory=list)
    uvo_interval_days: int | None = None  # the dossier's own interval (obligations.uvo_interval)
    decided_adoption_on: datetime.date | None = None  # the adoption decision's own date

    def state_on(self, on: datetime.date) -> str:
        states = [state for changed_on, state in self.history if changed_on <= on]
        return states[-1] if states else DossierState.REGISTERED

    def adopted_on(self, on: datetime.date) -> datetime.date | None:
        """The adoption the clock runs from, as the obligations engine reads it: the decision's
        own date when recorded (a decision recorded a day late counts from the decision)."""
        adopted = [d for d, state in self.history if state == DossierState.PLAN_ADOPTED]
        adopted = [d for d in adopted if d <= on]
        if not adopted:
            return None
        decided = self.decided_adoption_on
        return decided if decided is not None and decided <= adopted[-1] else adopted[-1]


def _timelines(period: Period) -> list[_Timeline]:
    """Status history, UVO and evaluation dates up to the period's end, live and stored."""
    timelines: dict[int, _Timeline] = {}
    changes = DossierStatusChange.objects.filter(at__date__lte=period.end).order_by("at", "pk")
    for dossier_id, at, state in changes.values_list("dossier_id", "at", "to_state"):
        timelines.setdefault(dossier_id, _Timeline()).history.append(
            (timezone.localdate(at), state)
        )
    uvos = CaseMeeting.objects.filter(held_on__lte=period.end).order_by("held_on", "pk")
    for dossier_id, held_on in uvos.values_list("dossier_id", "held_on"):
        timelines.setdefault(dossier_id, _Timeline()).uvos.append(held_on)
    evaluations = Evaluation.objects.filter(evaluated_on__lte=period.end)
    for dossier_id, on in evaluations.order_by("evaluated_on", "pk").values_list(
        "dossier_id", "evaluated_on"
    ):
        timelines.setdefault(dossier_id, _Timeline()).evaluations.append(on)
    own_intervals = Dossier.objects.filter(
        pk__in=list(timelines), uvo_interval_days__isnull=False
    ).values_list("pk", "uvo_interval_days")
    for dossier_id, days in own_intervals:
        timelines[dossier_id].uvo_interval_days = days
    decided = ActionPlan.objects.filter(
        dossier_id__in=list(timelines), adopted_on__isnull=False
    ).values_list("dossier_id", "adopted_on")
    for dossier_id, adopted_on in decided:
        timelines[dossier_id].decided_adoption_on = adopted_on
    found = list(timelines.values())
    for fact in stored_facts():
        found.append(
            _Timeline(
                history=[
                    (day(on), state) for on, state in fact["history"] if day(on) <= period.end
                ],
                uvos=[day(on) for on in fact.get("uvos_on", []) if day(on) <= period.end],
                evaluations=[
                    day(on) for on in fact.get("evaluations_on", []) if day(on) <= period.end
                ],
                uvo_interval_days=fact.get("uvo_interval_days"),
                decided_adoption_on=day(fact["adopted_on"]) if fact.get("adopted_on") else None,
            )
        )
    return found


def _reference_day(period: Period) -> datetime.date:
    """Where "overdue" is judged: the period's end, or today for a period still running."""
    return min(period.end, timezone.localdate())


def uvo_deadline_compliance(*, period: Period) -> Table:
    """UVOs held in the period during execution: within the interval after the previous one?
    And the dossiers in execution whose next UVO was overdue at the period's end.

    The due date is the obligations engine's rule (``dossiers.obligations.uvo_due``).
    """
    programme = ProgrammeSettings.load()
    reference = _reference_day(period)
    counts = {"in_time": 0, "late": 0, "overdue": 0}
    for timeline in _timelines(period):
        for index, held_on in enumerate(timeline.uvos):
            if index and in_period(held_on.isoformat(), period):
                if timeline.state_on(held_on) in EXECUTION_STATES:
                    due = uvo_due(timeline.uvos[:index], programme, timeline)
                    counts["in_time" if held_on <= due else "late"] += 1
        if timeline.state_on(reference) in EXECUTION_STATES:
            due = uvo_due([d for d in timeline.uvos if d <= reference], programme, timeline)
            counts["overdue"] += due is not None and due < reference
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


def evaluation_deadline_compliance(*, period: Period) -> Table:
    """Evaluations in the period: within the interval after adoption or the previous one?
    And the dossiers in execution whose evaluation was overdue at the period's end.

    The due date is the obligations engine's rule (``dossiers.obligations.evaluation_due``).
    """
    programme = ProgrammeSettings.load()
    reference = _reference_day(period)
    counts = {"in_time": 0, "late": 0, "overdue": 0}
    for timeline in _timelines(period):
        for index, on in enumerate(timeline.evaluations):
            adopted_on = timeline.adopted_on(on)
            if adopted_on is not None and in_period(on.isoformat(), period):
                due = evaluation_due(adopted_on, timeline.evaluations[:index], programme)
                counts["in_time" if on <= due else "late"] += 1
        adopted_on = timeline.adopted_on(reference)
        if adopted_on is not None and timeline.state_on(reference) in EXECUTION_STATES:
            earlier = [d for d in timeline.evaluations if d <= reference]
            counts["overdue"] += evaluation_due(adopted_on, earlier, programme) < reference
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
    return [
        inflow_by_source_type(period=period),
        inflow_by_risk_group(period=period),
        inflow_by_gender_and_age(period=period),
        outflow_by_reason(period=period),
        dossiers_by_state_at_end(period=period),
        advisory_deadline_compliance(period=period),
        letter_deadline_compliance(period=period),
        uvo_deadline_compliance(period=period),
        evaluation_deadline_compliance(period=period),
        interventions_by_domain(period=period),
        interventions_by_item(period=period),
        special_interventions(period=period),
        attainment_at_evaluation_by_intervention(period=period),
        attainment_at_evaluation_by_risk_group(period=period),
        attainment_at_closure_by_intervention(period=period),
        attainment_at_closure_by_risk_group(period=period),
    ]

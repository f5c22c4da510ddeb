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

from dossiers.models import (
    Dossier,
    DossierStatusChange,
    Gender,
    NotificationLetter,
    ProgrammeSettings,
    Signal,
    SourceType,
)
from dossiers.workflow.states import DossierState
from reports.facts import age_band, day, in_period, stored_facts
from reports.periods import Period
from reports.suppression import suppress
from snippets.models import RiskGroup

OUTFLOW_STATES = (
    DossierState.TRIAGE_CLOSED,
    DossierState.REGULAR_TRACK,
    DossierState.NOT_INCLUDED,
    DossierState.CLOSED,
)
# The first ITAT-R at least 5 weeks after assignment, and the ITAT-R meets every 3 weeks
# (domain.md), so advice later than 8 weeks after inclusion missed the rule.
ADVISORY_DEADLINE = datetime.timedelta(weeks=8)


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
    """Of the dossiers included in the period: was the ITAT-R advice in time (8 weeks)?"""
    first_advice = (
        DossierStatusChange.objects.filter(
            dossier=OuterRef("pk"), to_state=DossierState.PLAN_ADVISED
        )
        .order_by("at")
        .values("at")[:1]
    )
    today = timezone.localdate()
    counts = {"in_time": 0, "late": 0, "overdue": 0, "pending": 0}
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
    for included_on, advised_on in pairs:
        due = included_on + ADVISORY_DEADLINE
        if advised_on is not None:
            counts["in_time" if advised_on <= due else "late"] += 1
        else:
            counts["overdue" if today > due else "pending"] += 1
    labels = {
        "in_time": _("Advies binnen 8 weken"),
        "late": _("Advies na 8 weken"),
        "overdue": _("Nog geen advies, termijn verstreken"),
        "pending": _("Nog geen advies, binnen termijn"),
    }
    rows = [(str(labels[key]), counts[key]) for key in counts]
    return Table("advisory_deadline", str(_("Termijn ITAT-R-advies na opname")), rows)


def letter_deadline_compliance(*, period: Period) -> Table:
    """Of the letters of dossiers included in the period: sent within the letter term?

    Day 0 is the decision; sent on day 21 (the default term) is on time, day 22 is late.
    """
    days = datetime.timedelta(days=ProgrammeSettings.load().letter_days)
    today = timezone.localdate()
    counts = {"in_time": 0, "late": 0, "overdue": 0, "pending": 0}
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
    for included_on, sent_on in letters:
        due = included_on + days
        if sent_on is not None:
            counts["in_time" if sent_on <= due else "late"] += 1
        else:
            counts["overdue" if today > due else "pending"] += 1
    labels = {
        "in_time": _("Brief op tijd verzonden"),
        "late": _("Brief te laat verzonden"),
        "overdue": _("Brief nog niet verzonden, termijn verstreken"),
        "pending": _("Brief nog niet verzonden, binnen termijn"),
    }
    rows = [(str(labels[key]), counts[key]) for key in counts]
    return Table("letter_deadline", str(_("Termijn notificatiebrieven na opname")), rows)


def monitor_tables(*, period: Period) -> list[Table]:
    """Every monitor table for ``period``, in display order."""
    return [
        inflow_by_source_type(period=period),
        inflow_by_risk_group(period=period),
        inflow_by_gender_and_age(period=period),
        outflow_by_reason(period=period),
        dossiers_by_state_at_end(period=period),
        advisory_deadline_compliance(period=period),
        letter_deadline_compliance(period=period),
    ]

"""Monitor facts: the pseudonymised remainder of a case that retention deleted.

A fact keeps only what the monitor's figures count: dates, categories and catalogue keys; no
name, birth date, address, reference or free text. ``monitor_fact_data`` builds one from a live
dossier (just before deletion); ``stored_facts`` reads them back for the selectors, which add
them to the live figures so a period's numbers do not change when its cases are deleted.
"""

import datetime
from contextlib import contextmanager
from contextvars import ContextVar

from django.utils import timezone

from dossiers.models import EvaluationItem
from reports.models import MonitorFact


def age_band(birth_date: datetime.date | None, on: datetime.date) -> str:
    """``minor``, ``adult`` or ``unknown`` on the day ``on``."""
    if birth_date is None:
        return "unknown"
    before_birthday = (on.month, on.day) < (birth_date.month, birth_date.day)
    return "minor" if on.year - birth_date.year - before_birthday < 18 else "adult"


def monitor_fact_data(dossier) -> dict:
    """The facts of ``dossier`` the monitor counts (see the selectors in ``reports.selectors``)."""
    created_on = timezone.localdate(dossier.created_at)
    subject = dossier.subject
    assessment = getattr(dossier, "assessment", None)
    history = [
        [timezone.localdate(change.at).isoformat(), change.to_state]
        for change in dossier.history.order_by("at", "pk")
    ]
    return {
        "created_on": created_on.isoformat(),
        "signals": [
            [signal.received_on.isoformat(), signal.source_type]
            for signal in dossier.signals.order_by("pk")
        ],
        "risk_groups": sorted(assessment.risk_groups.values_list("pk", flat=True))
        if assessment
        else [],
        "gender": subject.gender if subject else "",
        "age_band": age_band(subject.birth_date if subject else None, created_on),
        "included_on": dossier.included_on.isoformat() if dossier.included_on else None,
        "advised_on": dossier.advised_on.isoformat() if dossier.advised_on else None,
        "history": history,
        "letters_sent_on": [
            sent_on.isoformat() if sent_on else None
            for sent_on in dossier.letters.order_by("pk").values_list("sent_on", flat=True)
        ],
        "plan_items": [
            {
                "start": start.isoformat(),
                "status": status,
                "intervention": intervention,
                "domain": domain,
                "special_kind": special_kind,
                "closed_on": closed_on.isoformat() if closed_on else None,
                "goal_attainment": attainment,
            }
            for start, status, intervention, domain, special_kind, closed_on, attainment in (
                dossier.plan_items.order_by("pk").values_list(
                    "planned_start",
                    "status",
                    "intervention",
                    "intervention__domain",
                    "intervention__special_kind",
                    "closed_on",
                    "goal_attainment",
                )
            )
        ],
        "uvo_interval_days": dossier.uvo_interval_days,
        "adopted_on": _adopted_on(dossier),
        "uvos_on": [
            held_on.isoformat()
            for held_on in dossier.case_meetings.order_by("held_on", "pk").values_list(
                "held_on", flat=True
            )
        ],
        "evaluations_on": [
            on.isoformat()
            for on in dossier.evaluations.order_by("evaluated_on", "pk").values_list(
                "evaluated_on", flat=True
            )
        ],
        "evaluation_items": [
            [on.isoformat(), intervention, attainment]
            for on, intervention, attainment in EvaluationItem.objects.filter(
                evaluation__dossier=dossier
            )
            .order_by("pk")
            .values_list("evaluation__evaluated_on", "plan_item__intervention", "goal_attainment")
        ],
    }


_in_use: ContextVar[list[dict] | None] = ContextVar("monitor_facts", default=None)


def stored_facts() -> list[dict]:
    """The stored facts; inside ``facts_read_once`` the ones read when it began."""
    facts = _in_use.get()
    if facts is None:
        facts = list(MonitorFact.objects.values_list("data", flat=True))
    return facts


@contextmanager
def facts_read_once():
    """Read the stored facts once for every figure computed inside (one page, one query)."""
    token = _in_use.set(list(MonitorFact.objects.values_list("data", flat=True)))
    try:
        yield
    finally:
        _in_use.reset(token)


def day(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def in_period(value: str | None, period) -> bool:
    on = day(value)
    return on is not None and period.start <= on <= period.end


def _adopted_on(dossier) -> str | None:
    """The adoption decision's own date (the evaluation clock's start), not its recording."""
    from dossiers.models import ActionPlan

    on = ActionPlan.objects.filter(dossier=dossier).values_list("adopted_on", flat=True).first()
    return on.isoformat() if on else None

"""Which finished cases are past their retention period (docs/adr/0007)."""

import datetime
from dataclasses import dataclass

from django.db.models import Max, Q, QuerySet

from dossiers.models import Dossier, ProgrammeSettings
from dossiers.workflow.states import READ_ONLY_STATES
from dossiers.workflow.states import DossierState as S

# The steps that end a case; its retention clock starts on the last of them.
END_STATES = (S.TRIAGE_CLOSED, S.REGULAR_TRACK, S.NOT_INCLUDED, S.CLOSED)


@dataclass(frozen=True)
class RetentionRule:
    included_cutoff: datetime.date  # ended on or before: delete (was in the approach)
    not_included_cutoff: datetime.date  # ended on or before: delete (never included)


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _months_before(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    for candidate in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month + 1, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def retention_rule(*, today: datetime.date) -> RetentionRule:
    settings = ProgrammeSettings.load()
    return RetentionRule(
        included_cutoff=_years_before(today, settings.retention_years_included),
        not_included_cutoff=_months_before(today, settings.retention_months_not_included),
    )


def retention_until(*, ended_on: datetime.date, included: bool) -> datetime.date:
    """The last day a case that ended on ``ended_on`` is kept."""
    settings = ProgrammeSettings.load()
    if included:
        return _years_before(ended_on, -settings.retention_years_included)
    return _months_before(ended_on, -settings.retention_months_not_included)


def retention_due(*, today: datetime.date) -> QuerySet[Dossier]:
    """Finished dossiers whose retention period has passed, with ``ended_at`` annotated."""
    rule = retention_rule(today=today)
    return (
        Dossier.objects.filter(state__in=READ_ONLY_STATES)
        .annotate(ended_at=Max("history__at", filter=Q(history__to_state__in=END_STATES)))
        .filter(
            Q(included_on__isnull=False, ended_at__date__lt=rule.included_cutoff)
            | Q(included_on__isnull=True, ended_at__date__lt=rule.not_included_cutoff)
        )
        .order_by("pk")
    )

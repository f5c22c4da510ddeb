"""Writes of the monitor's day snapshots: the figures over all dossiers at the end of a day.

The nightly job takes yesterday and fills in the ends of earlier months that have none, the
newest first and ``limit`` at a time, so a first run on a large database stays within the
job's time limit; ``manage.py monitor_snapshots`` fills them all. A snapshot is never retaken:
it keeps the figures as they stood (``reports.selectors.end_of_day``).
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Min

from dossiers.models import Dossier
from reports.facts import facts_read_once
from reports.models import MonitorSnapshot
from reports.selectors import end_of_day_compute

ONE_DAY = datetime.timedelta(days=1)


def _month_ends(first: datetime.date, before: datetime.date) -> list[datetime.date]:
    """The last day of every month from ``first``'s month on, before ``before``; newest first."""
    ends = []
    month_start = first.replace(day=1)
    while True:
        next_month = (month_start + datetime.timedelta(days=32)).replace(day=1)
        end = next_month - ONE_DAY
        if end >= before:
            break
        ends.append(end)
        month_start = next_month
    return ends[::-1]


def monitor_snapshot_days(*, today: datetime.date) -> list[datetime.date]:
    """The days that should have a snapshot and have none: yesterday, then month ends."""
    first = Dossier.objects.aggregate(first=Min("created_at"))["first"]
    wanted = [today - ONE_DAY]
    if first is not None:
        wanted += _month_ends(first.date(), today - ONE_DAY)
    taken = set(MonitorSnapshot.objects.filter(day__in=wanted).values_list("day", flat=True))
    return [day for day in dict.fromkeys(wanted) if day not in taken]


def monitor_snapshots_take(*, today: datetime.date, limit: int | None = 36) -> int:
    """Take the missing snapshots (at most ``limit``; ``None``: all); returns how many."""
    days = monitor_snapshot_days(today=today)[:limit]
    with facts_read_once():
        for day in days:
            figures = end_of_day_compute(day).as_data()
            try:
                with transaction.atomic():
                    MonitorSnapshot.objects.create(day=day, figures=figures)
            except IntegrityError:
                pass  # taken meanwhile by another run: a snapshot is never retaken
    return len(days)

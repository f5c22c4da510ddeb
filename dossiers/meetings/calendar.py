"""The meeting calendar: series rhythm, Dutch public holidays, and look-ups the deadlines use."""

import bisect
import datetime
import functools
from collections.abc import Iterable

import holidays

from dossiers.models import Meeting, MeetingKind, MeetingSeries


@functools.cache
def _dutch_holidays(year: int) -> frozenset[datetime.date]:
    return frozenset(holidays.country_holidays("NL", years=year).keys())


def is_public_holiday(day: datetime.date) -> bool:
    """Whether ``day`` is a Dutch public holiday (the ``holidays`` package, NL)."""
    return day in _dutch_holidays(day.year)


def series_dates(series: MeetingSeries, *, start: datetime.date, until: datetime.date):
    """The rhythm's dates from ``start`` to ``until`` inclusive (holidays not yet removed)."""
    step = datetime.timedelta(weeks=series.interval_weeks)
    first = series.first_date
    if start > first:
        periods = -(-(start - first).days // step.days)
        first = first + periods * step
    day = first
    while day <= until:
        yield day
        day += step


class MeetingCalendar:
    """The meetings that take place, per kind, sorted by date; loaded with one query."""

    def __init__(self, meetings: Iterable[Meeting]):
        self._by_kind: dict[str, list[Meeting]] = {kind: [] for kind in MeetingKind.values}
        for meeting in meetings:
            if meeting.takes_place:
                self._by_kind[meeting.series.kind].append(meeting)
        for items in self._by_kind.values():
            items.sort(key=lambda m: (m.date, m.start_time))
        self._dates = {kind: [m.date for m in items] for kind, items in self._by_kind.items()}

    @classmethod
    def load(cls) -> "MeetingCalendar":
        return cls(Meeting.objects.select_related("series"))

    def first_on_or_after(self, kind: str, day: datetime.date) -> Meeting | None:
        index = bisect.bisect_left(self._dates[kind], day)
        items = self._by_kind[kind]
        return items[index] if index < len(items) else None

    def last_on_or_before(self, kind: str, day: datetime.date) -> Meeting | None:
        index = bisect.bisect_right(self._dates[kind], day)
        return self._by_kind[kind][index - 1] if index else None

    def first_with_cutoff_after(self, kind: str, day: datetime.date) -> Meeting | None:
        """The first meeting whose cut-off (meeting - cut-off days) falls after ``day``."""
        for meeting in self._by_kind[kind][bisect.bisect_right(self._dates[kind], day) :]:
            if meeting.cutoff_date > day:
                return meeting
        return None

    def upcoming(self, day: datetime.date) -> list[Meeting]:
        """Every meeting on or after ``day``, all kinds, by date."""
        found = [m for items in self._by_kind.values() for m in items if m.date >= day]
        return sorted(found, key=lambda m: (m.date, m.start_time))

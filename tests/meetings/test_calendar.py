"""The meeting calendar: series rhythm, Dutch public holidays, idempotent generation, moves."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from dossiers.meetings.calendar import MeetingCalendar, is_public_holiday
from dossiers.meetings.services import meeting_cancel, meeting_move, meetings_generate
from dossiers.models import Meeting, MeetingKind, MeetingStatus

D = datetime.date


def test_ascension_day_2027_is_a_holiday():
    assert is_public_holiday(D(2027, 5, 6))
    assert not is_public_holiday(D(2027, 5, 13))


def test_series_follow_their_rhythm(calendar):
    itatr = Meeting.objects.filter(series__kind=MeetingKind.ADVISORY)
    steering = Meeting.objects.filter(series__kind=MeetingKind.STEERING)
    assert {m.date.weekday() for m in itatr} == {3}  # Thursday
    assert {m.date.weekday() for m in steering} == {2}  # Wednesday
    dates = list(itatr.order_by("date").values_list("date", flat=True))
    assert {(b - a).days for a, b in zip(dates, dates[1:], strict=False)} == {21}
    assert steering.first().start_time == datetime.time(9, 0)


def test_meeting_on_a_holiday_does_not_take_place(calendar):
    ascension = Meeting.objects.get(series__kind=MeetingKind.ADVISORY, date=D(2027, 5, 6))
    assert ascension.status == MeetingStatus.HOLIDAY
    cal = MeetingCalendar.load()
    # Its business goes to the next meeting of the series.
    assert cal.first_on_or_after(MeetingKind.ADVISORY, D(2027, 4, 16)).date == D(2027, 5, 27)


def test_generation_is_idempotent(calendar):
    count = Meeting.objects.count()
    assert meetings_generate(until=D(2028, 12, 31)) == 0
    assert Meeting.objects.count() == count


def test_secretary_moves_a_holiday_meeting(calendar, users):
    ascension = Meeting.objects.get(series__kind=MeetingKind.ADVISORY, date=D(2027, 5, 6))
    meeting_move(meeting=ascension, by=users["secretaris"], date=D(2027, 5, 7))
    meetings_generate(until=D(2028, 12, 31))  # the job does not undo the move
    ascension.refresh_from_db()
    assert (ascension.date, ascension.status) == (D(2027, 5, 7), MeetingStatus.PLANNED)
    cal = MeetingCalendar.load()
    assert cal.first_on_or_after(MeetingKind.ADVISORY, D(2027, 4, 16)).date == D(2027, 5, 7)


def test_cancel_needs_the_manage_permission(calendar, users):
    meeting = Meeting.objects.filter(status=MeetingStatus.PLANNED).first()
    with pytest.raises(ValidationError):
        meeting_cancel(meeting=meeting, by=users["regisseur"])
    meeting_cancel(meeting=meeting, by=users["secretaris"], note="Geen punten")
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED

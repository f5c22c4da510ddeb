"""Writes of the meeting calendar: generating meetings ahead, moving and cancelling one."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers import access
from dossiers.meetings.calendar import is_public_holiday, series_dates
from dossiers.models import Meeting, MeetingSeries, MeetingStatus

GENERATE_AHEAD_DAYS = 400


def meetings_generate(*, until: datetime.date | None = None) -> int:
    """Create the series' meetings up to ``until``; a holiday's meeting is created as not held.

    Idempotent: a (series, rhythm date) pair is created once, so moved or cancelled meetings
    keep their state when the job runs again.
    """
    until = until or timezone.localdate() + datetime.timedelta(days=GENERATE_AHEAD_DAYS)
    new = []
    for series in MeetingSeries.objects.all():
        existing = set(series.meetings.values_list("scheduled_on", flat=True))
        for day in series_dates(series, start=series.first_date, until=until):
            if day in existing:
                continue
            holiday = is_public_holiday(day)
            new.append(
                Meeting(
                    series=series,
                    scheduled_on=day,
                    date=day,
                    start_time=series.start_time,
                    status=MeetingStatus.HOLIDAY if holiday else MeetingStatus.PLANNED,
                    note=_("Feestdag: vervalt; de punten gaan naar de volgende vergadering.")
                    if holiday
                    else "",
                )
            )
    Meeting.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def check_manager(by) -> None:
    """Raise unless ``by`` may manage meetings and agendas."""
    if not access.has_permission(by, "dossiers.manage_agenda"):
        raise ValidationError(_("U mag geen vergaderingen beheren."))


@transaction.atomic
def meeting_move(
    *, meeting: Meeting, by, date: datetime.date, start_time=None, note: str = ""
) -> Meeting:
    """Move one meeting by hand (also a holiday's meeting to another day); it takes place."""
    check_manager(by)
    if meeting.items.filter(decision__gt="").exists():
        raise ValidationError(_("Er zijn al besluiten vastgelegd; verplaatsen kan niet meer."))
    meeting.date = date
    meeting.start_time = start_time or meeting.start_time
    meeting.status = MeetingStatus.PLANNED
    meeting.note = note
    meeting.save(update_fields=["date", "start_time", "status", "note"])
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, by, note: str = "") -> Meeting:
    """Cancel one meeting; its undecided items must be moved to another meeting first."""
    check_manager(by)
    if meeting.items.filter(decision="").exists():
        raise ValidationError(_("Verplaats eerst de agendapunten naar een andere vergadering."))
    meeting.status = MeetingStatus.CANCELLED
    meeting.note = note
    meeting.save(update_fields=["status", "note"])
    return meeting


@transaction.atomic
def meeting_lapse(*, meeting: Meeting, by, note: str = "") -> Meeting:
    """The secretary marks a meeting without agenda items as "vervalt": it does not take
    place, so its agenda obligation and reminders end. Logged on the meeting."""
    from wagtail.log_actions import log

    check_manager(by)
    if meeting.items.exists():
        raise ValidationError(_("Er staan agendapunten op deze vergadering; die vervalt niet."))
    if meeting.status != MeetingStatus.PLANNED:
        raise ValidationError(_("Deze vergadering gaat al niet door."))
    meeting.status = MeetingStatus.NO_ITEMS
    meeting.note = note or str(_("Geen agendapunten"))
    meeting.save(update_fields=["status", "note"])
    log(
        instance=meeting,
        action="wagtail.edit",
        user=by,
        title=_("Vergadering vervalt: geen agendapunten"),
    )
    return meeting

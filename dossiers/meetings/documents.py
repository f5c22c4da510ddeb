"""Agenda documents: the printable PDF (WeasyPrint) and the iCalendar file of a meeting.

The .ics is written with the ``icalendar`` library (RFC 5545: folding, escaping, CRLF). Every
calendar sees one event per meeting and recognises updates: the UID is stable
(``<meeting-id>@<configured host>``, the host of ``WAGTAILADMIN_BASE_URL``, never the
request's), and SEQUENCE rises whenever what the event shows changes (time, place, status,
title or the agenda's items), see ``meeting_ics_sequence``.
"""

import datetime
import hashlib
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from dossiers.meetings.selectors import Slot, meeting_end
from dossiers.models import AgendaItem, Meeting

PRODID = "-//Gemeente Amsterdam//IPGA volgsysteem//NL"


def ics_host() -> str:
    """The configured host for UIDs: stable whatever host or port a request came in on."""
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def _aware(at: datetime.datetime) -> datetime.datetime:
    return timezone.make_aware(at) if timezone.is_naive(at) else at


def _fingerprint(meeting: Meeting, start, end) -> str:
    """What every reader's event shows, apart from their scoped slot lines."""
    items = AgendaItem.objects.filter(meeting=meeting).order_by("position", "pk")
    rows = items.values_list("pk", "kind", "position")
    parts = [
        start.isoformat(),
        end.isoformat(),
        str(meeting),
        meeting.series.location,
        meeting.status,
        *(f"{pk}:{kind}:{position}" for pk, kind, position in rows),
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


@transaction.atomic
def meeting_ics_sequence(meeting: Meeting, start, end) -> int:
    """The event's SEQUENCE: raised by one each time the fingerprint differs from the last."""
    locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
    fingerprint = _fingerprint(meeting, start, end)
    if locked.ics_fingerprint != fingerprint:
        if locked.ics_fingerprint:
            locked.ics_sequence += 1
        locked.ics_fingerprint = fingerprint
        Meeting.objects.filter(pk=meeting.pk).update(
            ics_sequence=locked.ics_sequence, ics_fingerprint=fingerprint
        )
    return locked.ics_sequence


def agenda_ics(*, meeting: Meeting, slots: list[Slot], url: str = "") -> str:
    """One VEVENT for the meeting; its description lists the slots the user may see."""
    start = _aware(datetime.datetime.combine(meeting.date, meeting.start_time))
    end = _aware(meeting_end(meeting))
    lines = [
        f"{s.start:%H:%M} {s.item.dossier.reference} {s.item.get_kind_display()}" for s in slots
    ]
    description = "\n".join([_("Agenda van %(meeting)s") % {"meeting": meeting}, *lines])
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"{meeting.pk}@{ics_host()}")
    event.add("sequence", meeting_ics_sequence(meeting, start, end))
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("dtstart", start.astimezone(datetime.UTC))
    event.add("dtend", end.astimezone(datetime.UTC))
    event.add("summary", str(meeting))
    event.add("description", description)
    if meeting.series.location:
        event.add("location", meeting.series.location)
    if url:
        event.add("url", url)
    event.add("status", "CONFIRMED" if meeting.takes_place else "CANCELLED")
    calendar.add_component(event)
    return calendar.to_ical().decode()


def agenda_html(*, meeting: Meeting, slots: list[Slot], hidden: int) -> str:
    """The printable agenda as HTML (also what the PDF is made of)."""
    return render_to_string(
        "dossiers/agenda_pdf.html",
        {"meeting": meeting, "slots": slots, "hidden": hidden, "printed_at": timezone.now()},
    )


def agenda_pdf(*, meeting: Meeting, slots: list[Slot], hidden: int) -> bytes:
    """The printable agenda as a PDF."""
    from weasyprint import HTML

    html = agenda_html(meeting=meeting, slots=slots, hidden=hidden)
    return HTML(string=html, base_url=None).write_pdf()

"""Agenda documents: the printable PDF (WeasyPrint) and the iCalendar file of a meeting.

No iCalendar library is installed, so the text is written here, following RFC 5545: CRLF line
ends, lines folded at 75 octets (never inside a UTF-8 character), TEXT values escaped, times
in UTC so no VTIMEZONE is needed.
"""

import datetime

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers.meetings.selectors import Slot, meeting_end
from dossiers.models import Meeting

PRODID = "-//Gemeente Amsterdam//IPGA volgsysteem//NL"
FOLD_AT = 75


def ics_escape(text: str) -> str:
    """Escape a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 3.3.11)."""
    text = str(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def ics_fold(line: str) -> str:
    """Fold a content line into parts of at most 75 octets; continuations start with a space."""
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode())
        limit = FOLD_AT if not parts else FOLD_AT - 1  # the leading space counts
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _aware(at: datetime.datetime) -> datetime.datetime:
    return timezone.make_aware(at) if timezone.is_naive(at) else at


def agenda_ics(*, meeting: Meeting, slots: list[Slot], host: str, url: str = "") -> str:
    """One VEVENT for the meeting; its description lists the slots the user may see."""
    start = _aware(datetime.datetime.combine(meeting.date, meeting.start_time))
    end = _aware(meeting_end(meeting))
    lines = [
        f"{s.start:%H:%M} {s.item.dossier.reference} {s.item.get_kind_display()}" for s in slots
    ]
    description = "\n".join([_("Agenda van %(meeting)s") % {"meeting": meeting}, *lines])
    status = "CONFIRMED" if meeting.takes_place else "CANCELLED"
    content = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:vergadering-{meeting.pk}@{host}",
        f"DTSTAMP:{_utc(timezone.now())}",
        f"DTSTART:{_utc(start)}",
        f"DTEND:{_utc(end)}",
        f"SUMMARY:{ics_escape(meeting)}",
        f"DESCRIPTION:{ics_escape(description)}",
        *([f"LOCATION:{ics_escape(meeting.series.location)}"] if meeting.series.location else []),
        *([f"URL:{url}"] if url else []),
        f"STATUS:{status}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(ics_fold(line) + "\r\n" for line in content)


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

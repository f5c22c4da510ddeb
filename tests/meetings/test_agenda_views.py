"""Agenda pages in the admin: scoped content, access log, the .ics and PDF, 404 for other roles."""

import datetime
import re
import zlib

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from icalendar import Calendar

from dossiers.meetings.agenda import agenda_item_add
from dossiers.meetings.documents import agenda_html
from dossiers.meetings.selectors import agenda_slots_for
from dossiers.models import (
    AccessAction,
    AccessLogEntry,
    AgendaItem,
    Meeting,
    MeetingKind,
    Subject,
)
from dossiers.workflow.states import DossierState as S

D = datetime.date
OTHER_ROLES = ("map", "politie", "voorportaal", "programmateam", "beheer")


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def agenda(calendar, clock, users, walk, other_director):
    """The ITAT-R of 21 January 2027 with an own dossier of ``regisseur`` (13:20) and one of
    another organisation's director (13:00)."""
    meeting = Meeting.objects.get(series__kind=MeetingKind.ADVISORY, date=D(2027, 1, 21))
    meeting.series.location = "Stadhuis, kamer 3; Amstel 1"
    meeting.series.save()
    theirs = walk(S.PLAN_SUBMITTED, case_director=other_director)
    mine = walk(S.CLOSURE_PROPOSED)
    # Distinct fictional names, so no generated user name can match them by chance.
    Subject.objects.filter(pk=theirs.subject_id).update(last_name="Zwaluwstaart")
    Subject.objects.filter(pk=mine.subject_id).update(last_name="Kievitsbloem")
    theirs.subject.refresh_from_db()
    mine.subject.refresh_from_db()
    for dossier, kind in ((theirs, "concept_plan"), (mine, "closure")):
        agenda_item_add(meeting=meeting, dossier=dossier, kind=kind, by=users["secretaris"])
    meeting.refresh_from_db()
    return meeting, mine, theirs


def _url(name, meeting):
    return reverse(f"agendas:{name}", args=[meeting.pk])


def test_secretary_sees_the_agenda_and_every_read_is_logged(agenda, users):
    meeting, mine, theirs = agenda
    before = AccessLogEntry.objects.count()
    response = client_for(users["secretaris"]).get(_url("detail", meeting))
    content = response.content.decode()
    assert response.status_code == 200
    for dossier in (mine, theirs):
        assert dossier.reference in content and dossier.subject.last_name in content
    assert content.index(theirs.reference) < content.index(mine.reference)
    assert "13:00–13:20" in content and "13:20–13:40" in content
    logged = AccessLogEntry.objects.order_by("pk")[before:]
    assert {e.dossier_reference for e in logged} == {mine.reference, theirs.reference}
    assert {e.username for e in logged} == {"secretaris"}


def test_case_director_sees_only_their_own_item(agenda, users):
    meeting, mine, theirs = agenda
    response = client_for(users["regisseur"]).get(_url("detail", meeting))
    content = response.content.decode()
    assert response.status_code == 200
    assert mine.reference in content and "13:20–13:40" in content
    assert theirs.reference not in content and theirs.subject.last_name not in content
    assert "1 ander agendapunt valt buiten uw dossiers" in content
    assert "Toevoegen" not in content and "Omhoog" not in content  # reading, not building


@pytest.mark.parametrize("role", OTHER_ROLES)
@pytest.mark.parametrize("name", ["detail", "pdf", "ics", "publish", "add"])
def test_other_roles_get_404(agenda, users, role, name):
    meeting, *_ = agenda
    client = client_for(users[role])
    assert client.get(_url(name, meeting)).status_code == 404
    assert client.post(_url(name, meeting)).status_code == 404
    assert client.get(reverse("agendas:index")).status_code == 404


@pytest.mark.parametrize("name", ["move", "remove", "decide"])
@pytest.mark.parametrize("role", ["regisseur", "regieoverleg", "itatr", "map"])
def test_item_views_are_the_secretarys(agenda, users, role, name):
    meeting, mine, _ = agenda
    item = AgendaItem.objects.get(dossier=mine)
    url = reverse(f"agenda_items:{name}", args=[item.pk])
    assert client_for(users[role]).post(url, {"direction": "up"}).status_code == 404
    assert list(meeting.items.order_by("position").values_list("dossier", flat=True))[1] == mine.pk


def test_secretary_builds_through_the_pages(agenda, users, walk):
    meeting, mine, theirs = agenda
    client = client_for(users["secretaris"])
    extra = walk(S.PLAN_SUBMITTED)
    response = client.post(_url("add", meeting), {"dossier": extra.pk, "kind": "concept_plan"})
    assert response.status_code == 302
    item = AgendaItem.objects.get(meeting=meeting, dossier=extra)
    assert item.position == 2
    client.post(reverse("agenda_items:move", args=[item.pk]), {"direction": "up"})
    order = list(meeting.items.order_by("position").values_list("dossier", flat=True))
    assert order == [theirs.pk, extra.pk, mine.pk]
    client.post(reverse("agenda_items:remove", args=[item.pk]))
    assert not AgendaItem.objects.filter(pk=item.pk).exists()
    # By dossier number, for a dossier that is not proposed.
    other = walk(S.IN_EXECUTION)
    client.post(_url("add", meeting), {"reference": other.reference, "kind": "escalation"})
    assert AgendaItem.objects.get(meeting=meeting, dossier=other).kind == "escalation"
    response = client.post(_url("add", meeting), {"reference": "2099-99999", "kind": "closure"})
    assert "Geen dossier met dit nummer" in client.get(response.url).content.decode()


def test_publish_page_lists_recipients_and_sends_once(agenda, users, other_director):
    meeting, *_ = agenda
    client = client_for(users["secretaris"])
    content = client.get(_url("publish", meeting)).content.decode()
    for user in (users["itatr"], users["secretaris"], users["regisseur"], other_director):
        assert user.email in content
    assert users["regieoverleg"].email not in content
    client.post(_url("publish", meeting))
    client.post(_url("publish", meeting))
    assert len(mail.outbox) == 4
    meeting.refresh_from_db()
    assert meeting.agenda_published_at is not None


def test_decision_page_shows_refusal_reasons_and_keeps_input(calendar, clock, users, walk):
    meeting = Meeting.objects.get(series__kind=MeetingKind.STEERING, date=D(2027, 1, 20))
    dossier = walk(S.AWAITING_DECISION)
    item = agenda_item_add(
        meeting=meeting, dossier=dossier, kind="decision", by=users["secretaris"]
    )
    clock.move_to(meeting.date)
    client = client_for(users["secretaris"])
    url = reverse("agenda_items:decide", args=[item.pk])
    response = client.post(url, {"decision": "not_include", "note": "Geen radicalisering"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Vermeld aan wie de melding wordt overgedragen." in content
    assert "Geen radicalisering" in content  # nothing lost
    dossier.refresh_from_db()
    assert dossier.state == S.AWAITING_DECISION
    response = client.post(
        url,
        {"decision": "not_include", "note": "Geen radicalisering", "destination": "Wijkteam"},
    )
    assert response.status_code == 302
    dossier.refresh_from_db()
    item.refresh_from_db()
    assert (dossier.state, item.decision) == (S.NOT_INCLUDED, "not_include")


def test_ics_download(agenda, users):
    meeting, mine, theirs = agenda
    response = client_for(users["regisseur"]).get(_url("ics", meeting))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    raw = response.content
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    text = raw.decode().replace("\r\n ", "")  # unfold
    # 13:00 in Amsterdam in January is 12:00 UTC; two slots of 20 minutes.
    assert "DTSTART:20270121T120000Z" in text and "DTEND:20270121T124000Z" in text
    assert f"UID:{meeting.pk}@localhost" in text  # the configured host, not the request's
    assert f"URL:http://testserver/admin/agenda/{meeting.pk}/" in text
    assert "LOCATION:Stadhuis\\, kamer 3\\; Amstel 1" in text
    assert f"13:20 {mine.reference} Afbouw- of afsluitvoorstel" in text
    assert theirs.reference not in text
    entry = AccessLogEntry.objects.latest("pk")
    assert (entry.action, entry.dossier_reference) == (AccessAction.DOWNLOAD, mine.reference)


def _event(response):
    calendar = Calendar.from_ical(response.content)
    assert calendar["METHOD"] == "PUBLISH"
    (event,) = calendar.walk("VEVENT")
    return event


@override_settings(WAGTAILADMIN_BASE_URL="https://ipga.example.nl")
def test_ics_parses_with_icalendar_stable_uid_and_rising_sequence(agenda, users):
    meeting, mine, _theirs = agenda
    client = client_for(users["regisseur"])
    first = _event(client.get(_url("ics", meeting)))
    assert str(first["UID"]) == f"{meeting.pk}@ipga.example.nl"
    assert first["DTSTAMP"].dt.tzinfo is not None
    assert first["LOCATION"] == "Stadhuis, kamer 3; Amstel 1"
    again = _event(client.get(_url("ics", meeting), secure=True))
    assert str(again["UID"]) == str(first["UID"])
    assert again["SEQUENCE"] == first["SEQUENCE"]  # nothing changed
    Meeting.objects.filter(pk=meeting.pk).update(start_time=datetime.time(14, 0))
    moved = _event(client.get(_url("ics", meeting)))
    assert moved["SEQUENCE"] == first["SEQUENCE"] + 1
    assert moved["DTSTART"].dt.hour == 13  # 14:00 Amsterdam in January is 13:00 UTC
    AgendaItem.objects.filter(meeting=meeting).delete()
    emptied = _event(client_for(users["secretaris"]).get(_url("ics", meeting)))
    assert emptied["SEQUENCE"] == moved["SEQUENCE"] + 1


def _pdf_strings(pdf: bytes) -> bytes:
    """The PDF's streams inflated: enough to find its document info (title)."""
    found = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            found.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"".join(found)


def _layout_text(html: str) -> str:
    """The text WeasyPrint lays out on the PDF's pages (the glyphs it draws)."""
    from weasyprint import HTML

    def walk(box):
        if getattr(box, "text", None):
            yield box.text
        for child in getattr(box, "children", []) or []:
            yield from walk(child)

    document = HTML(string=html).render()
    return " ".join(t for page in document.pages for t in walk(page._page_box))


def test_pdf_of_the_agenda(agenda, users):
    meeting, mine, theirs = agenda
    response = client_for(users["secretaris"]).get(_url("pdf", meeting))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert b"Agenda ITAT-R 21-01-2027" in _pdf_strings(response.content)
    entries = AccessLogEntry.objects.filter(action=AccessAction.PRINT)
    assert {e.dossier_reference for e in entries} == {mine.reference, theirs.reference}

    slots = agenda_slots_for(meeting=meeting, user=users["secretaris"])
    text = _layout_text(agenda_html(meeting=meeting, slots=slots, hidden=0))
    assert "Agenda ITAT-R 21-01-2027" in text
    assert "13:00–13:20" in text and theirs.reference in text
    assert "13:20–13:40" in text and mine.subject.last_name in text
    assert "Vertrouwelijk" in text


def test_index_lists_meetings_for_participants(agenda, users):
    meeting, *_ = agenda
    content = client_for(users["itatr"]).get(reverse("agendas:index")).content.decode()
    assert _url("detail", meeting) in content
    assert "ITAT-R" in content and "Regieoverleg" in content


def test_agenda_page_queries_do_not_grow_with_its_rows(calendar, clock, users, walk):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    meeting = Meeting.objects.get(series__kind=MeetingKind.ADVISORY, date=D(2027, 1, 21))
    client = client_for(users["secretaris"])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_url("detail", meeting)).status_code == 200
        return len(queries)

    def grow():
        placed = walk(S.PLAN_SUBMITTED)
        agenda_item_add(
            meeting=meeting, dossier=placed, kind="concept_plan", by=users["secretaris"]
        )
        walk(S.PLAN_SUBMITTED)  # a proposal
        walk(S.CLOSURE_PROPOSED)  # another

    grow()
    count()  # warm the per-process caches (settings, content types)
    small = count()
    for _ in range(3):
        grow()
    assert count() == small


def test_decision_page_read_is_logged(agenda, users, clock):
    meeting, mine, _ = agenda
    clock.move_to(meeting.date)
    item = AgendaItem.objects.get(dossier=mine)
    response = client_for(users["secretaris"]).get(reverse("agenda_items:decide", args=[item.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert mine.subject.last_name in content and "Advies" in content
    entry = AccessLogEntry.objects.latest("pk")
    assert (entry.username, entry.dossier_reference) == ("secretaris", mine.reference)


def test_dossier_page_shows_its_slot(agenda, users):
    meeting, mine, _ = agenda
    response = client_for(users["regisseur"]).get(reverse("dossiers:inspect", args=[mine.pk]))
    content = response.content.decode()
    assert "Op de agenda" in content
    assert "21 januari 2027, 13:20–13:40: Afbouw- of afsluitvoorstel" in content
    assert _url("detail", meeting) in content

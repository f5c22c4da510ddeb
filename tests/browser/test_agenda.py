"""The secretary builds and publishes an ITAT-R agenda in the browser: proposals from the
dossiers' states, added to 20-minute slots, reordered, sent by mail, printed and downloaded."""

import datetime
import shutil
import zoneinfo
from pathlib import Path

import pytest
import time_machine
from django.core import mail

from dossiers.meetings.services import meetings_generate
from dossiers.models import AgendaItem, Meeting, MeetingKind
from dossiers.workflow.states import DossierState as S
from tests.browser.conftest import log_in, screenshot
from tests.conftest import walk_dossier

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SHOTS = Path("/tmp/agenda")  # noqa: S108 (screenshots to look at, per the brief)
MONDAY = datetime.datetime(2027, 1, 11, 10, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam"))


def _shot(page, name):
    path = screenshot(page, f"agenda-{name}")
    SHOTS.mkdir(exist_ok=True)
    shutil.copy(path, SHOTS / path.name)


def _slot_order(page):
    return page.locator("table.agenda-slots tbody tr").evaluate_all(
        "rows => rows.map(r => [r.dataset.dossier, r.querySelector('.slot-time').textContent])"
    )


def test_secretary_builds_and_publishes_an_agenda(page, role_users):
    with time_machine.travel(MONDAY, tick=True):
        meetings_generate(until=datetime.date(2027, 12, 31))
        meeting = Meeting.objects.get(series__kind=MeetingKind.ADVISORY, date="2027-01-21")
        first, second = (
            walk_dossier(role_users, S.PLAN_SUBMITTED, role_users["regisseur"]) for _ in range(2)
        )
        closure = walk_dossier(role_users, S.CLOSURE_PROPOSED, role_users["regisseur"])

        log_in(page, "secretaris")
        page.click("text=Vergaderingen")
        page.click('a:has-text("Agenda\'s")')
        page.wait_for_url("**/admin/agenda/")
        _shot(page, "1-overview")
        page.click(f"a[href='/admin/agenda/{meeting.pk}/']")
        page.wait_for_url(f"**/admin/agenda/{meeting.pk}/")
        proposals = page.locator("table.agenda-proposals tbody tr")
        assert proposals.count() == 3
        _shot(page, "2-proposals")

        for dossier in (first, second, closure):
            page.click(f"tr[data-dossier='{dossier.reference}'] button:has-text('Toevoegen')")
            page.wait_for_url(f"**/admin/agenda/{meeting.pk}/")
        assert "Er wachten geen dossiers op deze vergadering." in page.content()
        page.click(f"button[aria-label='{closure.reference} omhoog']")
        page.wait_for_url(f"**/admin/agenda/{meeting.pk}/")
        assert _slot_order(page) == [
            [first.reference, "13:00–13:20"],
            [closure.reference, "13:20–13:40"],
            [second.reference, "13:40–14:00"],
        ]
        _shot(page, "3-built")

        page.click("a:has-text('Agenda versturen')")
        page.wait_for_url(f"**/admin/agenda/{meeting.pk}/versturen/")
        assert role_users["itatr"].email in page.content()
        _shot(page, "4-confirm")
        page.click("button:has-text('Nu versturen')")
        page.wait_for_url(f"**/admin/agenda/{meeting.pk}/")
        assert "Agenda verstuurd: 3 e-mails." in page.content()
        assert "Omhoog" not in page.content()  # the order is fixed now
        _shot(page, "5-published")

        meeting.refresh_from_db()
        assert meeting.agenda_published_at is not None
        positions = dict(AgendaItem.objects.values_list("dossier_id", "position"))
        assert positions == {first.pk: 0, closure.pk: 1, second.pk: 2}
        director_mail = next(m for m in mail.outbox if m.to == [role_users["regisseur"].email])
        assert f"13:20-13:40  {closure.reference}" in director_mail.body

        with page.expect_download() as download:
            page.click("a:has-text('In agenda zetten (.ics)')")
        assert download.value.suggested_filename == "itatr-2027-01-21.ics"
        response = page.request.get(f"{page.base_url}/admin/agenda/{meeting.pk}/pdf/")
        assert response.headers["content-type"] == "application/pdf"
        assert response.body().startswith(b"%PDF-")


def test_secretary_records_decisions_and_sees_refusal_reasons(page, role_users):
    from dossiers.meetings.agenda import agenda_item_add

    secretary, director = role_users["secretaris"], role_users["regisseur"]
    with time_machine.travel(MONDAY, tick=True) as clock:
        meetings_generate(until=datetime.date(2027, 12, 31))
        meeting = Meeting.objects.get(series__kind=MeetingKind.STEERING, date="2027-01-20")
        signal = walk_dossier(role_users, S.AWAITING_DECISION, director)
        plan = walk_dossier(role_users, S.PLAN_DEFINITIVE, director)
        for dossier, kind in ((signal, "decision"), (plan, "definitive_plan")):
            agenda_item_add(meeting=meeting, dossier=dossier, kind=kind, by=secretary)

        clock.move_to(datetime.datetime(2027, 1, 20, 11, tzinfo=MONDAY.tzinfo))
        log_in(page, "secretaris")
        page.goto(f"{page.base_url}/admin/agenda/{meeting.pk}/")
        page.click(f"tr[data-dossier='{signal.reference}'] a:has-text('Besluit vastleggen')")
        page.check("input[name=decision][value=include]")
        page.fill("textarea[name=note]", "Opnemen; regisseur volgt.")
        page.click("button:has-text('Besluit vastleggen')")
        page.wait_for_selector("[data-error-summary]:focus")
        content = page.content()
        assert "Bij opnemen moet een regisseur worden aangewezen." in content
        assert "Opnemen; regisseur volgt." in content  # nothing lost
        _shot(page, "6-refusal")
        page.select_option("select[name=case_director]", str(director.pk))
        page.click("button:has-text('Besluit vastleggen')")
        page.wait_for_url(f"**/admin/agenda/{meeting.pk}/")

        page.click(f"tr[data-dossier='{plan.reference}'] a:has-text('Besluit vastleggen')")
        page.check("input[name=decision][value=adopt]")
        page.click("button:has-text('Besluit vastleggen')")
        page.wait_for_url(f"**/admin/agenda/{meeting.pk}/")
        assert "staat nu op “Plan vastgesteld door het Regieoverleg”" in page.content()
        _shot(page, "7-decided")

    signal.refresh_from_db()
    plan.refresh_from_db()
    assert (signal.state, signal.case_director) == (S.INCLUDED, director)
    assert plan.state == S.PLAN_ADOPTED
    decisions = dict(AgendaItem.objects.values_list("dossier_id", "decision"))
    assert decisions == {signal.pk: "include", plan.pk: "adopt"}

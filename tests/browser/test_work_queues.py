"""Each role's start page shows its queue; one click opens the listing with the same filter.
The dossier page shows its summary and next step without scrolling at 1440x900."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from dossiers.meetings.agenda import agenda_item_add
from dossiers.meetings.services import meetings_generate
from dossiers.models import AgendaItemKind, Meeting, MeetingKind
from dossiers.workflow.states import DossierState as S
from tests.browser.conftest import log_in, screenshot
from tests.conftest import walk_dossier

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# role -> (a dossier in this state waits for it, its queue, what the listing URL filters on)
QUEUES = {
    "map": (S.REGISTERED, "signals", "state=registered"),
    "voorportaal": (S.PRE_ASSESSMENT, "pre_assessment", "state=pre_assessment"),
    "regieoverleg": (S.AWAITING_DECISION, "decisions", "state=awaiting_decision"),
    "secretaris": (S.PLAN_ADOPTED, "accord", "state=plan_adopted"),
    "regisseur": (S.INCLUDED, "deadlines", "due=four_weeks"),
}


@pytest.mark.parametrize("role", QUEUES)
def test_start_page_queue_leads_to_the_filtered_listing(page, role_users, role):
    state, key, query = QUEUES[role]
    meetings_generate()
    # Built five weeks ago, so the case director's first deadlines fall in the next four weeks.
    with time_machine.travel(timezone.now() - datetime.timedelta(weeks=5), tick=False):
        dossier = walk_dossier(role_users, state, role_users["regisseur"])
    page.set_viewport_size({"width": 1440, "height": 900})
    log_in(page, role)
    queue = page.locator(f"section[data-queue='{key}']")
    queue.wait_for()
    assert dossier.reference in queue.inner_text()
    screenshot(page, f"queue-{role}")
    queue.locator("a.button").click()
    page.wait_for_url(f"**/admin/dossiers/?*{query}*")
    assert dossier.reference in page.locator("table.listing").inner_text()


def test_dossier_page_summary_and_next_step_above_the_fold(page, role_users):
    meetings_generate()
    dossier = walk_dossier(role_users, S.INCLUDED, role_users["regisseur"])
    page.set_viewport_size({"width": 1440, "height": 900})
    log_in(page, "regisseur")
    page.goto(f"{page.base_url}/admin/dossiers/inspect/{dossier.pk}/")
    header = page.locator(".dossier-header")
    assert dossier.reference in header.inner_text()
    assert "Volgende termijn" in header.inner_text()
    step = header.locator(".dossier-header__steps .button").first
    box = step.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 900
    page.screenshot(path=str(screenshot(page, "dossier-page-1440")), full_page=False)


def test_advisory_member_sees_the_own_organisations_items_and_opens_the_agenda(page, role_users):
    meetings_generate()
    dossier = walk_dossier(role_users, S.PLAN_SUBMITTED, role_users["regisseur"])
    meeting = (
        Meeting.objects.filter(series__kind=MeetingKind.ADVISORY, date__gte=timezone.localdate())
        .order_by("date")
        .first()
    )
    agenda_item_add(
        meeting=meeting,
        dossier=dossier,
        kind=AgendaItemKind.CONCEPT_PLAN,
        by=role_users["secretaris"],
    )
    page.set_viewport_size({"width": 1440, "height": 900})
    log_in(page, "itatr")
    queue = page.locator("section[data-queue='advisory']")
    queue.wait_for()
    assert dossier.reference in queue.inner_text() and "Conceptplan" in queue.inner_text()
    screenshot(page, "queue-itatr")
    queue.locator("a.button").click()
    page.wait_for_url(f"**/admin/agenda/{meeting.pk}/")
    assert dossier.reference in page.locator("main").inner_text()

"""A dossier's own UVO interval moves its due date, its reminders and the monitor's figure."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from dossiers.models import DossierDeadline, ObligationKind, Reminder
from dossiers.obligations import dossier_obligations
from dossiers.services.intervals import uvo_interval_set
from dossiers.services.reminders import reminders_scan
from dossiers.workflow.states import DossierState as S
from reports.periods import Period
from reports.selectors import uvo_deadline_compliance
from tests.factories.plan import uvo_held

pytestmark = pytest.mark.django_db
D = datetime.date
HELD = D(2027, 6, 7)


@pytest.fixture
def executing(clock, calendar, walk, users):
    clock.move_to(D(2027, 3, 25))
    dossier = walk(S.IN_EXECUTION)
    clock.move_to(HELD)
    uvo_held(dossier, users["regisseur"], on=HELD)
    return dossier


def _uvo_due(dossier):
    dossier.refresh_from_db()
    return {o.kind: o for o in dossier_obligations(dossier=dossier)}[ObligationKind.UVO]


def _overdue_on(day):
    rows = dict(
        uvo_deadline_compliance(period=Period(start=D(2027, 1, 1), end=day, label="x")).rows
    )
    return rows["Dossiers met een verstreken UVO-termijn aan het eind van de periode"]


def test_a_shorter_interval_moves_due_date_reminders_and_monitor(executing, users, clock):
    assert _uvo_due(executing).due_on == HELD + datetime.timedelta(days=56)
    uvo_interval_set(
        dossier=executing, by=users["regisseur"], days=28, reason="Tijdelijk vaker: onrust"
    )
    obligation = _uvo_due(executing)
    assert obligation.due_on == HELD + datetime.timedelta(days=28)
    assert obligation.rule == "Vorige UVO + 28 dagen (interval van dit dossier)"
    # the stored copy the start page's queues, the listing and the monitor read moves with it
    stored = DossierDeadline.objects.get(dossier=executing, kind=ObligationKind.UVO)
    assert stored.due_on == HELD + datetime.timedelta(days=28)

    day = HELD + datetime.timedelta(days=21)  # 7 days before the dossier's own due date
    clock.move_to(day)
    reminders_scan(on=day)
    reminder = Reminder.objects.get(obligation_key=f"uvo:{executing.pk}", kind="before")
    assert reminder.due_on == HELD + datetime.timedelta(days=28)

    later = HELD + datetime.timedelta(days=30)
    clock.move_to(later)
    assert _overdue_on(later) == 1  # by the programme's 56 days it would not be overdue yet
    uvo_interval_set(dossier=executing, by=users["regisseur"], days=None)
    assert _overdue_on(later) == 0


def test_another_interval_needs_a_reason_and_only_the_case_director_sets_it(
    executing, users, client
):
    with pytest.raises(ValidationError):
        uvo_interval_set(dossier=executing, by=users["regisseur"], days=28, reason="")
    url = reverse("dossiers:uvo_interval", args=[executing.pk])
    client.force_login(users["secretaris"])
    assert client.get(url).status_code != 200  # Wagtail redirects a refusal to the dashboard
    client.post(url, {"days": "14", "reason": "niet de regisseur"})
    executing.refresh_from_db()
    assert executing.uvo_interval_days is None
    client.force_login(users["regisseur"])
    response = client.post(url, {"days": "84", "reason": "Stabiel, lagere frequentie"})
    assert response.status_code == 302
    executing.refresh_from_db()
    assert (executing.uvo_interval_days, executing.uvo_interval_reason) == (
        84,
        "Stabiel, lagere frequentie",
    )
    page = client.get(reverse("dossiers:inspect", args=[executing.pk])).content.decode()
    assert "elke 84 dagen" in page

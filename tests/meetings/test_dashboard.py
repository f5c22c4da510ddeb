"""The start page's work queues per role, the dossier's next deadlines, and the reminder listing."""

import datetime

from django.urls import reverse

from dossiers.models import DossierDeadline, Reminder, ReminderKind
from dossiers.selectors.queues import work_queues_for
from dossiers.services.reminders import reminders_scan
from dossiers.workflow.states import DossierState as S

D = datetime.date


def _queues(user, on):
    return {queue.key: queue for queue in work_queues_for(user=user, on=on)}


def test_work_queues_per_role(clock, calendar, walk, users, other_director):
    """Included on 25 March: on 21 May the concept plan (due 20 May) is overdue."""
    clock.move_to(D(2027, 3, 25))
    dossier = walk(S.INCLUDED)
    on = D(2027, 5, 21)
    clock.move_to(on)

    # The case director: their stored deadlines, and the earliest in their deadline queue.
    mine = DossierDeadline.objects.filter(dossier=dossier, responsible_user=users["regisseur"])
    assert set(mine.values_list("kind", flat=True)) == {"concept_plan", "uvo"}
    deadlines = _queues(users["regisseur"], on)["deadlines"]
    assert [(row.label, row.when, row.overdue) for row in deadlines.rows] == [
        (dossier.reference, D(2027, 5, 20), True)
    ]
    assert _queues(other_director, on)["deadlines"].count == 0

    # The MAP sends the letter: the letter queue, through the letter scope.
    map_queues = _queues(users["map"], on)
    assert [row.label for row in map_queues["letters"].rows] == [dossier.reference]
    assert "deadlines" not in map_queues

    # Overdue obligations escalate to the ITAT-R member of the director's organisation; that
    # is a reminder now, not a start-page queue (more in test_reminders.py).
    reminders_scan(on=on)
    escalated = Reminder.objects.filter(kind=ReminderKind.ESCALATION, dossier_id=dossier.pk)
    to_itatr = {
        r.obligation_key.split(":")[0] for r in escalated if users["itatr"].email in r.recipients
    }
    assert to_itatr == {"concept_plan", "uvo"}

    # The secretary sends agendas: the next meetings, whose agenda is not sent yet.
    meetings = _queues(users["secretaris"], on)["meetings"]
    assert meetings.rows
    assert all("agenda nog niet verstuurd" in row.what for row in meetings.rows)
    assert any(row.when <= on + datetime.timedelta(days=7) for row in meetings.rows)


def test_dashboard_and_dossier_page_show_deadlines(clock, calendar, walk, users, client):
    clock.move_to(D(2027, 3, 25))
    dossier = walk(S.INCLUDED)
    client.force_login(users["regisseur"])
    page = client.get(reverse("dossiers:inspect", args=[dossier.pk])).content.decode()
    assert "Volgende termijnen" in page and "20 mei 2027" in page
    clock.move_to(D(2027, 5, 18))
    client.force_login(users["regisseur"])  # a new session: the old one timed out
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Mijn termijnen in de komende vier weken" in home and dossier.reference in home


def test_reminder_listing_for_administrators(client, users):
    client.force_login(users["beheer"])
    assert client.get(reverse("reminders:index")).status_code == 200
    client.force_login(users["regisseur"])
    assert client.get(reverse("reminders:index")).status_code in (302, 403)

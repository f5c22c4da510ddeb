"""The "Actie nodig" queue and the dossier's next deadlines, and the reminder listing."""

import datetime

from django.urls import reverse

from dossiers.selectors.obligations import action_queue_for
from dossiers.workflow.states import DossierState as S

D = datetime.date


def test_action_queue_per_role(clock, calendar, walk, users, other_director):
    clock.move_to(D(2027, 3, 25))
    dossier = walk(S.INCLUDED)
    clock.move_to(D(2027, 5, 21))
    mine = action_queue_for(user=users["regisseur"], on=D(2027, 5, 21))
    assert {o.kind for o in mine} == {"concept_plan", "uvo"}
    assert all(o.dossier == dossier for o in mine)
    assert action_queue_for(user=other_director, on=D(2027, 5, 21)) == []
    # the MAP sends the letter: its obligation reaches the MAP through the letter scope
    assert {o.kind for o in action_queue_for(user=users["map"], on=D(2027, 5, 21))} == {"letter"}
    escalated = action_queue_for(user=users["itatr"], on=D(2027, 5, 21))
    assert {o.kind for o in escalated} == {"concept_plan", "uvo"}  # overdue: escalated
    agenda = action_queue_for(user=users["secretaris"], on=D(2027, 5, 21))
    assert {o.kind for o in agenda} == {"agenda"}


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

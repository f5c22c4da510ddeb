"""Reading, editing and linking to the handbook."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from handbook.models import GuidancePage, HomePage
from handbook.selectors import handbook_sections, handbook_url

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get("/inleiding/")
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]
    assert client.get("/").status_code == 302


def test_any_logged_in_user_reads_the_handbook(client, users):
    client.force_login(users["regisseur"])
    index = client.get("/").content.decode()
    assert "Handreiking voor de regisseur" in index
    assert "Vakontwikkeling" in index
    page = client.get("/inleiding/").content.decode()
    assert 'id="risk-groups"' in page
    assert "(potentiële en verijdelde) uitreizigers" in page


def test_help_keys_resolve_to_page_and_anchor():
    assert handbook_url(key="risk-groups") == "/inleiding/#risk-groups"
    assert handbook_url(key="notificatiebrief") == "/notificatiebrief/"
    assert handbook_url(key="bestaat-niet") is None
    keys = handbook_sections()
    assert {"advisory-team", "passport-measure", "training", "basic-dossier"} <= set(keys)


def test_handbook_link_tag_renders_the_url_and_the_help_link():
    request = RequestFactory().get("/")
    template = Template(
        '{% load handbook_tags %}<a href="{% handbook_link "risk-groups" %}">x</a>'
        '{% handbook_help "risk-groups" "Wat betekent risicogroep 3?" %}'
        '[{% handbook_help "bestaat-niet" %}]'
    )
    html = template.render(Context({"request": request}))
    assert '<a href="/inleiding/#risk-groups">x</a>' in html
    assert "Wat betekent risicogroep 3?" in html
    assert "[]" in html


def test_dossier_page_links_to_the_handbook(client, walk, users):
    from dossiers.workflow.states import DossierState

    dossier = walk(DossierState.IN_EXECUTION)
    client.force_login(users["regisseur"])
    page = client.get(reverse("dossiers:inspect", args=[dossier.pk])).content.decode()
    assert 'href="/basisdossier/#basic-dossier"' in page


def test_programme_team_edits_and_publishes_a_chapter(client, users):
    page = GuidancePage.objects.get(chapter="8")
    client.force_login(users["programmateam"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert client.get(edit_url).status_code == 200

    revision = page.save_revision(user=users["programmateam"])
    page.title = "De instrumentenkoffer (bijgewerkt)"
    page.placeholder = False
    revision = page.save_revision(user=users["programmateam"])
    revision.publish(user=users["programmateam"])
    page.refresh_from_db()
    assert page.title == "De instrumentenkoffer (bijgewerkt)"
    assert not page.placeholder
    assert page.revisions.count() == 2


def test_case_director_cannot_edit_the_handbook(client, users):
    page = GuidancePage.objects.get(chapter="8")
    client.force_login(users["regisseur"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code in (302, 403)
    home = HomePage.objects.get()
    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=[home.pk]))
    assert response.status_code in (302, 403)

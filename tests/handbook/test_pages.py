"""Reading, editing and linking to the handbook."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from handbook.blocks import RICH_TEXT_FEATURES
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
    """The programme team fills in a placeholder chapter in the Wagtail page editor and
    publishes it; the reader then sees the new text, not the placeholder."""
    page = GuidancePage.objects.get(chapter="8")
    revisions_before = page.revisions.count()
    client.force_login(users["programmateam"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert client.get(edit_url).status_code == 200

    heading = {"text": "De instrumentenkoffer", "anchor": "intervention-catalogue"}
    text = rich_text("<p>Kies interventies uit de catalogus.</p>", features=RICH_TEXT_FEATURES)
    data = nested_form_data(
        {
            "title": "De instrumentenkoffer (bijgewerkt)",
            "slug": page.slug,
            "chapter": "8",
            "summary": "Bijgewerkte samenvatting van de instrumentenkoffer.",
            "body": streamfield([("heading", heading), ("text", text)]),
            "action-publish": "action-publish",
        }
    )  # "placeholder" left out: an unticked checkbox
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    page.refresh_from_db()
    assert page.live
    assert page.title == "De instrumentenkoffer (bijgewerkt)"
    assert not page.placeholder
    assert page.summary == "Bijgewerkte samenvatting van de instrumentenkoffer."
    assert [block.block_type for block in page.body] == ["heading", "text"]
    assert page.revisions.count() == revisions_before + 1
    latest = page.revisions.order_by("-created_at", "-id").first()
    assert latest.user == users["programmateam"]
    assert page.live_revision == latest

    reader = client.get(page.url).content.decode()
    assert "De instrumentenkoffer (bijgewerkt)" in reader
    assert "Kies interventies uit de catalogus." in reader
    assert handbook_url(key="intervention-catalogue") == f"{page.url}#intervention-catalogue"


def test_case_director_cannot_edit_the_handbook(client, users):
    page = GuidancePage.objects.get(chapter="8")
    client.force_login(users["regisseur"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code in (302, 403)
    home = HomePage.objects.get()
    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=[home.pk]))
    assert response.status_code in (302, 403)

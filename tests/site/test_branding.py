"""Wagtail shows through nowhere obvious: title, error pages, avatars and the Help menu."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_start_page_title_avatar_and_help_menu(client, users):
    client.force_login(users["regisseur"])
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "<title>Start - IPGA volgsysteem</title>" in page
    assert "Dashboard" not in page
    assert "gravatar" not in page and "data:image/svg+xml" in page
    assert "Editor Guide" not in page and "Wat is er nieuw" not in page
    # the account summary links to the handbook, not to Wagtail's editor guide
    assert "gebruikershandleiding" not in page and "guide.wagtail.org" not in page
    assert "Handreiking voor de regisseur" in page


def test_admin_404_is_dutch_in_the_admin_layout(client, users):
    client.force_login(users["regisseur"])
    response = client.get(reverse("dossiers:inspect", args=[987654]))
    assert response.status_code == 404
    page = response.content.decode()
    assert "Pagina niet gevonden" in page and "Naar de startpagina" in page
    assert "Error" not in page and "Wagtail admin" not in page
    assert "wagtail-sidebar" in page  # the admin layout, with the menu


def test_programme_team_start_page_names_the_application_not_the_host(client, users):
    # Wagtail shows the site's host name ("localhost") and "18 Pagina's" to page editors.
    client.force_login(users["programmateam"])
    page = " ".join(client.get(reverse("wagtailadmin_home")).content.decode().split())
    assert '<h1 class="w-h1 w-mt-0"> IPGA volgsysteem </h1>' in page
    assert "localhost" not in page
    assert re.search(r"\d+ pagina's in de handreiking", page)

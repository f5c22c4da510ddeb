"""Only the programme team edits the catalogue; case directors may look; others may not."""

import pytest
from django.urls import reverse

from snippets.models import Intervention, Organisation, OtherApproach, ProblemArea, RiskGroup

pytestmark = pytest.mark.django_db

SNIPPETS = ["intervention", "organisation", "riskgroup", "problemarea", "otherapproach"]


def _url(model, view, *args):
    return reverse(f"wagtailsnippets_catalogue_{model}:{view}", args=args)


@pytest.mark.parametrize("model", SNIPPETS)
def test_anonymous_is_sent_to_login(client, model):
    response = client.get(_url(model, "list"))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


# What the programme team fills in on each catalogue snippet's add form (required fields only).
NEW_ITEMS = {
    "intervention": (
        Intervention,
        {"name": "Testinterventie", "description": "Nieuw in de catalogus.", "domain": "care"},
    ),
    "organisation": (Organisation, {"name": "Testorganisatie", "kind": "other"}),
    "riskgroup": (RiskGroup, {"number": "97", "name": "Testrisicogroep"}),
    "problemarea": (ProblemArea, {"name": "Testprobleemgebied", "sort_order": "0"}),
    "otherapproach": (OtherApproach, {"name": "Testaanpak"}),
}


def test_new_items_cover_every_catalogue_snippet():
    assert set(NEW_ITEMS) == set(SNIPPETS)


@pytest.mark.parametrize("model", SNIPPETS)
def test_programme_team_can_add_every_catalogue_item(client, users, model):
    model_class, fields = NEW_ITEMS[model]
    client.force_login(users["programmateam"])
    assert client.get(_url(model, "list")).status_code == 200
    assert client.get(_url(model, "add")).status_code == 200

    response = client.post(_url(model, "add"), {**fields, "action-publish": "action-publish"})

    assert response.status_code == 302, response.content.decode()[:2000]
    lookup = {key: value for key, value in fields.items() if key in ("name", "number")}
    item = model_class.objects.get(**lookup)
    assert item.live
    assert item.revisions.get().user == users["programmateam"]


@pytest.mark.parametrize("model", ["intervention", "riskgroup", "problemarea"])
def test_case_director_can_view_but_not_add(client, users, model):
    client.force_login(users["regisseur"])
    assert client.get(_url(model, "list")).status_code == 200
    assert client.get(_url(model, "add")).status_code in (302, 403)


def test_case_director_cannot_change_an_intervention(client, users):
    intervention = Intervention.objects.get(name="Paspoortmaatregel")
    client.force_login(users["regisseur"])
    assert client.get(_url("intervention", "inspect", intervention.pk)).status_code == 200
    response = client.post(
        _url("intervention", "edit", intervention.pk),
        {"name": "Gewijzigd", "description": "x", "domain": "care", "action-publish": "1"},
    )
    assert response.status_code in (302, 403)
    intervention.refresh_from_db()
    assert intervention.name == "Paspoortmaatregel"
    assert intervention.revisions.count() == 0


def test_case_director_cannot_change_a_risk_group(client, users):
    group = RiskGroup.objects.get(number=3)
    client.force_login(users["regisseur"])
    response = client.post(
        _url("riskgroup", "edit", group.pk), {"number": "3", "name": "Gewijzigd"}
    )
    assert response.status_code in (302, 403)
    group.refresh_from_db()
    assert group.name != "Gewijzigd"


@pytest.mark.parametrize("key", ["map", "politie", "secretaris", "regieoverleg"])
def test_other_roles_cannot_open_the_intervention_catalogue(client, users, key):
    client.force_login(users[key])
    assert client.get(_url("intervention", "list")).status_code in (302, 403)
    assert client.get(_url("intervention", "add")).status_code in (302, 403)

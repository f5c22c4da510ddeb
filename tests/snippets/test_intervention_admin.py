"""The programme team adds, changes, drafts, publishes and retires interventions in the admin."""

import pytest
from django.urls import reverse

from snippets.models import Intervention, InterventionDomain, Organisation, RiskGroup
from snippets.selectors import intervention_choices, intervention_get
from snippets.services import intervention_reinstate, intervention_retire
from tests.factories.snippets import InterventionFactory

pytestmark = pytest.mark.django_db

NS = "wagtailsnippets_catalogue_intervention"


def _form(**overrides):
    data = {
        "name": "Sportbegeleiding",
        "description": "Begeleiding naar een sportvereniging.",
        "domain": InterventionDomain.NETWORK,
        "special_kind": "",
        "typical_duration_weeks": "26",
        "organisations": [Organisation.objects.get(short_name="Streetcornerwork").pk],
        "risk_groups": [RiskGroup.objects.get(number=4).pk],
        "active": "on",
    }
    data.update(overrides)
    return data


def test_programme_team_adds_and_publishes_an_intervention(client, users):
    client.force_login(users["programmateam"])
    response = client.post(reverse(f"{NS}:add"), {**_form(), "action-publish": "publish"})
    assert response.status_code == 302
    intervention = Intervention.objects.get(name="Sportbegeleiding")
    assert intervention.live
    assert intervention.revisions.count() == 1
    assert list(intervention.organisations.values_list("short_name", flat=True)) == [
        "Streetcornerwork"
    ]
    assert intervention in intervention_choices()


def test_saving_a_draft_leaves_the_published_version_alone(client, users):
    intervention = Intervention.objects.get(name="Schuldhulpverlening")
    client.force_login(users["programmateam"])
    draft = _form(name="Schuldhulpverlening", description="Nieuwe tekst, nog niet vrijgegeven.")
    response = client.post(reverse(f"{NS}:edit", args=[intervention.pk]), draft)
    assert response.status_code == 302
    intervention.refresh_from_db()
    assert intervention.has_unpublished_changes
    assert intervention.description != draft["description"]
    assert intervention.latest_revision.as_object().description == draft["description"]

    # Publishing applies the draft.
    published = {**draft, "action-publish": "publish"}
    client.post(reverse(f"{NS}:edit", args=[intervention.pk]), published)
    intervention.refresh_from_db()
    assert intervention.description == draft["description"]
    assert not intervention.has_unpublished_changes
    assert intervention.revisions.count() == 2


def test_retiring_keeps_the_intervention_readable_but_not_choosable(client, users):
    intervention = Intervention.objects.get(name="Dagbesteding")
    client.force_login(users["programmateam"])
    retired = _form(
        name="Dagbesteding",
        description=intervention.description,
        domain=intervention.domain,
        active="",
        **{"action-publish": "publish"},
    )
    response = client.post(reverse(f"{NS}:edit", args=[intervention.pk]), retired)
    assert response.status_code == 302
    intervention.refresh_from_db()
    assert not intervention.active
    assert intervention not in intervention_choices()
    assert intervention_get(pk=intervention.pk) == intervention
    # The programme team still finds it in the listing, filtered on retired items.
    listing = client.get(reverse(f"{NS}:list"), {"active": "false"})
    assert "Dagbesteding" in listing.content.decode()


def test_retire_and_reinstate_services_publish_a_revision(users):
    intervention = InterventionFactory()
    intervention_retire(intervention=intervention, by=users["programmateam"])
    intervention.refresh_from_db()
    assert not intervention.active
    assert intervention.revisions.count() == 1
    intervention_reinstate(intervention=intervention, by=users["programmateam"])
    intervention.refresh_from_db()
    assert intervention.active
    assert intervention.revisions.count() == 2


def test_listing_searches_and_filters(client, users):
    client.force_login(users["programmateam"])
    found = client.get(reverse(f"{NS}:list"), {"q": "paspoort"}).content.decode()
    assert "Paspoortmaatregel" in found
    assert "Schuldhulpverlening" not in found
    care = client.get(reverse(f"{NS}:list"), {"domain": "care"}).content.decode()
    assert "GGD-screening" in care
    assert "Toeleiding naar werk" not in care


def test_intervention_choices_filter_on_domain_and_risk_group():
    group5 = RiskGroup.objects.get(number=5)
    names = set(intervention_choices(risk_group=group5).values_list("name", flat=True))
    assert "Gezinsgerichte aanpak" in names
    assert "Verstoringsgesprek door de politie" not in names
    justice = intervention_choices(domain=InterventionDomain.JUSTICE)
    assert {i.domain for i in justice} == {InterventionDomain.JUSTICE}


def test_a_draft_intervention_is_not_choosable():
    draft = InterventionFactory(live=False)
    assert draft not in intervention_choices()

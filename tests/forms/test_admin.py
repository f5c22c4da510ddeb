"""The forms admin: each page walks anonymous (302) -> no permission (403) -> allowed (200).

Wagtail's admin answers a refused permission with a redirect to the dashboard and a message
(``wagtail.admin.auth.permission_denied``), and with a bare 403 only to a script (XHR). The
"403" step therefore checks both: the redirect to the dashboard, and 403 for XHR.
"""

import pytest
from django.urls import reverse

from forms.models import FormDefinition, FormResponse
from forms.selectors import form_version_current
from forms.services import form_response_submit

pytestmark = pytest.mark.django_db

XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


def assert_refused(client, url, data=None):
    """No permission: the admin redirects to its dashboard (403 for a script); not to login."""
    send = client.get if data is None else client.post
    response = send(url, data or {})
    assert response.status_code == 302, url
    assert response["Location"] == reverse("wagtailadmin_home")
    assert send(url, data or {}, **XHR).status_code == 403


EVALUATION = {
    "datum_evaluatie": "2024-03-01",
    "voortgang_van_het_plan_van_aanpak": "3",
    "ontwikkeling_van_de_risicos": "Afgenomen",
    "voorstel": "Plan voortzetten",
    "overwegingen": "School gaat goed.",
}


def _definition_post(definition, *, extra=(), action="action-publish") -> dict:
    """The edit form's POST for ``definition`` as it stands, plus ``extra`` new fields."""
    rows = [
        {
            "id": field.pk,
            "field_type": field.field_type,
            "label": field.label,
            "key": field.key,
            "help_text": field.help_text,
            "required": "on" if field.required else "",
            "choices": field.choices,
            "min_value": "" if field.min_value is None else str(field.min_value),
            "max_value": "" if field.max_value is None else str(field.max_value),
        }
        for field in definition.form_fields.order_by("sort_order")
    ]
    rows += [{"id": "", "key": "", "help_text": "", "choices": "", **row} for row in extra]
    data = {
        "title": definition.title,
        "slug": definition.slug,
        "intro": definition.intro,
        "form_fields-TOTAL_FORMS": str(len(rows)),
        "form_fields-INITIAL_FORMS": str(definition.form_fields.count()),
        "form_fields-MIN_NUM_FORMS": "0",
        "form_fields-MAX_NUM_FORMS": "1000",
        action: action,
    }
    for index, row in enumerate(rows):
        data[f"form_fields-{index}-ORDER"] = str(index + 1)
        data[f"form_fields-{index}-DELETE"] = ""
        for name, value in row.items():
            if value != "" or name in ("id", "key"):
                data[f"form_fields-{index}-{name}"] = value
    return data


def test_definition_list_walks_302_403_200(client, users):
    url = reverse("wagtailsnippets_structuredforms_formdefinition:list")
    # Anonymous: to the login page.
    response = client.get(url)
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]
    # A case director may fill forms but not define them.
    client.force_login(users["regisseur"])
    assert_refused(client, url)
    # The programme team sees the three seeded forms with their versions.
    client.force_login(users["programmateam"])
    response = client.get(url)
    assert response.status_code == 200
    for title in ("Beoordelingskader", "Evaluatie plan van aanpak", "Verslag uitvoerdersoverleg"):
        assert title in response.content.decode()


def test_only_the_programme_team_edits_a_definition(client, users):
    definition = FormDefinition.objects.get(slug="vrij-evaluatie")
    url = reverse("wagtailsnippets_structuredforms_formdefinition:edit", args=[definition.pk])
    assert client.get(url).status_code == 302
    for key in ("regisseur", "voorportaal", "beheer"):
        client.force_login(users[key])
        assert_refused(client, url)
        assert_refused(client, url, _definition_post(definition))
    assert definition.versions.count() == 1
    client.force_login(users["programmateam"])
    response = client.get(url)
    assert response.status_code == 200
    assert "Voortgang van het plan van aanpak" in response.content.decode()


def test_programme_team_adds_a_field_and_publishes_a_new_version(client, users):
    definition = FormDefinition.objects.get(slug="vrij-evaluatie")
    old_version = form_version_current(slug="vrij-evaluatie")
    old = form_response_submit(version=old_version, data=EVALUATION, by=users["regisseur"])
    client.force_login(users["programmateam"])
    url = reverse("wagtailsnippets_structuredforms_formdefinition:edit", args=[definition.pk])
    extra = [{"field_type": "yes_no", "label": "Is de familie betrokken?", "required": "on"}]

    response = client.post(url, _definition_post(definition, extra=extra))

    assert response.status_code == 302
    new_version = form_version_current(slug="vrij-evaluatie")
    assert new_version.number == 2
    assert new_version.fields[-1]["key"] == "is_de_familie_betrokken"
    assert new_version.fields[-1]["required"] is True
    # The older response keeps its version: its inspect page shows the old questions only.
    client.force_login(users["regisseur"])
    page = client.get(reverse("form_responses:inspect", args=[old.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "School gaat goed." in html
    assert "Versie 1" in html
    assert "Is de familie betrokken?" not in html


def test_duplicate_keys_and_choice_fields_without_options_are_refused(client, users):
    definition = FormDefinition.objects.get(slug="vrij-evaluatie")
    client.force_login(users["programmateam"])
    url = reverse("wagtailsnippets_structuredforms_formdefinition:edit", args=[definition.pk])
    extra = [
        {"field_type": "short_text", "label": "Voorstel"},  # key "voorstel" already exists
        {"field_type": "single_choice", "label": "Keuze zonder opties"},
    ]
    response = client.post(url, _definition_post(definition, extra=extra))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Deze sleutel komt al voor in dit formulier." in html
    assert "Geef minstens één antwoordmogelijkheid." in html
    assert definition.versions.count() == 1


def test_fill_page_walks_302_403_200(client, users):
    version = form_version_current(slug="vrij-uvo")
    pick = reverse("form_responses:add")
    fill = reverse("form_responses:fill", args=[version.pk])
    for url in (pick, fill):
        assert client.get(url).status_code == 302
    client.force_login(users["map"])  # the intake desk fills no forms here
    for url in (pick, fill):
        assert_refused(client, url)
    assert_refused(client, fill, {"datum_uvo": "2024-01-01"})
    client.force_login(users["regisseur"])
    response = client.get(pick)
    assert response.status_code == 200
    assert fill in response.content.decode()
    response = client.get(fill)
    assert response.status_code == 200
    assert "Wie doet wat, wanneer" in response.content.decode()
    assert not FormResponse.objects.exists()


def test_invalid_submission_shows_dutch_messages_and_saves_nothing(client, users):
    version = form_version_current(slug="vrij-uvo")
    client.force_login(users["regisseur"])
    url = reverse("form_responses:fill", args=[version.pk])
    response = client.post(
        url,
        {
            "datum_uvo": "31-02-2024",
            "is_dit_het_eerste_uvo": "misschien",
            "aanwezigen": "x" * 256,
            "aantal_aanwezige_partners": "honderd",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vul een geldige datum in, bijvoorbeeld 31-12-2024." in html
    assert "Kies een antwoord uit de lijst; “misschien” staat er niet in." in html
    assert "Gebruik hoogstens 255 tekens (nu 256)." in html
    assert "Vul een getal in." in html
    assert "Dit veld is verplicht." in html  # afspraken, stagneert_de_uitvoering
    assert not FormResponse.objects.exists()


def test_valid_submission_is_stored_and_shown(client, users):
    version = form_version_current(slug="vrij-uvo")
    client.force_login(users["regisseur"])
    url = reverse("form_responses:fill", args=[version.pk])
    response = client.post(
        url,
        {
            "datum_uvo": "2024-02-01",
            "is_dit_het_eerste_uvo": "ja",
            "aanwezigen": "Regisseur, Reclassering, GGZ",
            "aantal_aanwezige_partners": "3",
            "afspraken": "Reclassering plant gesprek.",
            "stagneert_de_uitvoering": "nee",
        },
    )
    stored = FormResponse.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("form_responses:inspect", args=[stored.pk])
    assert stored.version == version
    assert stored.submitted_by == users["regisseur"]
    assert stored.answers["aantal_aanwezige_partners"] == 3
    assert stored.answers["is_dit_het_eerste_uvo"] is True
    assert stored.answers["datum_uvo"] == "2024-02-01"
    page = client.get(response["Location"])
    assert "Reclassering plant gesprek." in page.content.decode()
    assert "1 februari 2024" in page.content.decode()


def test_responses_of_others_are_404_and_absent_from_the_list(client, users, other_director):
    version = form_version_current(slug="vrij-evaluatie")
    mine = form_response_submit(version=version, data=EVALUATION, by=users["regisseur"])
    theirs = form_response_submit(
        version=version, data={**EVALUATION, "overwegingen": "Geheim"}, by=other_director
    )
    client.force_login(users["regisseur"])
    listing = client.get(reverse("form_responses:index"))
    assert listing.status_code == 200
    assert reverse("form_responses:inspect", args=[mine.pk]) in listing.content.decode()
    assert reverse("form_responses:inspect", args=[theirs.pk]) not in listing.content.decode()
    inspect = reverse("form_responses:inspect", args=[theirs.pk])
    assert client.get(inspect).status_code == 404
    # Responses are records: nobody edits or deletes them in the admin.
    for name in ("edit", "delete"):
        url = reverse(f"form_responses:{name}", args=[mine.pk])
        assert_refused(client, url)
        assert_refused(client, url, {"answers": "{}"})
    mine.refresh_from_db()
    assert mine.answers["overwegingen"] == "School gaat goed."


def test_an_old_version_url_redirects_to_the_current_version(client, users):
    definition = FormDefinition.objects.get(slug="vrij-evaluatie")
    old_version = form_version_current(slug="vrij-evaluatie")
    definition.form_fields.get(key="overwegingen").delete()
    definition.save_revision(user=users["programmateam"]).publish(user=users["programmateam"])
    new_version = form_version_current(slug="vrij-evaluatie")
    client.force_login(users["regisseur"])
    response = client.get(reverse("form_responses:fill", args=[old_version.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("form_responses:fill", args=[new_version.pk])

"""Letter templates: seeded per kind, edited and published by the programme team, previewed
with demo data, and an unknown placeholder refused on save."""

import json

import pytest
from django.urls import reverse

from dossiers.letters.services import letter_generate, letter_render
from snippets.letters import PLACEHOLDERS, unknown_placeholders
from snippets.models import LetterRecipientKind, LetterTemplate
from tests.letters.conftest import pdf_text

pytestmark = pytest.mark.django_db

URL = "wagtailsnippets_catalogue_lettertemplate"


def draftail(*paragraphs: str) -> str:
    """The JSON the rich-text editor posts."""
    blocks = [
        {
            "key": f"k{n}",
            "text": text,
            "type": "unstyled",
            "depth": 0,
            "inlineStyleRanges": [],
            "entityRanges": [],
        }
        for n, text in enumerate(paragraphs)
    ]
    return json.dumps({"blocks": blocks, "entityMap": {}})


def form_data(template, **changes):
    data = {
        "title": template.title,
        "recipient_kind": template.recipient_kind,
        "subject_line": template.subject_line,
        "body": draftail("Geachte {{ naam }},", "Kenmerk {{ kenmerk }}.", "{{ ondertekening }}"),
    }
    data.update(changes)
    return data


def test_seeded_templates_cover_every_kind_and_use_known_placeholders():
    templates = {t.recipient_kind: t for t in LetterTemplate.objects.all()}
    assert set(templates) == set(LetterRecipientKind.values)
    for template in templates.values():
        assert template.live
        assert unknown_placeholders(template.body + template.subject_line) == []
        assert "{{ naam }}" in template.body and "{{ ondertekening }}" in template.body
    assert "{{ instelling }}" in templates["detained"].body
    assert "{{ naam_persoon }}" in templates["parent"].body
    assert "ondertekening" in PLACEHOLDERS


def test_unknown_placeholder_is_refused_with_a_dutch_error(client, users):
    template = LetterTemplate.objects.get(recipient_kind="subject")
    body_before = template.body
    client.force_login(users["programmateam"])
    response = client.post(
        reverse(f"{URL}:edit", args=[template.pk]),
        form_data(template, body=draftail("Geachte {{ voornaam }},"), **{"action-publish": "1"}),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Onbekende plaatshouder: {{ voornaam }}" in page
    assert "Toegestaan zijn: {{ naam }}" in page
    template.refresh_from_db()
    assert template.body == body_before
    refused = client.post(
        reverse(f"{URL}:edit", args=[template.pk]),
        form_data(template, subject_line="Brief voor {{ bsn }}"),
    )
    assert "Onbekende plaatshouder: {{ bsn }}" in refused.content.decode()


def test_programme_team_publishes_and_the_next_letter_uses_it(client, users, minor_with_parents):
    dossier, _, _ = minor_with_parents
    template = LetterTemplate.objects.get(recipient_kind="parent")
    client.force_login(users["programmateam"])
    edit = reverse(f"{URL}:edit", args=[template.pk])
    # a draft changes nothing in the letters
    client.post(edit, form_data(template, body=draftail("Concepttekst voor {{ naam }}.")))
    letter = dossier.letters.filter(recipient_kind="parent").first()
    assert "Concepttekst" not in letter_render(letter=letter, on=dossier.included_on)
    response = client.post(
        edit,
        form_data(
            template,
            body=draftail("Beste {{ naam }}, over {{ naam_persoon }}.", "{{ ondertekening }}"),
            **{"action-publish": "1"},
        ),
    )
    assert response.status_code == 302
    template.refresh_from_db()
    assert template.live and template.live_revision_id
    letter_generate(letter=letter, by=users["map"])
    letter.refresh_from_db()
    assert letter.template_revision_id == template.live_revision_id
    text = pdf_text(letter.file.read())
    assert f"Beste {letter.recipient_name}, over Yara Verzonnen." in text


def test_preview_shows_demo_data(client, users):
    template = LetterTemplate.objects.get(recipient_kind="detained")
    client.force_login(users["programmateam"])
    url = reverse(f"{URL}:preview_on_edit", args=[template.pk])
    data = form_data(
        template, body=draftail("Geachte {{ naam }} in {{ instelling }}.", "{{ ondertekening }}")
    )
    assert client.post(url, data).json()["is_valid"] is True
    page = client.get(url).content.decode()
    assert "Geachte J. de Vries in PI Voorbeeldstad." in page
    assert "Voorbeeldstraat 1" in page and "de burgemeester van Amsterdam" in page
    assert "letters/letter.css" in page


def test_other_roles_cannot_edit_templates(client, users):
    template = LetterTemplate.objects.get(recipient_kind="subject")
    for key in ("map", "regisseur"):
        client.force_login(users[key])
        response = client.post(
            reverse(f"{URL}:edit", args=[template.pk]), form_data(template, title="Anders")
        )
        assert response.status_code in (302, 403)
    template.refresh_from_db()
    assert template.title != "Anders"


def test_programme_team_edits_the_signature_block(client, users, minor_with_parents):
    from snippets.models import LetterSettings

    dossier, _, _ = minor_with_parents
    url = reverse("wagtailsettings:edit", args=["catalogue", "lettersettings"])
    client.force_login(users["map"])
    assert client.get(url).status_code in (302, 403)
    client.force_login(users["programmateam"])
    page = client.get(url, follow=True)
    assert page.status_code == 200 and "ondertekening namens de burgemeester" in (
        page.content.decode().lower()
    )
    response = client.post(
        page.redirect_chain[-1][0],
        {
            "sender_block": "Gemeente Amsterdam\nMAP\nPostbus 1\n1000 AA Amsterdam",
            "place": "Amsterdam",
            "signature_block": draftail("De burgemeester van Amsterdam,", "mr. F. Fictief"),
        },
    )
    assert response.status_code == 302
    assert "mr. F. Fictief" in LetterSettings.load().signature_block
    letter = dossier.letters.get(recipient_kind="subject")
    assert "mr. F. Fictief" in letter_render(letter=letter, on=dossier.included_on)

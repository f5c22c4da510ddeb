"""Keeping the person's details: who may, what is checked, what follows (the PI/JJI letter)."""

import datetime

import pytest
from django.urls import reverse

from dossiers.models import AccessLogEntry, DossierLogEntry, NotificationLetter, Subject
from dossiers.workflow.states import DossierState as S
from snippets.models import Institution, LetterRecipientKind

pytestmark = pytest.mark.django_db


def _payload(subject, **overrides):
    data = {
        "first_name": subject.first_name,
        "last_name": subject.last_name,
        "birth_date": subject.birth_date.isoformat() if subject.birth_date else "",
        "gender": subject.gender,
        "street": "Fictievestraat 12",
        "postcode": "1012 ab",
        "city": "Amsterdam",
        "detained_in": "",
    }
    data.update(overrides)
    return data


def test_case_director_keeps_address_and_detention_and_the_pi_letter_follows(client, users, walk):
    dossier = walk(S.IN_EXECUTION)
    client.force_login(users["regisseur"])
    url = reverse("dossiers:subject", args=[dossier.pk])
    page = client.get(url)
    assert page.status_code == 200 and dossier.subject.last_name in page.content.decode()
    assert AccessLogEntry.objects.filter(dossier_reference=dossier.reference).count() == 1

    jji = Institution.objects.get(name="JJI De Bedachte Haven (voorbeeld)")
    response = client.post(url, _payload(dossier.subject, detained_in=jji.pk))
    assert response.status_code == 302
    subject = Subject.objects.get(pk=dossier.subject_id)
    assert (subject.street, subject.postcode, subject.city) == (
        "Fictievestraat 12",
        "1012 AB",
        "Amsterdam",
    )
    assert subject.detained_in == jji
    letter = NotificationLetter.objects.get(
        dossier=dossier, recipient_kind=LetterRecipientKind.DETAINED
    )
    assert letter.institution == jji.name and letter.street == jji.street
    entry = DossierLogEntry.objects.filter(object_id=str(dossier.pk)).latest("timestamp")
    assert entry.label.startswith("Persoonsgegevens gewijzigd:")
    assert "gedetineerd in (PI/JJI)" in entry.label and "postcode" in entry.label
    inspect = client.get(reverse("dossiers:inspect", args=[dossier.pk])).content.decode()
    assert jji.name in inspect and "Persoonsgegevens bijwerken" in inspect


@pytest.mark.parametrize(
    ("overrides", "field_message"),
    [
        ({"birth_date": "2099-01-01"}, "De geboortedatum ligt in de toekomst."),
        ({"postcode": "12AB"}, "Een postcode is vier cijfers en twee letters"),
        ({"city": ""}, "Vul bij een adres ook de woonplaats in."),
    ],
)
def test_bad_input_gets_a_dutch_error_and_saves_nothing(
    client, users, walk, overrides, field_message
):
    dossier = walk(S.IN_EXECUTION)
    before = Subject.objects.values().get(pk=dossier.subject_id)
    client.force_login(users["regisseur"])
    response = client.post(
        reverse("dossiers:subject", args=[dossier.pk]), _payload(dossier.subject, **overrides)
    )
    assert response.status_code == 200
    assert field_message in response.content.decode()
    assert Subject.objects.values().get(pk=dossier.subject_id) == before


def test_the_voorportaal_keeps_it_during_duiding_and_nobody_else(client, users, walk):
    in_duiding = walk(S.PRE_ASSESSMENT)
    client.force_login(users["voorportaal"])
    url = reverse("dossiers:subject", args=[in_duiding.pk])
    assert client.post(url, _payload(in_duiding.subject)).status_code == 302
    assert Subject.objects.get(pk=in_duiding.subject_id).city == "Amsterdam"

    executing = walk(S.IN_EXECUTION)
    url = reverse("dossiers:subject", args=[executing.pk])
    for role in ("voorportaal", "map", "programmateam", "beheer", "regieoverleg", "itatr"):
        client.force_login(users[role])
        assert client.get(url).status_code in (302, 403, 404), role
    closed = walk(S.CLOSED)
    client.force_login(users["regisseur"])
    assert client.get(reverse("dossiers:subject", args=[closed.pk])).status_code in (302, 403)
    birth = Subject.objects.get(pk=executing.subject_id).birth_date
    assert birth is None or birth < datetime.date.today()

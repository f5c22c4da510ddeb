"""On inclusion the system proposes the letters that are due (handbook ch. 2)."""

import pytest
from django.urls import reverse

from dossiers.letters.services import letters_propose
from dossiers.models import NotificationLetter
from tests.factories.dossiers import DossierFactory, SubjectFactory
from tests.letters.conftest import D, record_relative

pytestmark = pytest.mark.django_db


def test_minor_gets_a_letter_and_each_parent_one(minor_with_parents):
    dossier, mother, father = minor_with_parents
    letters = NotificationLetter.objects.filter(dossier=dossier).order_by("pk")
    assert [(x.recipient_kind, x.recipient_name, x.street) for x in letters] == [
        ("subject", "Yara Verzonnen", "Fictieweg 12"),
        ("parent", "Mira Verzonnen", "Fictieweg 12"),
        ("parent", "Karim Bedacht", "Denkbeeldlaan 3"),
    ]
    assert letters_propose(dossier=dossier) == []  # idempotent
    assert letters.count() == 3


def test_detained_subject_gets_the_pi_route_with_its_address(detained):
    letter = NotificationLetter.objects.get(dossier=detained)
    assert (letter.recipient_kind, letter.institution) == ("detained", "PI Fictiefstad (voorbeeld)")
    assert (letter.street, letter.postcode, letter.city) == (
        "Postbus 99901",
        "9990 AA",
        "Fictiefstad",
    )


def test_dossier_page_shows_the_register_summary(minor_with_parents, client, users):
    dossier, _, _ = minor_with_parents
    client.force_login(users["regisseur"])
    page = client.get(reverse("dossiers:inspect", args=[dossier.pk])).content.decode()
    assert "Notificatiebrieven" in page and "Karim Bedacht" in page
    assert "nog niet verzonden, uiterlijk 15 april 2027" in page


def test_map_records_a_guardian_later_and_the_letter_follows(client, users, included):
    child = SubjectFactory(first_name="Adam", last_name="Verzonnen", birth_date=D(2012, 1, 1))
    dossier = included(DossierFactory(subject=child))
    assert dossier.letters.count() == 1
    client.force_login(users["map"])
    response = client.post(
        reverse("letters:relative_add", args=[dossier.pk]),
        {
            "kind": "guardian",
            "first_name": "Noor",
            "last_name": "Voogdij",
            "street": "Pleegstraat 4",
            "postcode": "1012 AB",
            "city": "Amsterdam",
            "parental_authority": "on",
        },
        follow=True,
    )
    assert "Familielid vastgelegd." in response.content.decode()
    assert dossier.letters.filter(recipient_kind="parent", recipient_name="Noor Voogdij")
    assert dossier.letters.count() == 2
    # the case director reads, but does not propose
    client.force_login(users["regisseur"])
    client.post(reverse("letters:propose", args=[dossier.pk]))
    assert dossier.letters.count() == 2


def test_register_and_list_queries_do_not_grow_with_letters(minor_with_parents, client, users):
    dossier, _, _ = minor_with_parents
    client.force_login(users["map"])
    register = reverse("letters:register", args=[dossier.pk])
    listing = reverse("letters:index")
    client.get(register), client.get(listing)  # warm caches (settings, session)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(path):
        with CaptureQueriesContext(connection) as context:
            assert client.get(path).status_code == 200
        return len(context)

    few = count(register), count(listing)
    for n in range(6):
        record_relative(dossier, kind="guardian", first_name=f"Voogd{n}", last_name="Verzonnen")
    letters_propose(dossier=dossier)
    assert dossier.letters.count() == 9
    assert (count(register), count(listing)) == few


def test_demo_data_has_letters_sent_and_open():
    from dossiers.demo import demo_data_create

    demo_data_create(dossiers=24, seed=7, password_for=lambda username: "demo-wachtwoord-123")
    letters = NotificationLetter.objects.all()
    assert letters.filter(sent_on__isnull=False).exists()
    assert letters.filter(sent_on__isnull=True).exists()
    assert all(x.dossier.included_on for x in letters.select_related("dossier"))

"""On inclusion the system proposes the letters that are due (handbook ch. 2)."""

import pytest
from django.urls import reverse

from dossiers.models import NotificationLetter, SubjectRelation
from dossiers.services.letters import letters_propose
from tests.factories.dossiers import DossierFactory, SubjectFactory
from tests.letters.conftest import D

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


def test_detained_subject_gets_the_pi_route(detained):
    letter = NotificationLetter.objects.get(dossier=detained)
    assert (letter.recipient_kind, letter.institution) == ("detained", "PI Fictiefstad")


def test_family_approach_writes_to_every_linked_relative(included):
    adult = SubjectFactory(first_name="Sami", last_name="Fictief", birth_date=D(1990, 1, 1))
    sister = SubjectFactory(first_name="Lina", last_name="Fictief", birth_date=D(1993, 1, 1))
    parent = SubjectFactory(first_name="Omar", last_name="Fictief", birth_date=D(1960, 1, 1))
    SubjectRelation.objects.create(subject=adult, related=sister, kind="sibling")
    SubjectRelation.objects.create(subject=parent, related=adult, kind="parent")
    dossier = included(DossierFactory(subject=adult))
    kinds = sorted(dossier.letters.values_list("recipient_kind", "recipient_name"))
    # an adult's parent gets the family letter, not the parent-of-a-minor one
    assert kinds == [
        ("family", "Lina Fictief"),
        ("family", "Omar Fictief"),
        ("subject", "Sami Fictief"),
    ]


def test_dossier_page_shows_the_register_summary(minor_with_parents, client, users):
    dossier, _, _ = minor_with_parents
    client.force_login(users["regisseur"])
    page = client.get(reverse("dossiers:inspect", args=[dossier.pk])).content.decode()
    assert "Notificatiebrieven" in page and "Karim Bedacht" in page
    assert "nog niet verzonden, uiterlijk 15 april 2027" in page


def test_map_proposes_again_after_a_later_family_link(minor_with_parents, client, users):
    dossier, _, _ = minor_with_parents
    brother = SubjectFactory(first_name="Adam", last_name="Verzonnen", birth_date=D(2005, 1, 1))
    SubjectRelation.objects.create(subject=dossier.subject, related=brother, kind="sibling")
    client.force_login(users["map"])
    response = client.post(reverse("letters:propose", args=[dossier.pk]), follow=True)
    assert "1 brief of brieven voorgesteld." in response.content.decode()
    assert dossier.letters.filter(recipient_kind="family", recipient_name="Adam Verzonnen")
    assert dossier.letters.count() == 4
    # the case director reads, but does not propose
    client.force_login(users["regisseur"])
    client.post(reverse("letters:propose", args=[dossier.pk]))
    assert dossier.letters.count() == 4


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
        relative = SubjectFactory(first_name=f"Neef{n}", last_name="Verzonnen")
        SubjectRelation.objects.create(subject=dossier.subject, related=relative, kind="family")
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

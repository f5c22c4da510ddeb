"""Relatives recorded on the dossier as people: both sides, scope rules, retention."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils.html import escape

from dossiers.letters.rule import family_members, letter_rule
from dossiers.letters.services import letters_propose
from dossiers.models import NotificationLetter, Relative
from dossiers.services.retention import retention_run
from dossiers.workflow.states import DossierState as S
from tests.factories.dossiers import DossierFactory, RelativeFactory

pytestmark = pytest.mark.django_db


def test_director_records_a_parent_without_a_dossier(client, users, walk):
    dossier = walk(S.IN_EXECUTION)
    client.force_login(users["regisseur"])
    response = client.post(
        reverse("dossiers:relation", args=[dossier.pk]),
        {
            "kind": "parent",
            "first_name": "Mira",
            "last_name": "Verzonnen",
            "street": "Fictieweg 12",
            "postcode": "1011 ab",
            "city": "Amsterdam",
            "parental_authority": "on",
        },
    )
    assert response.status_code == 302
    relative = Relative.objects.get()
    assert (relative.dossier, relative.name, relative.postcode, relative.linked_subject) == (
        dossier,
        "Mira Verzonnen",
        "1011 AB",
        None,
    )
    assert relative.parental_authority and relative.created_by == users["regisseur"]
    page = client.get(reverse("dossiers:inspect", args=[dossier.pk])).content.decode()
    assert "Ouder: Mira Verzonnen" in page and "gezag" in page


def test_director_changes_a_relatives_address_on_its_own_page(client, users, walk):
    dossier = walk(S.IN_EXECUTION)
    relative = RelativeFactory(dossier=dossier, kind="parent", last_name="Verzonnen")
    client.force_login(users["regisseur"])
    page = client.get(reverse("dossiers:inspect", args=[dossier.pk])).content.decode()
    edit = reverse("dossiers:relative_edit", args=[dossier.pk])
    assert f"{edit}?familielid={relative.pk}" in page
    form = client.get(f"{edit}?familielid={relative.pk}").content.decode()
    assert "Familielid wijzigen" in form and 'value="Verzonnen"' in form
    response = client.post(
        edit,
        {
            "familielid": relative.pk,
            "kind": "parent",
            "last_name": "Verzonnen",
            "street": "Nieuwe Fictiestraat 3",
            "postcode": "1012 cd",
            "city": "Amsterdam",
        },
    )
    assert response.status_code == 302
    relative.refresh_from_db()
    assert (relative.street, relative.postcode) == ("Nieuwe Fictiestraat 3", "1012 CD")
    # Another dossier's relative cannot be reached through this dossier: 404.
    other = RelativeFactory(dossier=walk(S.IN_EXECUTION), kind="parent", last_name="Ander")
    assert client.get(f"{edit}?familielid={other.pk}").status_code == 404


def test_director_links_two_own_dossiers_and_the_relation_reads_both_ways(client, users, walk):
    child = walk(S.IN_EXECUTION)
    parent = walk(S.INCLUDED)
    client.force_login(users["regisseur"])
    response = client.post(
        reverse("dossiers:relation", args=[child.pk]),
        {"kind": "parent", "related_reference": parent.reference, "parental_authority": "on"},
    )
    assert response.status_code == 302
    relative = Relative.objects.get()
    assert (relative.dossier, relative.linked_subject, relative.last_name) == (
        child,
        parent.subject,
        parent.subject.last_name,
    )
    # "A is ouder van B" reads "B is kind van A" on A's own dossier
    [member] = family_members(parent)
    assert (member.kind, member.subject) == ("child", child.subject)
    page = client.get(reverse("dossiers:inspect", args=[parent.pk])).content.decode()
    assert f"Kind: {escape(str(child.subject))}" in page and child.reference in page


def test_link_to_an_invisible_dossier_is_refused(client, users, walk, other_director):
    own = walk(S.IN_EXECUTION)
    foreign = walk(S.IN_EXECUTION, case_director=other_director)
    client.force_login(users["regisseur"])
    response = client.post(
        reverse("dossiers:relation", args=[own.pk]),
        {"related_reference": foreign.reference, "kind": "sibling"},
    )
    assert response.status_code == 200
    assert "Geen toegankelijk dossier" in response.content.decode()
    assert not Relative.objects.exists()


def test_relative_recorded_in_another_directors_dossier_is_shown_without_name(
    client, users, walk, other_director
):
    own = walk(S.IN_EXECUTION)
    foreign = walk(S.IN_EXECUTION, case_director=other_director)
    # recorded on the foreign dossier: "own's person is kind van foreign's person"
    RelativeFactory(dossier=foreign, kind="child", linked_subject=own.subject)
    client.force_login(users["regisseur"])
    page = client.get(reverse("dossiers:inspect", args=[own.pk])).content.decode()
    assert "Ouder: een persoon in een dossier waar u geen toegang toe heeft" in page
    assert escape(foreign.subject.last_name) not in page
    assert foreign.reference not in page


def test_family_approach_covers_chosen_members_and_their_letters_follow(client, users, walk):
    dossier = walk(S.INCLUDED)
    sister = RelativeFactory(dossier=dossier, kind="sibling", first_name="Lina")
    RelativeFactory(dossier=dossier, kind="partner", first_name="Niet")
    client.force_login(users["regisseur"])
    url = reverse("dossiers:family_approach", args=[dossier.pk])
    future = {"decided": "on", "decided_on": "2099-01-01", "reason": "x", "covered": []}
    assert "in de toekomst" in client.post(url, future).content.decode()
    response = client.post(
        url,
        {
            "decided": "on",
            "decided_on": dossier.included_on.isoformat(),
            "reason": "Zus is ook in beeld (risicogroep 5).",
            "covered": [str(sister.pk)],
        },
    )
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.family_approach_on == dossier.included_on
    letters = NotificationLetter.objects.filter(dossier=dossier, recipient_kind="family")
    assert [x.recipient_relative for x in letters] == [sister]
    # ending it removes the unsent family letter
    client.post(url, {"reason": "", "covered": []})
    assert not NotificationLetter.objects.filter(dossier=dossier, recipient_kind="family")


def test_retention_keeps_relatives_of_kept_dossiers_and_drops_the_link(walk):
    """A deleted case takes its own records and its links with it; a kept dossier keeps its
    own relatives (without the link) and loses unsent letters only the deleted case asked for."""
    minor = datetime.date(2012, 1, 1)
    with time_machine.travel(datetime.datetime(2026, 1, 5, 9, tzinfo=datetime.UTC)):
        gone = walk(S.TRIAGE_CLOSED)
        # one kept dossier recorded gone's person itself, as a parent with authority
        keeps = walk(S.INCLUDED, dossier=DossierFactory(subject__birth_date=minor))
        own = RelativeFactory(
            dossier=keeps, kind="parent", linked_subject=gone.subject, last_name="Blijft"
        )
        # the other is a parent only because gone's dossier recorded its person as a child
        mirrored = walk(S.INCLUDED, dossier=DossierFactory(subject__birth_date=minor))
        RelativeFactory(
            dossier=gone, kind="child", linked_subject=mirrored.subject, parental_authority=True
        )
        letters_propose(dossier=keeps)
        letters_propose(dossier=mirrored)
    assert mirrored.letters.filter(recipient_kind="parent", recipient_subject=gone.subject)
    assert retention_run(today=datetime.date(2027, 1, 6)) == 1
    own.refresh_from_db()
    assert own.linked_subject is None and own.last_name == "Blijft"
    assert not Relative.objects.filter(dossier_id=gone.pk).exists()
    assert [m.name for m in family_members(keeps)] == [own.name]
    assert keeps.letters.filter(recipient_kind="parent", recipient_relative=own).exists()
    # the unsent parent letter only the deleted case asked for is gone, with its name
    assert list(mirrored.letters.values_list("recipient_kind", flat=True)) == ["subject"]
    assert family_members(mirrored) == []
    assert letter_rule(mirrored).warnings  # a minor again without a recorded parent

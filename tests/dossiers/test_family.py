"""Family links: made between dossiers the user may see; names hidden where they may not."""

import pytest
from django.urls import reverse

from dossiers.models import SubjectRelation
from dossiers.workflow.states import DossierState as S

pytestmark = pytest.mark.django_db


def test_director_links_two_own_dossiers_and_sees_the_link_both_ways(client, users, walk):
    brother = walk(S.IN_EXECUTION)
    sister = walk(S.INCLUDED)
    client.force_login(users["regisseur"])
    response = client.post(
        reverse("dossiers:relation", args=[brother.pk]),
        {"related_reference": sister.reference, "kind": "sibling", "note": "gezinsaanpak"},
    )
    assert response.status_code == 302
    relation = SubjectRelation.objects.get()
    assert (relation.subject, relation.related, relation.kind) == (
        brother.subject,
        sister.subject,
        "sibling",
    )
    page = client.get(reverse("dossiers:inspect", args=[sister.pk])).content.decode()
    assert brother.reference in page and str(brother.subject) in page


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
    assert not SubjectRelation.objects.exists()


def test_relative_in_another_directors_dossier_is_shown_without_name(
    client, users, walk, other_director
):
    own = walk(S.IN_EXECUTION)
    foreign = walk(S.IN_EXECUTION, case_director=other_director)
    SubjectRelation.objects.create(subject=own.subject, related=foreign.subject, kind="parent")
    client.force_login(users["regisseur"])
    page = client.get(reverse("dossiers:inspect", args=[own.pk])).content.decode()
    assert "geen toegang" in page
    assert foreign.subject.last_name not in page
    assert foreign.reference not in page

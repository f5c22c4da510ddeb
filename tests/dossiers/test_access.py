"""Each role's scope: who sees which dossier, and 404 (never 403) for the rest."""

import pytest
from django.urls import reverse

from dossiers import access
from dossiers.workflow.states import DossierState as S

pytestmark = pytest.mark.django_db


def test_case_director_sees_only_own_dossiers(walk, users, other_director):
    own = walk(S.IN_EXECUTION)
    foreign = walk(S.IN_EXECUTION, case_director=other_director)
    visible = set(access.dossiers_for(users["regisseur"]))
    assert own in visible
    assert foreign not in visible


def test_case_director_gets_404_on_another_directors_dossier(client, walk, users, other_director):
    foreign = walk(S.IN_EXECUTION, case_director=other_director)
    client.force_login(users["regisseur"])
    response = client.get(reverse("dossiers:inspect", args=[foreign.pk]))
    assert response.status_code == 404
    assert foreign.subject.last_name.encode() not in response.content


def test_advisory_member_sees_dossiers_of_own_organisations_directors(walk, users, other_director):
    own_org = walk(S.IN_EXECUTION)  # users["regisseur"] is in the advisory member's organisation
    other_org = walk(S.IN_EXECUTION, case_director=other_director)
    visible = set(access.dossiers_for(users["itatr"]))
    assert own_org in visible
    assert other_org not in visible


def test_intake_sees_signals_not_included_dossiers(walk, users):
    signal = walk(S.REGISTERED)
    included = walk(S.INCLUDED)
    visible = set(access.dossiers_for(users["map"]))
    assert signal in visible
    assert included not in visible


def test_pre_assessment_desk_sees_its_queue(walk, users):
    queued = walk(S.PRE_ASSESSMENT)
    fresh = walk(S.REGISTERED)
    visible = set(access.dossiers_for(users["voorportaal"]))
    assert queued in visible
    assert fresh not in visible


def test_steering_and_secretary_see_what_is_decided_not_raw_signals(walk, users):
    decided = walk(S.IN_EXECUTION)
    raw = walk(S.REGISTERED)
    for key in ("regieoverleg", "secretaris"):
        visible = set(access.dossiers_for(users[key]))
        assert decided in visible
        assert raw not in visible


@pytest.mark.parametrize("key", ["programmateam", "beheer"])
def test_programme_team_and_administrator_see_no_personal_data(client, walk, users, key):
    dossier = walk(S.IN_EXECUTION)
    user = users[key]
    assert not access.dossiers_for(user).exists()
    assert not access.can_see_personal_data(user)
    client.force_login(user)
    listing = client.get(reverse("dossiers:index"))
    assert dossier.subject.last_name.encode() not in listing.content
    assert client.get(reverse("dossiers:inspect", args=[dossier.pk])).status_code == 404


def test_superuser_without_role_sees_no_dossiers(walk, django_user_model):
    walk(S.IN_EXECUTION)
    root = django_user_model.objects.create_superuser("root", "root@test.invalid", "x")
    assert not access.dossiers_for(root).exists()


def test_closed_dossier_is_read_only_for_its_director(walk, users):
    closed = walk(S.CLOSED)
    assert closed in access.dossiers_for(users["regisseur"])
    assert closed not in access.changeable_dossiers_for(users["regisseur"])


def test_listing_only_shows_own_dossiers(client, walk, users, other_director):
    own = walk(S.IN_EXECUTION)
    foreign = walk(S.IN_EXECUTION, case_director=other_director)
    client.force_login(users["regisseur"])
    content = client.get(reverse("dossiers:index")).content.decode()
    assert own.reference in content
    assert foreign.reference not in content
    searched = client.get(reverse("dossiers:index"), {"q": foreign.subject.last_name}).content
    assert foreign.reference.encode() not in searched

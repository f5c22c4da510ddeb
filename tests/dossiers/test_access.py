"""Each role's scope: who sees which dossier, and 404 (never 403) for the rest."""

import pytest
from django.urls import reverse

from dossiers import access
from dossiers.services import dossier_transition
from dossiers.workflow.states import DossierState as S
from tests.harness import visibility

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


# The whole table, by hand (tests.harness.visibility), against the access module: every state,
# every role, for a dossier of the role's own director and of a director elsewhere.
ALL_STATES = [pytest.param(state, id=state) for state in S]


@pytest.mark.parametrize("state", ALL_STATES)
def test_every_role_sees_what_the_hand_written_table_says(state, walk, users, other_director):
    own = walk(state)  # directed by users["regisseur"], of the advisory member's organisation
    foreign = walk(state, case_director=other_director)
    for key, user in users.items():
        visible = set(access.dossiers_for(user).filter(pk__in=[own.pk, foreign.pk]))
        expected = {d for d in (own, foreign) if visibility.sees(key, user, d)}
        assert visible == expected, f"{key} in state {state}"


def test_an_archived_dossier_is_in_nobodys_scope(client, walk, users):
    archived = walk(S.CLOSED)  # the long way: included, directed, closed, then archived
    archived = dossier_transition(dossier=archived, to=S.ARCHIVED, by=users["secretaris"])
    assert (archived.state, archived.case_director) == (S.ARCHIVED, users["regisseur"])
    path = reverse("dossiers:inspect", args=[archived.pk])
    for key, user in users.items():
        assert not access.dossiers_for(user).filter(pk=archived.pk).exists(), key
        client.force_login(user)
        assert client.get(path).status_code == 404, key
        assert archived.reference.encode() not in client.get(reverse("dossiers:index")).content

"""The smaller doors of ``dossiers/access.py``, with expectations written out by hand: the
letter scope (docs/roles.md: the MAP sees the letters of every active dossier, never the dossier
itself), the list of case directors to appoint, and ``get_dossier_or_404``. Found by
`make mutants` (docs/testing.md): no test of the access module's selection reached them."""

import pytest
from django.contrib.auth.models import AnonymousUser, Permission
from django.http import Http404

from dossiers import access
from dossiers.models import Dossier
from dossiers.workflow.states import DossierState as S
from tests.factories.dossiers import ROLE_KEYS, DossierFactory, OrganisationFactory, role_user

pytestmark = pytest.mark.django_db


def test_the_map_sees_the_letters_of_active_dossiers_and_its_own_queue(walk, users):
    included = walk(S.INCLUDED)
    running = walk(S.IN_EXECUTION)
    signal = walk(S.REGISTERED)
    waiting = walk(S.AWAITING_DECISION)
    assert set(access.letter_dossiers_for(users["map"])) == {included, running, signal}
    assert waiting not in set(access.letter_dossiers_for(users["map"]))


def test_a_case_director_sees_the_letters_of_own_dossiers_only(walk, users, other_director):
    own = walk(S.IN_EXECUTION)
    walk(S.IN_EXECUTION, case_director=other_director)
    walk(S.REGISTERED)
    assert list(access.letter_dossiers_for(users["regisseur"])) == [own]


def test_roles_without_a_scope_see_no_letters(walk, users):
    walk(S.IN_EXECUTION)
    for key in ("programmateam", "beheer"):
        assert list(access.letter_dossiers_for(users[key])) == []


def test_get_dossier_or_404(walk, users, other_director):
    own = walk(S.IN_EXECUTION)
    foreign = walk(S.IN_EXECUTION, case_director=other_director)
    assert access.get_dossier_or_404(users["regisseur"], own.pk) == own
    assert access.get_dossier_or_404(users["regisseur"], str(own.pk)) == own
    for pk in (foreign.pk, "geen-nummer", None):
        with pytest.raises(Http404):
            access.get_dossier_or_404(users["regisseur"], pk)


def test_the_case_directors_to_appoint(django_assert_num_queries):
    """Active, in an organisation, holding direct_dossier through the role or directly; by
    last name, then first name; each once."""
    west = OrganisationFactory(name="Wijkteam West", short_name="WW")
    director = ROLE_KEYS["regisseur"]
    role_user(director, username="r1", first_name="Ziva", last_name="Bakker", organisation=west)
    role_user(director, username="r2", first_name="Anouk", last_name="Bakker", organisation=west)
    role_user(director, username="r3", first_name="Bram", last_name="Visser", organisation=west)
    direct = role_user(None, username="r4", first_name="Aa", last_name="Jansen", organisation=west)
    direct.user_permissions.add(Permission.objects.get(codename="direct_dossier"))
    both = role_user(director, username="r5", first_name="Cem", last_name="Kaya", organisation=west)
    both.user_permissions.add(Permission.objects.get(codename="direct_dossier"))
    role_user(director, username="weg", last_name="Aalders", organisation=west, is_active=False)
    role_user(director, username="los", last_name="Aalbers", organisation=None)
    role_user(ROLE_KEYS["itatr"], username="adviseur", last_name="Aarts", organisation=west)
    with django_assert_num_queries(1):
        found = [(user.username, user.organisation.name) for user in access.case_directors()]
    assert found == [
        ("r2", "Wijkteam West"),
        ("r1", "Wijkteam West"),
        ("r4", "Wijkteam West"),
        ("r5", "Wijkteam West"),
        ("r3", "Wijkteam West"),
    ]


def test_letters_stop_with_the_dossier_and_start_with_inclusion(walk, users):
    """The MAP makes and sees letters of active, included dossiers: not after closing, not
    before inclusion (docs/roles.md)."""
    running = walk(S.IN_EXECUTION)
    closed = walk(S.CLOSED)
    signal = walk(S.REGISTERED)
    assert list(access.letter_dossiers_to_send_for(users["map"])) == [running]
    assert closed not in set(access.letter_dossiers_for(users["map"]))
    assert signal not in set(access.letter_dossiers_to_send_for(users["map"]))
    assert list(access.letter_dossiers_to_send_for(users["regisseur"])) == []
    # an active state without an inclusion date (an inconsistent row) gives no letter
    inconsistent = DossierFactory(state=S.IN_EXECUTION, included_on=None)
    assert list(access.letter_dossiers_to_send_for(users["map"])) == [running]
    # nor does the MAP see its letters (the dossier is not in the MAP's intake scope either)
    assert inconsistent not in set(access.letter_dossiers_for(users["map"]))


def test_sending_letters_alone_gives_the_letter_scope(walk):
    running = walk(S.IN_EXECUTION)
    walk(S.REGISTERED)
    walk(S.CLOSED)
    sender = role_user(None, username="alleen_brieven")
    sender.user_permissions.add(Permission.objects.get(codename="send_letters"))
    assert list(access.letter_dossiers_for(sender)) == [running]


# The scope itself, for users who hold permissions the roles do not combine (roles are data;
# docs/roles.md). Found by `make mutants` (docs/testing.md): every role holds both intake
# permissions and every role adds up to one scope, so ``or`` -> ``and`` between the intake
# permissions, a misspelt permission name, and a scope that kept only the last (or the first)
# of several parts, all survived the role table of tests/dossiers/test_access.py.


def _holding(username, *codenames, **fields):
    user = role_user(None, username=username, **fields)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


@pytest.mark.parametrize("codename", ["register_signal", "triage_signal"])
def test_either_intake_permission_alone_gives_the_intake_scope(codename):
    signal = DossierFactory(state=S.REGISTERED)
    DossierFactory(state=S.PRE_ASSESSMENT)
    assert list(access.dossiers_for(_holding("intake", codename))) == [signal]


def test_the_scopes_of_several_permissions_add_up():
    """Pre-assessment, the meeting dossiers and the own directed ones: the union of the three."""
    west = OrganisationFactory(name="Wijkteam West", short_name="WW")
    user = _holding(
        "veel", "assess_signal", "view_meeting_dossiers", "direct_dossier", organisation=west
    )
    queued = DossierFactory(state=S.PRE_ASSESSMENT)
    included = DossierFactory(state=S.INCLUDED)
    directed = DossierFactory(state=S.TRIAGE_CLOSED, case_director=user)  # only own direction
    DossierFactory(state=S.REGISTERED)
    assert set(access.dossiers_for(user)) == {queued, included, directed}
    assert set(access.dossiers_within(user, Dossier.objects.all())) == {queued, included, directed}


def test_a_superuser_holds_what_the_role_gives_and_no_more(django_user_model, users):
    """Superuser status grants nothing (module doc); a role or a direct permission does, and
    an inactive account holds nothing at all."""
    own = DossierFactory(state=S.IN_EXECUTION, case_director=users["regisseur"])
    DossierFactory(state=S.REGISTERED)
    root = django_user_model.objects.create_superuser("root", "root@test.invalid", "x")
    root.groups.add(*users["regieoverleg"].groups.all())
    assert list(access.dossiers_for(root)) == [own]
    assert access.has_permission(root, "dossiers.view_meeting_dossiers")
    assert not access.has_permission(root, "dossiers.register_signal")
    direct = django_user_model.objects.create_superuser("root2", "root2@test.invalid", "x")
    direct.user_permissions.add(Permission.objects.get(codename="register_signal"))
    assert access.has_permission(direct, "dossiers.register_signal")
    assert not access.has_permission(direct, "dossiers.view_meeting_dossiers")
    asleep = django_user_model.objects.create_superuser("root3", "root3@test.invalid", "x")
    asleep.groups.add(*users["regieoverleg"].groups.all())
    asleep.is_active = False
    asleep.save()
    assert not access.has_permission(asleep, "dossiers.view_meeting_dossiers")
    assert list(access.dossiers_for(asleep)) == []


def test_the_permissions_are_read_once_per_user_object(
    django_user_model, users, django_assert_num_queries
):
    root = django_user_model.objects.create_superuser("root", "root@test.invalid", "x")
    root.groups.add(*users["regieoverleg"].groups.all())
    with django_assert_num_queries(1):
        assert access.has_permission(root, "dossiers.view_meeting_dossiers")
    with django_assert_num_queries(0):
        assert access.has_permission(root, "dossiers.view_meeting_dossiers")
        assert not access.has_permission(root, "dossiers.register_signal")


# Mutant of ``access.py`` left alive on purpose (equivalent):
# - ``role_permissions`` 14: ``getattr(user, "is_authenticated", False)`` -> default ``None``.
#   The default only answers for an object without ``is_authenticated`` (the test below), and
#   ``not None`` is ``not False``: the same branch, the same empty set.


def test_no_user_holds_nothing():
    """Anonymous, or an object that is no user at all (no ``is_authenticated``): no permission,
    no scope."""
    assert not access.has_permission(AnonymousUser(), "dossiers.register_signal")
    assert access.scope_filter(AnonymousUser()) is None

    class NoUser:
        is_active = True
        is_superuser = False

    assert not access.has_permission(NoUser(), "dossiers.register_signal")

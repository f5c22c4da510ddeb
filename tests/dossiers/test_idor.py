"""IDOR walker (quality S2): every URL of every access-scoped admin viewset, as every role that
does not have the dossier in scope, against an object of ANOTHER case director's dossier.

The viewsets are discovered from Wagtail's registry (``register_admin_viewset``), so a viewset
added later is walked without touching this file. Object URLs must answer 404 to GET and POST;
URLs without an object (listings, choosers, add) must not show the dossier.
"""

import pytest
from django.urls import reverse

from dossiers.models import Dossier
from tests.harness.fixtures import requester  # noqa: F401 (a fixture)
from tests.harness.requests import METHODS
from tests.harness.viewsets import model_of, scoped_viewsets
from tests.harness.world import dossier_relation, instance_for

pytestmark = pytest.mark.django_db

VIEWSETS = scoped_viewsets()
URLS = [
    (viewset, pattern)
    for viewset in VIEWSETS
    for pattern in viewset.get_urlpatterns()
    if pattern.name
]


def _ids(entry):
    viewset, pattern = entry
    return f"{viewset.url_namespace}:{pattern.name}"


def _outsiders(requester):  # noqa: F811
    seeing = requester.world.roles_seeing(requester.world.foreign_dossier)
    return [role for role in requester.world.users if role not in seeing]


def _outside_viewset(requester, viewset):  # noqa: F811
    """The outsiders that the viewset's own scope also keeps out. A viewset may deliberately
    reach further than ``dossiers_for`` (the MAP reaches every active dossier's letters, see
    ``access.letters_for``); everyone else must still get 404."""
    model = model_of(viewset)
    lookup = dossier_relation(model) if model is not None else None
    if lookup is None:
        return _outsiders(requester)
    foreign = requester.world.foreign_dossier
    value = foreign.pk if lookup == "pk" else foreign
    objects = model._default_manager.filter(**{lookup: value})
    return [
        role
        for role in _outsiders(requester)
        if not viewset.scope_queryset(requester.world.users[role], objects).exists()
    ]


def _traces(requester):  # noqa: F811
    foreign = requester.world.foreign_dossier
    return [foreign.reference, foreign.subject.last_name]


def test_the_walker_finds_the_dossier_viewset():
    assert any(model_of(viewset) is Dossier for viewset in VIEWSETS)
    assert any(pattern.name == "inspect" for _, pattern in URLS)


@pytest.mark.parametrize("entry", URLS, ids=[_ids(e) for e in URLS])
def test_object_of_another_directors_dossier_is_404(entry, requester):  # noqa: F811
    viewset, pattern = entry
    name = f"{viewset.url_namespace}:{pattern.name}"
    params = list(pattern.pattern.regex.groupindex)
    outsiders = _outside_viewset(requester, viewset)
    assert "regisseur" in outsiders
    if not params:
        _assert_listing_hides_dossier(requester, name, outsiders)
        return
    if params == ["dossier_pk"]:
        # a view on one dossier's children (e.g. its letter register): the dossier itself
        pk = requester.world.foreign_dossier.pk
    elif params != ["pk"]:
        # e.g. "fill in form version N": no object of a dossier in the URL, listing-like.
        pytest.skip(f"{name} takes {params}, not a dossier object")
    else:
        pk, _ = instance_for(requester.world, model_of(viewset))
    path = reverse(name, kwargs=dict.fromkeys(params, pk))
    answers = {
        f"{method} as {role}": requester.status(role, method, path)
        for role in outsiders
        for method in METHODS
    }
    wrong = {key: status for key, status in answers.items() if status != 404}
    assert not wrong, f"{path} must be 404 for out-of-scope roles; got {wrong}"


def _assert_listing_hides_dossier(requester, name, outsiders):  # noqa: F811
    path = reverse(name)
    for role in outsiders:
        content = requester.send(role, "GET", path).content.decode(errors="replace")
        for trace in _traces(requester):
            assert trace not in content, f"{path} shows {trace!r} to {role}"


SITE_HISTORY = ["wagtailadmin_reports:site_history", "wagtailadmin_reports:site_history_results"]


@pytest.mark.parametrize("name", SITE_HISTORY)
def test_site_history_hides_other_directors_dossiers(name, requester):  # noqa: F811
    path = reverse(name)
    reference = requester.world.foreign_dossier.reference
    for role in _outsiders(requester):
        response = requester.send(role, "GET", path)
        assert reference not in response.content.decode(), f"{name} leaks {reference} to {role}"
    # The entry is there: a role with the dossier in scope sees it (so this test can fail).
    seeing = requester.world.roles_seeing(requester.world.foreign_dossier)
    assert "secretaris" in seeing
    assert reference in requester.send("secretaris", "GET", path).content.decode()

"""Every page that shows a dossier's data writes the access log (quality S3), checked over
every URL of every access-scoped viewset rather than page by page.

For each URL, as each role whose scope holds the baseline's dossier (the hand-written table in
``tests.harness.visibility``) and as the dossier's own case director: a GET that answers 200
must have written at least one new access-log row in the same request. A new viewset is
walked without touching this file.
"""

import pytest
from django.urls import reverse

from dossiers.models import AccessLogEntry
from tests.harness.fixtures import requester  # noqa: F401 (a fixture)
from tests.harness.viewsets import model_of, scoped_viewsets
from tests.harness.world import instance_for

pytestmark = pytest.mark.django_db

# URLs that answer 200 without showing any dossier's data, each with its reason.
SHOW_NO_CASE_DATA = {
    "form_responses:add": "lists the published form definitions to pick from; no dossier",
}


def _urls():
    found = []
    for viewset in scoped_viewsets():
        for pattern in viewset.get_urlpatterns():
            if not pattern.name:
                continue
            params = list(pattern.pattern.regex.groupindex)
            if params in ([], ["pk"], ["dossier_pk"]):
                found.append((viewset, pattern, params))
    return found


URLS = _urls()


def _path(requester, viewset, pattern, params):  # noqa: F811
    name = f"{viewset.url_namespace}:{pattern.name}"
    if not params:
        return reverse(name)
    if params == ["dossier_pk"]:
        pk = requester.world.foreign_dossier.pk
    else:
        pk, _ = instance_for(requester.world, model_of(viewset))
    return reverse(name, kwargs={params[0]: pk})


@pytest.mark.parametrize("entry", URLS, ids=[f"{v.url_namespace}:{p.name}" for v, p, _ in URLS])
def test_every_page_a_role_may_read_writes_the_access_log(entry, requester):  # noqa: F811
    viewset, pattern, params = entry
    name = f"{viewset.url_namespace}:{pattern.name}"
    if name in SHOW_NO_CASE_DATA:
        pytest.skip(SHOW_NO_CASE_DATA[name])
    path = _path(requester, viewset, pattern, params)
    world = requester.world
    roles = sorted(world.roles_seeing(world.foreign_dossier, namespace=viewset.url_namespace))
    roles.append("eigen_regisseur")
    before = AccessLogEntry.objects.count()
    unlogged, read = [], []

    def check(role):
        def within(response):
            if response.status_code != 200:
                return
            read.append(role)
            if AccessLogEntry.objects.count() <= before:
                unlogged.append(role)

        return within

    for role in roles:
        requester.send(role, "GET", path, within=check(role))
    assert not unlogged, f"{path} answered 200 without an access-log row for {unlogged}"
    if not read:
        pytest.skip(f"{path}: no role reads it with a plain GET")

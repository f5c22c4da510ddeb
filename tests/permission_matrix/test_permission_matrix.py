"""Permission matrix (quality S1): every URL pattern x role x GET/POST against a written answer.

The expected status codes live in ``tests/permission_matrix/<namespace>.csv`` (one file per
URL namespace, ``_global.csv`` for names without one): columns url_name, route, method, then
one column per role (``anonymous`` and the keys of ``tests.factories.dossiers.ROLE_KEYS``).
URL parameters are real objects (see ``tests/harness/world.py``); every dossier and object of
a dossier belongs to another organisation's case director, so ``regisseur`` must get 404.

A new URL pattern without a row fails this test. To add or refresh rows, run

    .venv/bin/python -m pytest tests/permission_matrix -p no:xdist --update-permission-matrix

then READ the changed rows (``git diff tests/permission_matrix``) before committing: no 2xx for
``anonymous`` outside login/healthz/public pages, none for ``regisseur`` on another director's
dossier, none for ``programmateam`` or ``beheer`` on anything that shows personal data.
"""

import pytest
from django.test import Client

from tests.harness.requests import ANONYMOUS, METHODS
from tests.harness.urls import all_cases
from tests.permission_matrix import expectations

pytestmark = pytest.mark.django_db  # also makes pytest-django create the test database

CASES = all_cases()
EXPECTED = expectations.load()

# Where an anonymous visitor may get a 2xx: the login pages, the health probe, public pages.
ANONYMOUS_2XX_ALLOWED = {
    "healthz",
    "wagtailadmin_login",
    "wagtailcore_login",
    "wagtail_serve",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "accessibility_statement",  # the toegankelijkheidsverklaring is public by law
}


def _differences(case, observed) -> list[str]:
    lines = []
    for method in METHODS:
        row = EXPECTED.get((case.route, method))
        if row is None:
            lines.append(f"{method}: no expectation row")
            continue
        for role, status in observed[method].items():
            if row[role] != str(status):
                lines.append(f"{method} {role}: expected {row[role]}, got {status}")
    return lines


@pytest.mark.parametrize("case", CASES, ids=[case.label for case in CASES])
def test_status_matches_expectation(case, matrix, update_matrix):
    observed = matrix.observe(case)
    if update_matrix is not None:
        for method in METHODS:
            update_matrix[(case, method)] = observed[method]
        return
    differences = _differences(case, observed)
    if differences:
        pytest.fail(
            f"Permission matrix for {case.label} ({case.route}) differs from "
            f"tests/permission_matrix/{expectations.file_for(case.namespace).name}:\n  "
            + "\n  ".join(differences)
            + f"\nIf the new answer is intended, regenerate with `{expectations.REGENERATE}` "
            "and review the rows before committing.",
            pytrace=False,
        )


def test_no_stale_expectation_rows():
    routes = {case.route for case in CASES}
    stale = sorted({route for route, _ in EXPECTED} - routes)
    assert not stale, (
        f"Expectation rows for URL patterns that no longer exist: {stale}. "
        f"Regenerate with `{expectations.REGENERATE}`."
    )


def test_files_are_split_per_namespace():
    for (route, _), row in EXPECTED.items():
        case = next((c for c in CASES if c.route == route), None)
        if case is not None:
            assert row["file"] == expectations.file_for(case.namespace).name, route


def test_no_2xx_on_another_directors_dossier_for_roles_without_it_in_scope(matrix):
    """Independent of the files: only roles whose scope holds the dossier may get a 2xx."""
    foreign = matrix.world.foreign_dossier
    assert "regisseur" not in matrix.world.roles_seeing(foreign)
    leaks = []
    for case in CASES:
        if not matrix.path_of(case)[1]:
            continue
        allowed = matrix.world.roles_seeing(foreign, namespace=case.namespace)
        assert "regisseur" not in allowed
        for method, statuses in matrix.observe(case).items():
            leaks += [
                f"{method} {case.label} as {role}: {status}"
                for role, status in statuses.items()
                if 200 <= status < 300 and role not in allowed
            ]
    assert not leaks, "Another director's dossier reached out of scope:\n" + "\n".join(leaks)


def test_anonymous_gets_no_2xx_outside_public_pages(matrix):
    leaks = []
    for case in CASES:
        if case.url_name in ANONYMOUS_2XX_ALLOWED:
            continue
        for method, statuses in matrix.observe(case, roles=[ANONYMOUS]).items():
            if 200 <= statuses[ANONYMOUS] < 300:
                leaks.append(f"{method} {case.label}: {statuses[ANONYMOUS]}")
    assert not leaks, "Anonymous visitors reach:\n" + "\n".join(leaks)


# Wagtail's own page that raises on purpose, to show the server-error page (admin/failwhale/).
DELIBERATE_ERRORS = {"wagtailadmin_error_test"}


def test_no_server_error_for_any_role(matrix):
    """No 5xx for any (URL pattern, role) pair (issue 15): every matrix role, the case director
    whose dossier every object belongs to (in scope: history, revisions, usage, inspect...) and
    the superuser, GET and an empty (malformed) POST."""
    roles = (*matrix.roles, *matrix.extra_roles)
    errors = []
    for case in CASES:
        if case.url_name in DELIBERATE_ERRORS:
            continue
        for method, statuses in matrix.observe(case, roles=roles).items():
            errors += [
                f"{method} {case.label} ({case.route}) as {role}: {status}"
                for role, status in statuses.items()
                if status >= 500
            ]
    assert not errors, "Server errors:\n" + "\n".join(errors)


def _text(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode(errors="replace")


def test_no_subject_names_for_administrators_anywhere(matrix):
    """Functioneel beheer and the superuser see no subject's name on any page (issue 15),
    the access log included: its listing, a search by name and its export (the world holds an
    access-log row of the foreign dossier, with the subject's name stored)."""
    subject = matrix.world.foreign_dossier.subject
    names = (subject.last_name, subject.first_name)
    leaks = []
    for case in CASES:
        if case.url_name in DELIBERATE_ERRORS:
            continue
        path = matrix.path_of(case)[0]
        queries = [None]
        if case.url_name and case.url_name.endswith((":index", ":index_results")):
            queries += [{"q": subject.last_name}, {"q": subject.last_name, "export": "csv"}]
        for role in ("beheer", "superuser"):
            for query in queries:
                response = matrix.send(role, "GET", path, query)
                # A search echoes its own term in links: look for the first name then.
                shown = names[1:] if query else names
                if response.status_code == 200 and any(n in _text(response) for n in shown):
                    leaks.append(f"{case.label} {query or ''} as {role}")
    assert not leaks, "Subject names shown to administrators:\n" + "\n".join(leaks)
    # The log holds the row, listed by its dossier number (a fresh session: the walk's may
    # have expired by now).
    client = Client()
    client.force_login(matrix.world.users["beheer"])
    listing = _text(client.get("/admin/toegangslog/"))
    assert matrix.world.foreign_dossier.reference in listing

"""axe-core (bundled with axe-playwright-python, no network) over the pages each role works in.

The rule: no serious or critical violation of the WCAG 2.0/2.1 A and AA rules. Only this test
browser bypasses the CSP (to inject axe); the application's own CSP is untouched.
"""

import pytest
from django.urls import reverse

from dossiers.workflow.states import DossierState as S
from tests.browser.conftest import log_in
from tests.conftest import walk_dossier

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}


@pytest.fixture
def axe_page(browser, live_server, page):
    """Like ``page`` (same live server), in a context that lets the test inject axe."""
    context = browser.new_context(
        locale="nl-NL", viewport={"width": 1440, "height": 900}, bypass_csp=True
    )
    context.set_default_timeout(15_000)
    axe_page = context.new_page()
    axe_page.base_url = live_server.url
    yield axe_page
    context.close()


def _violations(page, path: str, status: int = 200) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    response = page.goto(f"{page.base_url}{path}")
    assert (response.status, page.url) == (status, f"{page.base_url}{path}"), path
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    return [
        f"{path}: {v['id']} ({v['impact']}) {v['help']} — "
        + "; ".join(node["target"][0] for node in v["nodes"][:3] if node.get("target"))
        for v in results.response["violations"]
        if v.get("impact") in BLOCKING
    ]


def _check(page, paths, status: int = 200) -> None:
    found = [line for path in paths for line in _violations(page, path, status)]
    assert not found, "\n".join(found)


def test_login_page(axe_page):
    _check(axe_page, ["/admin/login/"])


def test_case_director_pages(axe_page, role_users):
    dossier = walk_dossier(role_users, S.IN_EXECUTION, role_users["regisseur"])
    log_in(axe_page, "regisseur")
    pk = dossier.pk
    _check(
        axe_page,
        [
            reverse("wagtailadmin_home"),
            reverse("dossiers:index"),
            reverse("dossiers:inspect", args=[pk]),
            reverse("dossiers:uvo_add", args=[pk]),
            reverse("dossiers:evaluation_add", args=[pk]),
            reverse("dossiers:closure_add", args=[pk]),
            reverse("dossiers:journal", args=[pk]),
            reverse("dossiers:contact_add", args=[pk]),
            reverse("dossiers:choose", args=[pk]),
            reverse("dossiers:relation", args=[pk]),
        ],
    )
    _check(axe_page, ["/admin/bestaat-niet/"], status=404)


def test_voorportaal_assessment(axe_page, role_users):
    dossier = walk_dossier(role_users, S.PRE_ASSESSMENT, role_users["regisseur"])
    log_in(axe_page, "voorportaal")
    _check(
        axe_page,
        [reverse("wagtailadmin_home"), reverse("dossiers:assessment", args=[dossier.pk])],
    )


def test_an_invalid_step_form_with_its_error_summary(axe_page, role_users):
    dossier = walk_dossier(role_users, S.IN_EXECUTION, role_users["regisseur"])
    log_in(axe_page, "regisseur")
    axe_page.goto(f"{axe_page.base_url}{reverse('dossiers:uvo_add', args=[dossier.pk])}")
    axe_page.click("button[value=submit]")
    axe_page.wait_for_selector("[data-error-summary]")
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        axe_page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    blocking = [v["id"] for v in results.response["violations"] if v.get("impact") in BLOCKING]
    assert blocking == []
    focused = axe_page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert focused, "focus moves to the error summary"


@pytest.mark.parametrize(
    ("role", "url_names"),
    [
        ("map", ["wagtailadmin_home", "signals:index", "letters:index"]),
        ("secretaris", ["wagtailadmin_home", "agendas:index", "monitor:index"]),
        ("programmateam", ["wagtailadmin_home", "wagtailsnippets_catalogue_intervention:add"]),
        ("beheer", ["wagtailadmin_home", "wagtailusers_users:index", "mfa:setup"]),
        ("itatr", ["wagtailadmin_home"]),
        ("regieoverleg", ["wagtailadmin_home"]),
    ],
)
def test_each_roles_start_page_and_lists(axe_page, role_users, role, url_names):
    log_in(axe_page, role)
    _check(axe_page, [reverse(name) for name in url_names])


def test_the_check_itself_finds_a_violation(axe_page):
    """A canary: an image without alt text and an unlabelled field are reported as blocking."""
    from axe_playwright_python.sync_playwright import Axe

    axe_page.set_content(
        '<html lang="nl"><head><title>t</title></head><body><main>'
        '<img src="x.png"><input type="text"></main></body></html>'
    )
    results = Axe().run(
        axe_page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    found = {v["id"] for v in results.response["violations"] if v.get("impact") in BLOCKING}
    assert {"image-alt", "label"} <= found

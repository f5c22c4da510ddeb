"""In a real browser: the programme team adds a field to the evaluation, publishes, fills it in."""

import os
import re
import tempfile
from pathlib import Path

import pytest

from dossiers import roles
from forms.models import FormResponse
from forms.selectors import form_version_current
from tests.factories.dossiers import role_user

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API runs an event loop

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "geheim-wachtwoord-123"
SCREENSHOTS = Path(os.environ.get("BROWSER_SCREENSHOTS", tempfile.gettempdir())) / "ipga-browser"


@pytest.fixture
def page(live_server):
    from tests.browser.conftest import SerialApp

    # One request at a time, as in tests/browser: SQLite in memory shares one connection.
    httpd = live_server.thread.httpd
    if not isinstance(httpd.get_app(), SerialApp):
        httpd.set_app(SerialApp(httpd.get_app()))
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("Debian's chromium is not installed (make browsers)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 1000})
        context.set_default_timeout(15_000)
        yield context.new_page()
        browser.close()


def _login(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{base_url}/admin/")


def test_programme_team_adds_a_field_publishes_and_fills_the_form(page, live_server):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    role_user(roles.PROGRAMME_TEAM, username="programma")
    base = live_server.url
    old_version = form_version_current(slug="vrij-evaluatie")
    _login(page, base, "programma")

    # Edit the evaluation: add a required yes/no question at the end, then publish.
    page.goto(f"{base}/admin/formulieren/definities/")
    page.get_by_role("link", name="Evaluatie plan van aanpak").first.click()
    total = int(page.locator("#id_form_fields-TOTAL_FORMS").input_value())
    page.locator("#id_form_fields-ADD").click()
    page.select_option(f"#id_form_fields-{total}-field_type", "yes_no")
    page.fill(f"#id_form_fields-{total}-label", "Is de familie betrokken?")
    page.check(f"#id_form_fields-{total}-required")
    page.locator("footer .w-dropdown__toggle").first.click()
    page.locator('button[name="action-publish"]').click()
    page.wait_for_url(re.compile(r"/admin/formulieren/definities/$"))
    new_version = form_version_current(slug="vrij-evaluatie")
    assert new_version.number == old_version.number + 1
    assert new_version.fields[-1]["label"] == "Is de familie betrokken?"

    # Fill it in: first with nothing, which is refused per field, then properly.
    page.goto(f"{base}/admin/formulieren/ingevuld/new/")
    page.get_by_role("link", name="Evaluatie plan van aanpak").click()
    page.get_by_text("Is de familie betrokken?").first.wait_for()
    page.get_by_role("button", name="Opslaan").click()
    page.locator("[data-error-summary]:focus").wait_for()  # focus on the error summary
    assert page.locator(".error-message", has_text="Dit veld is verplicht.").count() == 5
    assert page.locator("[data-error-summary] a").count() == 5
    assert not FormResponse.objects.exists()
    page.screenshot(path=str(SCREENSHOTS / "evaluatie-fouten.png"), full_page=True)

    page.fill("#id_datum_evaluatie", "2024-03-01")
    page.check('input[name="voortgang_van_het_plan_van_aanpak"][value="4"]')
    page.check('input[name="ontwikkeling_van_de_risicos"][value="Afgenomen"]')
    page.check('input[name="voorstel"][value="Plan voortzetten"]')
    page.check('input[name="is_de_familie_betrokken"][value="ja"]')
    page.fill("#id_overwegingen", "De school meldt dat het goed gaat.")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(re.compile(r"/admin/formulieren/ingevuld/inspect/\d+/$"))
    page.screenshot(path=str(SCREENSHOTS / "evaluatie-ingevuld.png"), full_page=True)

    stored = FormResponse.objects.get()
    assert stored.version == new_version
    assert stored.answers["is_de_familie_betrokken"] is True
    assert stored.answers["voortgang_van_het_plan_van_aanpak"] == 4
    assert stored.answers["datum_evaluatie"] == "2024-03-01"
    body = page.locator("main").inner_text()
    assert "Is de familie betrokken?" in body
    assert "De school meldt dat het goed gaat." in body
    assert "1 maart 2024" in body

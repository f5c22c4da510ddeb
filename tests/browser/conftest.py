"""Playwright (Python, sync API) on Debian's chromium against pytest-django's ``live_server``.

Run only these: ``.venv/bin/python -m pytest -m browser``. Chromium comes from apt
(``make browsers``); ``playwright install`` is not needed and cannot work here.
Screenshots go to ``test-results/`` (gitignored). Without chromium the browser tests skip,
except when the ``CI`` environment variable is set: then they fail.
"""

import os
import threading
from pathlib import Path

import pytest

from tests.factories.dossiers import ROLE_KEYS, OrganisationFactory, role_user

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PASSWORD = "geheim-wachtwoord-123"  # the factories' test password
RESULTS = Path(__file__).resolve().parents[2] / "test-results"


def running_in_ci(environ=os.environ) -> bool:
    """True when the ``CI`` environment variable is set (GitHub and GitLab set ``CI=true``;
    ``.ci/run`` sets it too); empty, ``0`` and ``false`` count as not set."""
    return environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require_chromium(environ=os.environ) -> None:
    """Chromium missing: skip on a developer's machine, but fail in CI, where a skipped
    browser suite would pass green without a single browser test having run."""
    if Path(CHROMIUM).exists():
        return
    message = f"{CHROMIUM} is missing: run `make browsers`"
    if running_in_ci(environ):
        pytest.fail(f"{message} (CI is set: browser tests may not be skipped)", pytrace=False)
    pytest.skip(message)


@pytest.fixture
def browser(role_users):
    """A chromium per test, started after the test database is set up, closed before it is
    flushed. (With one browser per module, ``serialized_rollback`` did not bring the roles
    back for the second test: Playwright's sync API runs an event loop in this thread and
    Django's per-context connection handling then no longer restores the serialized data.)

    With that loop running Django's ORM refuses to run ("async unsafe"); the flag is set only
    while the browser is up.
    """
    require_chromium()
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


class SerialApp:
    """Runs one request at a time: with SQLite in memory, the live server's threads share the
    test's single connection, and concurrent requests (page + sprite + ...) lock its tables."""

    def __init__(self, app):
        self.app = app
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self.lock:
            result = self.app(environ, start_response)
            try:
                return [b"".join(result)]
            finally:
                getattr(result, "close", lambda: None)()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser context (no cookies) in Dutch, with ``page.base_url`` set."""
    httpd = live_server.thread.httpd
    if not isinstance(httpd.get_app(), SerialApp):
        httpd.set_app(SerialApp(httpd.get_app()))
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    context.close()


@pytest.fixture
def role_users(transactional_db):
    """One user per role (keys of ``ROLE_KEYS``), all with the password ``PASSWORD``."""
    organisation = OrganisationFactory(name="Reclassering Test", short_name="RT")
    return {
        key: role_user(role, username=key, organisation=organisation)
        for key, role in ROLE_KEYS.items()
    }


def log_in(page, username: str, password: str = PASSWORD) -> None:
    """Log in through the real admin login form."""
    page.goto(f"{page.base_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{page.base_url}/admin/")


def screenshot(page, name: str) -> Path:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path

"""Every page is Dutch and formal (issue 13): no Wagtail English shows through, no booleans
rendered raw, no informal "je"/"jouw".

Every URL the walker knows (``tests.harness.urls``) is requested with GET by every role the
permission matrix says gets a 200 for it, and by the foreign dossier's own case director (the
richest dossier pages). For each 200 HTML answer the visible text (text nodes plus the
``title``, ``aria-label``, ``placeholder`` and ``alt`` attributes; without ``<script>``,
``<style>``, ``<svg>`` and comments) must contain none of ``FORBIDDEN``. The test data is
fictional Dutch, so what remains is the application's and Wagtail's own text.
"""

import re
from html.parser import HTMLParser

import pytest

from tests.harness.fixtures import requester  # noqa: F401 (a fixture)
from tests.harness.urls import all_cases
from tests.permission_matrix import expectations

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

# Each a whole word (or phrase); "live" and the informal pronouns case-insensitively.
FORBIDDEN = {
    "Dashboard": re.compile(r"\bDashboard\b"),
    "Snippets": re.compile(r"\bSnippets?\b"),
    "Workflow": re.compile(r"\bWorkflows?\b"),
    "live": re.compile(r"\blive\b", re.IGNORECASE),
    "True": re.compile(r"\bTrue\b"),
    "False": re.compile(r"\bFalse\b"),
    "Home": re.compile(r"\bHome\b"),
    "Editor Guide": re.compile(r"\bEditor Guide\b"),
    "Error": re.compile(r"\bError\b"),
    "Sorry": re.compile(r"\bSorry\b"),
    "je": re.compile(r"\bje\b", re.IGNORECASE),
    "jouw": re.compile(r"\bjouw\b", re.IGNORECASE),
    "Can …": re.compile(r"\bCan (?:add|change|delete|view|publish|lock|unlock|choose|access)\b"),
    "Moderators": re.compile(r"\bModerators?\b"),
    "Wagtail": re.compile(r"\bWagtail\b"),
}

# True false positives only: (URL name, word) -> why it is not the application speaking.
ALLOWED = {
    # The handbook is the programme's own text (the "Handreiking", seeded from the source
    # document and edited by the programme team as Wagtail pages); it addresses the case
    # director as "je". Content, not interface.
    ("wagtail_serve", "je"): "handbook pages: the programme's own text",
    ("wagtailadmin_pages:view_draft", "je"): "handbook pages: the programme's own text",
    # The accessibility statement names the parts of Wagtail that are not yet accessible:
    # content about the software, not the software speaking.
    ("accessibility_statement", "Wagtail"): "the statement names Wagtail's known limitations",
    ("wagtail_serve", "Wagtail"): "the statement names Wagtail's known limitations",
    ("wagtailadmin_pages:view_draft", "Wagtail"): "the statement names Wagtail's known limitations",
}

SKIPPED_TAGS = {"script", "style", "svg"}
VISIBLE_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
EXTRA_ROLES = ("eigen_regisseur",)


class _VisibleText(HTMLParser):
    """The text a user sees or hears: text nodes outside script/style/svg, and labels."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_TAGS:
            self.skipping += 1
        if self.skipping:
            return
        for name, value in attrs:
            if name in VISIBLE_ATTRIBUTES and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return " ".join(" ".join(parser.parts).split())


def findings(text: str, url_name: str) -> list[str]:
    found = []
    for word, pattern in FORBIDDEN.items():
        if (url_name, word) in ALLOWED or ("*", word) in ALLOWED:
            continue
        for match in pattern.finditer(text):
            start, end = max(0, match.start() - 50), match.end() + 50
            found.append(f"{word!r} in …{text[start:end]}…")
    return found


CASES = all_cases()
EXPECTED = expectations.load()


def _roles_with_200(case) -> list[str]:
    row = EXPECTED.get((case.route, "GET"), {})
    return [role for role in expectations.ROLES if row.get(role) == "200"]


def test_the_scan_finds_a_template_that_says_dashboard():
    page = (
        "<html><head><title>Start</title><script>var Dashboard = true;</script></head>"
        '<body><h1 aria-label="Dashboard">Welkom</h1><p>Bekijk live</p></body></html>'
    )
    assert findings(visible_text(page), "x") == [
        "'Dashboard' in …Start Dashboard Welkom Bekijk live…",
        "'live' in …Start Dashboard Welkom Bekijk live…",
    ]
    assert findings(visible_text("<p>Heeft u je code?</p><p>Uw gegevens</p>"), "x") == [
        "'je' in …Heeft u je code? Uw gegevens…"
    ]
    assert findings(visible_text("<p>Live-verbinding? Nee. Jeugd, jouwe</p>"), "x") == [
        "'live' in …Live-verbinding? Nee. Jeugd, jouwe…"
    ]


@pytest.mark.parametrize("case", CASES, ids=[case.label for case in CASES])
def test_page_is_dutch_and_formal(case, requester):  # noqa: F811
    roles = _roles_with_200(case) + list(EXTRA_ROLES)
    try:
        path = requester.path_of(case)[0]
    except LookupError as error:
        pytest.skip(str(error))
    problems, read = [], 0
    for role in roles:
        response = requester.send(role, "GET", path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        if getattr(response, "streaming", False):
            continue
        read += 1
        for finding in findings(visible_text(response.content.decode()), case.url_name or ""):
            problems.append(f"{role}: {finding}")
    if not read:
        pytest.skip(f"{path}: no role gets an HTML page with a plain GET")
    assert not problems, f"{path} ({case.label}) is not Dutch/formal:\n  " + "\n  ".join(
        sorted(set(problems))
    )

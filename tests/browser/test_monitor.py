"""The monitor in the browser, as the programme team: the plan figures of the second quarter of
2026 (``plan_monitor_data``) as tables and SVG charts, small counts as "<5"."""

from pathlib import Path

import pytest

from tests.browser.conftest import log_in
from tests.reports.conftest import plan_monitor_data  # noqa: F401 - the data set, as a fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SHOTS = Path("/tmp/monitor2")  # noqa: S108 - screenshots to look at, not test data


@pytest.fixture
def users(role_users):
    """``walk`` (tests/conftest.py) takes its actors from ``users``: the browser's users."""
    return role_users


def test_the_programme_team_sees_the_plan_figures(page, plan_monitor_data):  # noqa: F811
    log_in(page, "programmateam")
    page.goto(f"{page.base_url}/admin/monitor/?kind=quarter&year=2026&quarter=2")
    assert page.locator("header h1, .w-header h1").first.inner_text().strip() == "Monitor"
    domain = page.locator("#interventions_domain")
    assert "Ingezette interventies naar domein" in domain.inner_text()
    assert domain.locator("svg").count() == 1
    special = page.locator("#special_interventions tbody").inner_text()
    assert "Paspoortmaatregel\t5" in special and "GGD-screening\t<5" in special
    assert "Fictieve persoon" not in page.content()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "monitor.png"), full_page=True)
    page.locator("#uvo_deadline").screenshot(path=str(SHOTS / "monitor-uvo.png"))
    page.locator("#attainment_evaluation_item").screenshot(
        path=str(SHOTS / "monitor-attainment.png")
    )

"""Each role logs in through the real form and lands on the Dutch start page with its menu."""

import pytest

from tests.browser.conftest import log_in, screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# role -> (sees the "Dossiers" menu item, sees "Toegangslog" under "Instellingen")
# The programme team also has "Instellingen" (the programme settings), but no access log.
MENUS = {
    "map": (True, False),
    "politie": (True, False),
    "voorportaal": (True, False),
    "regieoverleg": (True, False),
    "secretaris": (True, False),
    "regisseur": (True, False),
    "itatr": (True, False),
    "programmateam": (False, False),
    "beheer": (False, True),
}


def _menu_labels(page) -> list[str]:
    items = page.locator("#wagtail-sidebar .sidebar-main-menu__list > li .menuitem-label")
    items.first.wait_for()
    return [label.strip() for label in items.all_inner_texts()]


@pytest.mark.parametrize("role", MENUS)
def test_role_lands_on_dutch_dashboard_with_its_menu(page, role_users, role):
    sees_dossiers, sees_access_log = MENUS[role]
    log_in(page, role_users[role].username)

    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.title() == "Start - IPGA volgsysteem"
    assert page.locator("input[placeholder^='Doorzoek']").count() == 1  # Dutch, not "Search"
    labels = _menu_labels(page)
    assert ("Dossiers" in labels) is sees_dossiers, labels
    if sees_access_log:
        assert "Instellingen" in labels, labels
        page.get_by_role("button", name="Instellingen").click()
        page.get_by_role("link", name="Toegangslog").wait_for()
    else:
        assert page.get_by_role("link", name="Toegangslog").count() == 0
    screenshot(page, f"start-{role}")

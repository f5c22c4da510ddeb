"""Keyboard only: Tab from the first control walks every control of the form in reading order,
and Enter on the submit button sends it (issue 20)."""

import pytest
from django.urls import reverse

from dossiers.models import JournalEntry
from dossiers.workflow.states import DossierState as S
from tests.browser.conftest import log_in, screenshot
from tests.conftest import walk_dossier

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

#: numbers every control a Tab should reach, in DOM order (one stop per radio group)
MARK_CONTROLS = """(selector) => {
    const form = document.querySelector(selector);
    const controls = Array.from(form.querySelectorAll(
        'input:not([type=hidden]), select, textarea, button, a[href]'
    )).filter(el => !el.disabled && el.offsetParent !== null && el.tabIndex >= 0);
    const seen = new Set();
    let n = 0;
    for (const el of controls) {
        if (el.type === 'radio') {
            const group = form.querySelectorAll(`input[type=radio][name="${el.name}"]`);
            const stop = Array.from(group).find(r => r.checked) || group[0];
            if (el !== stop || seen.has(el.name)) continue;
            seen.add(el.name);
        }
        el.dataset.kb = String(n++);
    }
    return n;
}"""
ACTIVE = "() => document.activeElement && document.activeElement.dataset.kb"


def _tab_order(page, selector: str) -> tuple[list[int], int]:
    """The controls Tab visits from the form's first control, deduplicated, and how many."""
    count = page.evaluate(MARK_CONTROLS, selector)
    page.focus(f'{selector} [data-kb="0"]')
    visited = [0]
    for _ in range(count * 4):
        page.keyboard.press("Tab")
        index = page.evaluate(ACTIVE)
        if index is None:
            break  # left the form
        if int(index) != visited[-1]:
            visited.append(int(index))
        if int(index) == count - 1:
            break
    return visited, count


def test_the_journal_form_by_keyboard(page, role_users):
    dossier = walk_dossier(role_users, S.IN_EXECUTION, role_users["regisseur"])
    log_in(page, "regisseur")
    page.goto(f"{page.base_url}{reverse('dossiers:journal', args=[dossier.pk])}")
    form = "#main form[method=post]"
    visited, count = _tab_order(page, form)
    assert count >= 4  # kind, date, text, submit
    assert visited == list(range(count))
    page.focus(f"{form} select")
    page.keyboard.press("ArrowDown")  # the first kind of line
    page.focus(f"{form} textarea")
    page.keyboard.type("Gesprek met de school, alleen met het toetsenbord vastgelegd.")
    screenshot(page, "keyboard-journal-focus")
    page.focus(f"{form} button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "De logboekregel is vastgelegd." in page.content()
    assert JournalEntry.objects.filter(
        dossier=dossier, text__startswith="Gesprek met de school"
    ).exists()


def test_the_assessment_form_by_keyboard(page, role_users):
    dossier = walk_dossier(role_users, S.PRE_ASSESSMENT, role_users["regisseur"])
    page.set_viewport_size({"width": 1440, "height": 900})
    log_in(page, "voorportaal")
    page.goto(f"{page.base_url}{reverse('dossiers:assessment', args=[dossier.pk])}")
    form = "#main form[method=post]"
    visited, count = _tab_order(page, form)
    assert count > 20, count
    assert visited == list(range(count)), f"{len(visited)} of {count} controls in order"
    screenshot(page, "keyboard-assessment-focus")
    # Enter on "Indienen" with nothing filled in: the error summary takes the focus.
    page.focus(f"{form} button[value=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-error-summary]")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    screenshot(page, "keyboard-assessment-error-summary")

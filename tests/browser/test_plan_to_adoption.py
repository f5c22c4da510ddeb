"""The plan of approach in the browser, from concept to adoption: the case director builds it
from the catalogue and holds the first UVO, the secretary records the ITAT-R's advice, the
director revises and makes it definitive, the secretary records adoption and accords it."""

import pytest

from dossiers.models import PlanItem, PlanVersion
from dossiers.workflow.states import DossierState as S
from tests.browser.conftest import log_in, screenshot
from tests.conftest import walk_dossier
from tests.factories.assessment import valid_answers

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _shot(page, name):
    """The admin scrolls inside its main area: a tall viewport shows the whole page."""
    height = page.evaluate("document.querySelector('main').scrollHeight")
    page.set_viewport_size({"width": 1280, "height": min(max(height + 100, 900), 6000)})
    screenshot(page, name)
    page.set_viewport_size({"width": 1280, "height": 900})


def _log_out(page):
    page.context.clear_cookies()


def _dossier_page(page, dossier):
    page.goto(f"{page.base_url}/admin/dossiers/inspect/{dossier.pk}/")


def _step(page, label, note=""):
    page.click(f"a.button:has-text('{label}')")
    page.wait_for_url("**/admin/dossiers/step/*/?to=*")
    if note:
        page.fill("textarea[name=note]", note)
    page.click("button:has-text('Stap zetten')")
    page.wait_for_url("**/admin/dossiers/inspect/*/")


def _add_item(page, dossier, goal, choice=0):
    _dossier_page(page, dossier)
    page.click("#tab-label-plan")  # the dossier page's sections are tabs
    page.click("a.button:has-text('Interventie uit de catalogus toevoegen')")
    page.wait_for_url("**/admin/dossiers/plan/kiezen/*/")
    page.select_option("select[name=risk_group]", "")
    page.click("button:has-text('Filteren')")
    page.wait_for_url("**/admin/dossiers/plan/kiezen/*/?*")
    _shot(page, f"plan-chooser-{choice}")
    page.locator("a.button:has-text('Kiezen')").nth(choice).click()
    page.wait_for_url("**/admin/dossiers/plan/toevoegen/*/?*")
    _shot(page, f"plan-item-form-{choice}")
    page.fill("textarea[name=considerations]", "Fictieve overwegingen bij deze keuze")
    page.fill("textarea[name=goal]", goal)
    page.click("button:has-text('Toevoegen aan het plan')")
    page.wait_for_url("**/admin/dossiers/inspect/*/")


def _fill_structured(page, answers):
    for key, value in answers.items():
        radios = page.locator(f"input[type=radio][name={key}]")
        if radios.count():
            page.check(f"input[type=radio][name={key}][value='{value}']")
        elif isinstance(value, list):
            for item in value:
                page.check(f"input[name={key}][value='{item}']")
        else:
            page.fill(f"[name={key}]", str(value))


def test_plan_from_concept_to_adoption(page, role_users):
    director = role_users["regisseur"]
    dossier = walk_dossier(role_users, S.INCLUDED, director)

    log_in(page, "regisseur")
    _add_item(page, dossier, "Elke week naar school")
    content = page.content()
    assert "staat in het plan" in content and "Elke week naar school" in content
    # Not yet: the first UVO comes before the ITAT-R.
    assert "Het eerste UVO is nog niet gehouden" in content
    _shot(page, "plan-concept-before-uvo")

    page.click("#tab-label-uitvoering")
    page.click("a.button:has-text('UVO vastleggen')")
    page.wait_for_url("**/admin/dossiers/uvo/*/")
    page.fill("input[name='afspraken-0-description']", "Aanmelden bij leerplicht")
    page.fill("input[name='afspraken-0-owner']", "Leerplicht")
    page.fill("input[name='afspraken-0-due_on']", "2026-03-01")
    _fill_structured(page, valid_answers("uvo-verslag", overrides={"escalation": "nee"}))
    _shot(page, "plan-uvo-form")
    page.click("button:has-text('UVO vastleggen')")
    page.wait_for_url("**/admin/dossiers/inspect/*/")
    assert "Aanmelden bij leerplicht" in page.content()

    _step(page, "Plan gereed voor ITAT-R", "Concept klaar")
    dossier.refresh_from_db()
    assert dossier.state == S.PLAN_SUBMITTED

    _log_out(page)
    log_in(page, "secretaris")
    _dossier_page(page, dossier)
    page.click("a.button:has-text('ITAT-R-advies vastleggen')")
    page.wait_for_url("**/admin/dossiers/step/*/?to=*")
    assert "Advies van het ITAT-R" in page.content()
    page.fill("textarea[name=note]", "Voeg een interventie gericht op werk toe.")
    page.click("button:has-text('Stap zetten')")
    page.wait_for_url("**/admin/dossiers/inspect/*/")
    dossier.refresh_from_db()
    assert dossier.state == S.PLAN_ADVISED

    _log_out(page)
    log_in(page, "regisseur")
    _add_item(page, dossier, "Een baan of stage vinden", choice=1)
    _step(page, "Plan definitief maken")
    dossier.refresh_from_db()
    assert dossier.state == S.PLAN_DEFINITIVE

    _log_out(page)
    log_in(page, "secretaris")
    _dossier_page(page, dossier)
    _step(page, "Plan vaststellen", "Vastgesteld in het Regieoverleg")
    _step(page, "Plan accorderen")
    dossier.refresh_from_db()
    assert dossier.state == S.IN_EXECUTION
    assert PlanItem.objects.filter(dossier=dossier).count() == 2
    kinds = list(PlanVersion.objects.filter(dossier=dossier).values_list("kind", flat=True))
    assert {"submitted", "advice", "definitive", "adopted", "accorded"} <= set(kinds)
    _shot(page, "plan-adopted-secretary")

    _log_out(page)
    log_in(page, "regisseur")
    _dossier_page(page, dossier)
    _shot(page, "plan-dossier-page-director")
    page.click("#tab-label-plan")
    page.click("text=Versiegeschiedenis en vergelijken")
    page.wait_for_url("**/admin/dossiers/plan/versies/*/")
    page.select_option("select[name=a]", "2")
    page.click("button:has-text('Vergelijken')")
    page.wait_for_url("**/admin/dossiers/plan/versies/*/?*")
    content = page.content()
    assert "Een baan of stage vinden" in content and "toegevoegd" in content
    assert "Voeg een interventie gericht op werk toe." in content
    _shot(page, "plan-versions")

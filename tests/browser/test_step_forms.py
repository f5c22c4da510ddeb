"""The assessment as the Voorportaal fills it in the browser: one form, a concept, reopening
shows every answer ("Nee" included), submitting makes the advice step possible."""

import pytest

from dossiers.models import Dossier
from dossiers.services.assessment import ASSESSMENT_FORM_SLUG
from dossiers.workflow.states import DossierState as S
from forms.selectors import form_version_current
from tests.browser.conftest import log_in, screenshot
from tests.conftest import walk_dossier
from tests.factories.assessment import assessment_answers

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _fill(page, version, answers):
    for item in version.fields:
        value = answers.get(item["key"])
        if item["type"] == "heading" or value is None:
            continue
        if item["type"] in ("single_choice", "yes_no", "scale", "multiple_choice"):
            for one in value if isinstance(value, list) else [value]:
                page.check(f'input[name="{item["key"]}"][value="{one}"]')
        else:
            page.fill(f'[name="{item["key"]}"]', str(value))


def test_voorportaal_fills_a_concept_reopens_it_and_submits(page, role_users):
    dossier = walk_dossier(role_users, S.PRE_ASSESSMENT, role_users["regisseur"])
    version = form_version_current(slug=ASSESSMENT_FORM_SLUG)
    answers = assessment_answers()
    known = next(f["key"] for f in version.fields if f.get("binding") == "other_approach_known")
    assert answers[known] == "nee"
    page.set_viewport_size({"width": 1440, "height": 900})
    log_in(page, "voorportaal")
    url = f"{page.base_url}/admin/dossiers/beoordeling/{dossier.pk}/"
    page.goto(url)
    _fill(page, version, answers)
    page.click("button:has-text('Concept opslaan')")
    page.wait_for_load_state()
    assert "Het concept is opgeslagen" in page.content()

    page.goto(url)
    assert page.is_checked(f'input[name="{known}"][value="nee"]')
    for item in version.fields:
        value = answers.get(item["key"])
        if item["type"] in ("long_text", "short_text") and value:
            assert page.input_value(f'[name="{item["key"]}"]') == value
    screenshot(page, "step-assessment-1440")

    page.click("button:has-text('Indienen')")
    page.wait_for_url("**/admin/dossiers/inspect/*/")
    page.click("a.button:has-text('Advies aan Regieoverleg')")
    assert "nu nog niet mogelijk" not in page.content()
    page.click("button:has-text('Stap zetten')")
    page.wait_for_url("**/admin/dossiers/inspect/*/")
    assert Dossier.objects.get(pk=dossier.pk).state == S.AWAITING_DECISION

"""The step forms as their users fill them in the browser: one form, a concept, reopening shows
every answer ("Nee" included), submitting takes the step (the proposal after a confirmation)."""

import pytest

from dossiers.models import Dossier
from dossiers.services.assessment import ASSESSMENT_FORM_SLUG
from dossiers.workflow.states import DossierState as S
from forms.selectors import form_version_current
from tests.browser.conftest import log_in, screenshot
from tests.conftest import walk_dossier
from tests.factories.assessment import assessment_answers, valid_answers

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _fill(page, version, answers):
    for item in version.fields:
        value = answers.get(item["key"])
        if item["type"] == "heading" or value is None:
            continue
        if item["type"] in ("agreements", "plan_item_results"):
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


def _key(version, binding: str) -> str:
    return next(f["key"] for f in version.fields if f.get("binding") == binding)


def _concept_then_reopen(page, url):
    page.click("button:has-text('Concept opslaan')")
    page.wait_for_load_state()
    assert "Het concept is opgeslagen" in page.content()
    page.goto(url)


def test_director_records_a_uvo_from_a_concept(page, role_users):
    from dossiers.models import CaseMeeting

    dossier = walk_dossier(role_users, S.IN_EXECUTION, role_users["regisseur"])
    before = CaseMeeting.objects.filter(dossier=dossier).count()
    version = form_version_current(slug="uvo-verslag")
    answers = valid_answers("uvo-verslag", overrides={"escalation": "nee"})
    page.set_viewport_size({"width": 1440, "height": 900})
    log_in(page, "regisseur")
    url = f"{page.base_url}/admin/dossiers/uvo/{dossier.pk}/"
    page.goto(url)
    assert page.locator("text=Datum UVO").count() == 1  # asked once
    _fill(page, version, answers)
    rows = _key(version, "agreements")
    page.fill(f'[name="{rows}-0-description"]', "Aanmelden bij leerplicht")
    page.fill(f'[name="{rows}-0-owner"]', "Leerplicht")
    page.fill(f'[name="{rows}-0-due_on"]', "2027-03-01")
    _concept_then_reopen(page, url)
    assert page.is_checked(f'input[name="{_key(version, "escalation")}"][value="nee"]')
    assert page.input_value(f'[name="{rows}-0-owner"]') == "Leerplicht"
    assert CaseMeeting.objects.filter(dossier=dossier).count() == before  # a concept counts nowhere
    screenshot(page, "step-uvo-1440")

    page.click("button:has-text('UVO vastleggen')")
    page.wait_for_url("**/admin/dossiers/inspect/*/")
    assert "Het UVO is vastgelegd" in page.content()
    meeting = CaseMeeting.objects.filter(dossier=dossier).latest("pk")
    agreement = meeting.agreements.get()
    assert (agreement.owner, str(agreement.due_on)) == ("Leerplicht", "2027-03-01")
    assert meeting.escalation is False and meeting.report.is_draft is False


def test_director_evaluates_each_intervention(page, role_users):
    from dossiers.models import Evaluation, PlanItem

    dossier = walk_dossier(role_users, S.IN_EXECUTION, role_users["regisseur"])
    item = PlanItem.objects.filter(dossier=dossier).first()
    version = form_version_current(slug="evaluatie")
    answers = valid_answers("evaluatie", overrides={"judgement": "adjust"})
    page.set_viewport_size({"width": 1440, "height": 900})
    log_in(page, "regisseur")
    url = f"{page.base_url}/admin/dossiers/evaluatie/{dossier.pk}/"
    page.goto(url)
    _fill(page, version, answers)
    rows = _key(version, "item_results")
    page.fill(f'[name="{rows}-0-result"]', "Gaat weer naar school")
    page.select_option(f'[name="{rows}-0-goal_attainment"]', "partly")
    _concept_then_reopen(page, url)
    assert page.input_value(f'[name="{rows}-0-goal_attainment"]') == "partly"
    assert page.is_checked(f'input[name="{_key(version, "judgement")}"][value="adjust"]')
    assert not Evaluation.objects.filter(dossier=dossier).exists()
    screenshot(page, "step-evaluation-1440")

    page.click("button:has-text('Evaluatie vastleggen')")
    page.wait_for_url("**/admin/dossiers/inspect/*/")
    evaluation = Evaluation.objects.get(dossier=dossier)
    assert evaluation.judgement == "adjust"
    row = evaluation.items.get()
    assert (row.plan_item, row.goal_attainment, row.result) == (
        item,
        "partly",
        "Gaat weer naar school",
    )


def test_director_submits_a_closure_proposal_after_confirming(page, role_users):
    from dossiers.models import ClosureProposal

    dossier = walk_dossier(role_users, S.IN_EXECUTION, role_users["regisseur"])
    version = form_version_current(slug="afbouw-afsluitvoorstel")
    answers = valid_answers(
        "afbouw-afsluitvoorstel",
        overrides={
            "kind": "close",
            "goals_achieved": "Weer naar school",
            "considerations": "Geen zorgen meer",
            "warm_handover": "nee",
        },
    )
    page.set_viewport_size({"width": 1440, "height": 900})
    log_in(page, "regisseur")
    url = f"{page.base_url}/admin/dossiers/voorstel/{dossier.pk}/"
    page.goto(url)
    _fill(page, version, answers)
    _concept_then_reopen(page, url)
    assert page.is_checked(f'input[name="{_key(version, "warm_handover")}"][value="nee"]')
    assert Dossier.objects.get(pk=dossier.pk).state == S.IN_EXECUTION
    screenshot(page, "step-closure-1440")

    page.click("button:has-text('Indienen bij het ITAT-R')")
    page.wait_for_url("**?bevestigen=1")
    assert "u kunt het voorstel daarna niet meer wijzigen" in page.content()
    assert not ClosureProposal.objects.filter(dossier=dossier).exists()
    screenshot(page, "step-closure-confirm-1440")
    page.click("button:has-text('Ja, indienen')")
    page.wait_for_url("**/admin/dossiers/inspect/*/")
    assert Dossier.objects.get(pk=dossier.pk).state == S.CLOSURE_PROPOSED
    proposal = ClosureProposal.objects.get(dossier=dossier)
    assert (proposal.kind, proposal.goals_achieved) == ("close", "Weer naar school")

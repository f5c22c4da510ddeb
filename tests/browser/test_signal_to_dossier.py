"""Signal to dossier in the browser: intake registers and forwards, the Voorportaal advises,
the secretary records the inclusion, and the case director finds the new dossier."""

import pytest

from dossiers.models import Dossier
from dossiers.workflow.states import DossierState as S
from tests.browser.conftest import log_in, screenshot
from tests.factories.assessment import assessment_complete

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _log_out(page):
    page.context.clear_cookies()


def test_signal_walks_to_a_dossier_of_the_case_director(page, role_users):
    log_in(page, "map")
    page.goto(f"{page.base_url}/admin/meldingen/new/")
    page.fill("input[name=received_on]", "2026-01-05")
    page.select_option("select[name=channel]", "phone")
    page.select_option("select[name=source_type]", "teacher")
    page.fill("input[name=reporter_name]", "Fictieve Docent")
    page.fill("input[name=person_first_name]", "Noor")
    page.fill("input[name=person_last_name]", "Verzonnen")
    page.fill("input[name=person_birth_date]", "2008-02-03")
    page.fill("textarea[name=concern]", "Deelt extremistische filmpjes in de klas.")
    page.click("button:has-text('Melding registreren')")
    page.wait_for_url("**/admin/dossiers/inspect/*/")
    assert "Melding geregistreerd in dossier" in page.content()
    dossier = Dossier.objects.get()

    page.click("a.button:has-text('Doorzetten naar Voorportaal')")
    page.click("button:has-text('Stap zetten')")
    # The dossier left the MAP's scope: back to the start page with the message, not a 404.
    page.wait_for_url(f"{page.base_url}/admin/")
    assert "staat nu op" in page.content() and "niet gevonden" not in page.content()
    dossier.refresh_from_db()
    assert dossier.state == S.PRE_ASSESSMENT

    _log_out(page)
    assessment_complete(dossier=dossier, by=role_users["voorportaal"])
    log_in(page, "voorportaal")
    page.goto(f"{page.base_url}/admin/dossiers/inspect/{dossier.pk}/")
    page.click("a.button:has-text('Advies aan Regieoverleg')")
    page.click("button:has-text('Stap zetten')")
    page.wait_for_url("**/admin/dossiers/inspect/*/")

    _log_out(page)
    log_in(page, "secretaris")
    page.goto(f"{page.base_url}/admin/dossiers/inspect/{dossier.pk}/")
    page.click("a.button:has-text('Opnemen in de aanpak')")
    page.select_option("select[name=case_director]", str(role_users["regisseur"].pk))
    page.fill("textarea[name=note]", "Opgenomen in de aanpak.")
    page.click("button:has-text('Stap zetten')")
    page.wait_for_url("**/admin/dossiers/inspect/*/")
    dossier.refresh_from_db()
    assert dossier.state == S.INCLUDED

    _log_out(page)
    log_in(page, "regisseur")
    page.goto(f"{page.base_url}/admin/dossiers/?mine=true")
    page.click(f"text={dossier.reference}")
    page.wait_for_url("**/admin/dossiers/inspect/*/")
    content = page.content()
    assert "Basisdossier" in content and "Verzonnen" in content
    assert 'class="state state-current" data-state="included"' in content
    screenshot(page, "signal-to-dossier-case-director")

"""The MAP opens the letters of a newly included minor, makes one, and registers its sending."""

import datetime

import pytest
from django.utils import timezone

from dossiers.models import NotificationLetter, SubjectRelation
from dossiers.workflow.states import DossierState as S
from tests.browser.conftest import log_in, screenshot
from tests.conftest import walk_dossier
from tests.factories.dossiers import DossierFactory, SubjectFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _minor_dossier(role_users):
    today = timezone.localdate()
    child = SubjectFactory(
        first_name="Yara",
        last_name="Verzonnen",
        birth_date=today - datetime.timedelta(days=15 * 365),
        street="Fictieweg 12",
        postcode="1011 AB",
    )
    for first, street in (("Mira", "Fictieweg 12"), ("Karim", "Denkbeeldlaan 3")):
        parent = SubjectFactory(first_name=first, last_name="Verzonnen", street=street)
        SubjectRelation.objects.create(subject=parent, related=child, kind="parent")
    dossier = DossierFactory(subject=child)
    return walk_dossier(role_users, S.INCLUDED, role_users["regisseur"], dossier=dossier)


def test_map_makes_a_letter_and_registers_it(page, role_users):
    dossier = _minor_dossier(role_users)
    log_in(page, "map")
    page.click("text=Notificatiebrieven")
    page.wait_for_url("**/admin/notificatiebrieven/")
    assert "Karim Verzonnen" in page.content()
    screenshot(page, "letters-open-list")

    page.goto(f"{page.base_url}/admin/notificatiebrieven/dossier/{dossier.pk}/")
    assert page.locator("table.listing tbody tr").count() == 3
    page.locator("tbody tr", has_text="Karim Verzonnen").locator(
        "button:has-text('Brief maken')"
    ).click()
    page.wait_for_url(f"**/admin/notificatiebrieven/dossier/{dossier.pk}/")
    assert "Brief gemaakt" in page.content()
    letter = NotificationLetter.objects.get(dossier=dossier, recipient_name="Karim Verzonnen")
    assert letter.file and letter.generated_by == role_users["map"]
    with page.expect_download() as download:
        page.locator("tbody tr", has_text="Karim Verzonnen").locator(
            "a:has-text('PDF downloaden')"
        ).click()
    assert download.value.suggested_filename.endswith(".pdf")
    screenshot(page, "letters-register-made")

    page.locator("tbody tr", has_text="Karim Verzonnen").locator(
        "a:has-text('Verzending vastleggen')"
    ).click()
    page.select_option("select[name=route]", "post")
    screenshot(page, "letters-send-form")
    page.click("button:has-text('Vastleggen')")
    page.wait_for_url(f"**/admin/notificatiebrieven/dossier/{dossier.pk}/")
    letter.refresh_from_db()
    assert (letter.sent_on, letter.route, letter.sent_by) == (
        timezone.localdate(),
        "post",
        role_users["map"],
    )
    assert "per post naar het adres" in page.content()
    screenshot(page, "letters-register-sent")


def test_programme_team_previews_a_template(page, role_users):
    from snippets.models import LetterTemplate

    template = LetterTemplate.objects.get(recipient_kind="parent")
    log_in(page, "programmateam")
    edit = f"{page.base_url}/admin/catalogus/briefsjablonen/edit/{template.pk}/"
    preview = f"{page.base_url}/admin/catalogus/briefsjablonen/preview/{template.pk}/"
    page.goto(edit)
    assert "Plaatshouders" in page.content()
    screenshot(page, "letters-template-edit")
    # what the side panel's preview does: post the form, then show the rendered letter
    status = page.evaluate(
        """async (url) => {
            const form = document.querySelector("form[data-edit-form]");
            const response = await fetch(url, {method: "POST", body: new FormData(form)});
            return (await response.json()).is_valid;
        }""",
        preview,
    )
    assert status is True
    page.goto(preview)
    content = page.content()
    assert "J. de Vries" in content and "uw kind Sam de Vries" in content
    screenshot(page, "letters-template-preview")

"""The MAP opens the letters of a newly included minor, makes one, and registers its sending."""

import datetime

import pytest
from django.utils import timezone

from dossiers.models import NotificationLetter
from dossiers.workflow.states import DossierState as S
from tests.browser.conftest import log_in, screenshot
from tests.conftest import walk_dossier
from tests.factories.dossiers import DossierFactory, SubjectFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _minor_dossier(role_users):
    """A minor included without any relative recorded yet."""
    today = timezone.localdate()
    child = SubjectFactory(
        first_name="Yara",
        last_name="Verzonnen",
        birth_date=today - datetime.timedelta(days=15 * 365),
        street="Fictieweg 12",
        postcode="1011 AB",
    )
    dossier = DossierFactory(subject=child)
    return walk_dossier(role_users, S.INCLUDED, role_users["regisseur"], dossier=dossier)


def _record_parent(page, dossier, first, street):
    page.click("a:has-text('Familielid vastleggen')")
    page.wait_for_url(f"**/admin/notificatiebrieven/dossier/{dossier.pk}/familielid/")
    page.select_option("select[name=kind]", "parent")
    page.fill("input[name=first_name]", first)
    page.fill("input[name=last_name]", "Verzonnen")
    page.fill("input[name=street]", street)
    page.fill("input[name=postcode]", "1011 AB")
    page.fill("input[name=city]", "Amsterdam")
    page.check("input[name=parental_authority]")
    page.click("button:has-text('Toevoegen')")
    page.wait_for_url(f"**/admin/notificatiebrieven/dossier/{dossier.pk}/")


def test_map_records_both_parents_and_makes_and_registers_their_letters(page, role_users):
    dossier = _minor_dossier(role_users)
    log_in(page, "map")
    page.goto(f"{page.base_url}/admin/notificatiebrieven/dossier/{dossier.pk}/")
    assert "geen ouder of voogd met gezag" in page.content()
    assert page.locator("table.listing tbody tr").count() == 1
    screenshot(page, "letters-minor-without-parents")
    _record_parent(page, dossier, "Mira", "Fictieweg 12")
    _record_parent(page, dossier, "Karim", "Denkbeeldlaan 3")
    assert "geen ouder of voogd met gezag" not in page.content()
    rows = page.locator("table.listing tbody tr")
    assert rows.count() == 3
    parents = NotificationLetter.objects.filter(dossier=dossier, recipient_kind="parent")
    assert sorted(parents.values_list("recipient_name", flat=True)) == [
        "Karim Verzonnen",
        "Mira Verzonnen",
    ]
    assert dossier.relatives.filter(parental_authority=True).count() == 2
    screenshot(page, "letters-two-parent-letters-proposed")

    for name in ("Mira Verzonnen", "Karim Verzonnen"):
        row = page.locator("tbody tr", has_text=name)
        row.locator("button:has-text('Brief maken')").click()
        page.wait_for_url(f"**/admin/notificatiebrieven/dossier/{dossier.pk}/")
        assert "Brief gemaakt" in page.content()
        page.locator("tbody tr", has_text=name).locator(
            "a:has-text('Verzending vastleggen')"
        ).click()
        page.select_option("select[name=route]", "post")
        page.click("button:has-text('Vastleggen')")
        page.wait_for_url(f"**/admin/notificatiebrieven/dossier/{dossier.pk}/")
    for letter in parents:
        assert letter.file and letter.generated_by == role_users["map"]
        assert (letter.sent_on, letter.route, letter.sent_by) == (
            timezone.localdate(),
            "post",
            role_users["map"],
        )
    with page.expect_download() as download:
        page.locator("tbody tr", has_text="Karim Verzonnen").locator(
            "a:has-text('PDF downloaden')"
        ).click()
    assert download.value.suggested_filename.endswith(".pdf")
    screenshot(page, "letters-register-parents-sent")


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

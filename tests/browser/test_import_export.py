"""Import and export in the browser: the programme team downloads the template, uploads a bad
workbook (dry run with errors, no apply button), a good one (applied), and exports the
catalogue listing; a background job's progress page reloads by itself when the job ends."""

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reports.imports import HEADERS, SHEET
from reports.models import ImportJob, ImportKind, ImportStatus
from snippets.models import Intervention
from tests.browser.conftest import log_in
from tests.imports.helpers import xlsx

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SHOTS = Path("/tmp/imports")  # noqa: S108 - screenshots to look at, not test data
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
GOOD = [
    ["Browsertraject", "Een fictief traject", "Zorg", "RT", 8, "", "ja"],
    ["Browserhulp", "Nog een fictief traject", "Sociaal domein: onderwijs", "", None, "", "ja"],
]
BAD = [
    ["Browsertraject", "", "Zorg", "Onbekend", "acht", "", "ja"],
    ["=SOM(1;2)", "x", "Zorg", "", None, "", "ja"],
]


def _shot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _upload(page, content, name):
    page.goto(f"{page.base_url}/admin/importeren/interventies/")
    page.set_input_files(
        "input[name=file]", files=[{"name": name, "mimeType": XLSX, "buffer": content}]
    )
    page.click("button:has-text('Proefimport')")
    page.wait_for_url("**/admin/importeren/taak/*/")


def test_import_dry_run_apply_and_export(page, role_users):
    log_in(page, "programmateam")
    page.click("text=Importeren")
    page.wait_for_url("**/admin/importeren/")
    _shot(page, "01_import_index")
    with page.expect_download() as download:
        page.click("a[href='/admin/importeren/interventies/sjabloon/']")
    template = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    assert [c.value for c in template[SHEET][1]][: len(HEADERS)] == HEADERS

    _upload(page, xlsx(SHEET, HEADERS, BAD), "fout.xlsx")
    text = page.inner_text("main")
    assert "dit bestand kan niet worden ingelezen" in text
    assert "Verplicht veld is leeg." in text
    assert "Onbekende organisatie 'Onbekend'." in text
    assert "Geef een geheel aantal weken." in text
    assert "Formules zijn niet toegestaan." in text
    assert page.locator("[data-import-apply]").count() == 0
    _shot(page, "02_dry_run_errors")

    seeded = Intervention.objects.count()
    _upload(page, xlsx(SHEET, HEADERS, GOOD), "goed.xlsx")
    assert "Nieuw: 2" in page.inner_text("main")
    _shot(page, "03_dry_run_clean")
    assert Intervention.objects.count() == seeded
    page.click("[data-import-apply]")
    page.wait_for_selector("text=Ingelezen: 2 rijen geschreven.")
    _shot(page, "04_applied")
    assert Intervention.objects.filter(name__startswith="Browser").count() == 2

    page.goto(f"{page.base_url}/admin/catalogus/interventies/?q=Browser")
    _shot(page, "07_listing")
    with page.expect_download() as download:
        # the listing's own "Download XLSX" link, in the header's "more" dropdown
        page.locator("header .w-dropdown button").first.click()
        page.locator("a[href*='export=xlsx']").first.click()
    exported = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    names = [row[0] for row in exported.iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == ["Browserhulp", "Browsertraject"]


def test_background_job_progress_reloads_when_done(page, role_users):
    job = ImportJob.objects.create(
        kind=ImportKind.INTERVENTIONS,
        status=ImportStatus.PLANNING,
        file_name="groot.xlsx",
        total=1200,
        processed=300,
        background=True,
        created_by=role_users["programmateam"],
    )
    log_in(page, "programmateam")
    page.goto(f"{page.base_url}/admin/importeren/taak/{job.pk}/")
    assert page.locator("progress").get_attribute("value") == "300"
    _shot(page, "05_progress")
    ImportJob.objects.filter(pk=job.pk).update(processed=900)
    page.wait_for_selector("text=900 / 1200")
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportStatus.PLANNED, processed=1200, rows=[[2, "create", "Groot traject"]]
    )
    page.wait_for_selector("text=Nieuw: 1", timeout=10_000)
    assert page.locator("progress").count() == 0
    _shot(page, "06_progress_done")


def test_imported_list_shows_up_in_the_duplicate_check(page, role_users):
    from snippets.models import OtherApproach

    OtherApproach.objects.create(name="Browseraanpak", contact="020-2222222", live=True)
    log_in(page, "voorportaal")
    page.goto(f"{page.base_url}/admin/importeren/andere-aanpakken/")
    header = ["Andere aanpak", "Referentie", "Voornaam", "Achternaam", "Geboortedatum"]
    row = ["Browseraanpak", "BA-7", "Idris", "Bedachtman", "09-09-2006"]
    content = xlsx("Lijst", header, [row])
    page.set_input_files(
        "input[name=file]", files=[{"name": "lijst.xlsx", "mimeType": XLSX, "buffer": content}]
    )
    page.click("button:has-text('Proefimport')")
    page.wait_for_url("**/admin/importeren/taak/*/")
    page.click("[data-import-apply]")
    page.wait_for_selector("text=Ingelezen: 1 rijen geschreven.")
    page.goto(f"{page.base_url}/admin/lijsten-andere-aanpakken/")
    assert "Bedachtman" in page.inner_text("main")
    _shot(page, "08_list_entries")

    page.context.clear_cookies()
    log_in(page, "map")
    page.goto(f"{page.base_url}/admin/meldingen/new/")
    page.fill("input[name=received_on]", "2026-01-05")
    page.select_option("select[name=channel]", "phone")
    page.select_option("select[name=source_type]", "teacher")
    page.fill("input[name=reporter_name]", "Fictieve Docent")
    page.fill("input[name=person_first_name]", "Idris")
    page.fill("input[name=person_last_name]", "Bedachtmann")
    page.fill("input[name=person_birth_date]", "2006-09-09")
    page.fill("textarea[name=concern]", "Fictieve zorg.")
    page.click("button:has-text('Melding registreren')")
    page.wait_for_selector("text=Bekend bij een andere aanpak")
    assert "Browseraanpak: Idris Bedachtman (kenmerk BA-7)" in page.inner_text("main")
    _shot(page, "09_duplicate_check_list_match")

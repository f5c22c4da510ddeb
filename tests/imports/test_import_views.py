"""The import screens: per-role kinds, templates, dry run per row, apply only when clean,
idempotent re-import, bad files, other users' jobs, and background jobs with progress."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from reports import services
from reports.imports import HEADERS, SHEET
from reports.models import ImportJob, ImportStatus
from snippets.models import Intervention, OtherApproach
from tests.imports.helpers import xlsx

pytestmark = pytest.mark.django_db

GOOD = [
    ["Mentortraject", "Een vaste mentor", "Zorg", "RT", 12, "", "ja"],
    ["Schuldhulp", "Hulp bij schulden", "income", "", None, "", "nee"],
]
BAD = [
    ["Mentortraject", "", "Zorg", "", None, "", "ja"],  # missing required cell
    ["Schuldhulp", "x", "Zorg", "Onbekend", None, "", "ja"],  # unknown organisation
    ["=1+1", "x", "Zorg", "", None, "", "ja"],  # formula
    ["Dubbel", "x", "Zorg", "", None, "", "ja"],
    ["Dubbel", "x", "Zorg", "", None, "", "ja"],  # duplicate key
]


def _upload(client, content, name="catalogus.xlsx", kind="interventies"):
    return client.post(
        reverse("imports:upload", args=[kind]),
        {"file": SimpleUploadedFile(name, content)},
    )


@pytest.mark.parametrize(
    ("role", "kinds"),
    [
        ("programmateam", ["interventies"]),
        ("voorportaal", ["andere-aanpakken"]),
        ("map", ["meldingen"]),
    ],
)
def test_each_role_is_offered_only_its_kinds(client, users, role, kinds):
    client.force_login(users[role])
    content = client.get(reverse("imports:index")).content.decode()
    for kind in ("interventies", "andere-aanpakken", "meldingen"):
        assert (reverse("imports:upload", args=[kind]) in content) == (kind in kinds)
        status = client.get(reverse("imports:template", args=[kind])).status_code
        assert status == (200 if kind in kinds else 404)


@pytest.mark.parametrize("role", ["regisseur", "beheer", "itatr", "regieoverleg"])
def test_roles_without_import_rights_are_refused(client, users, role):
    client.force_login(users[role])
    refused = client.get(reverse("imports:index"))  # Wagtail turns PermissionDenied into this
    assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home"))
    assert "importeren" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_template_workbooks_have_headers_example_and_validation(client, users):
    OtherApproach.objects.create(name="AAA Testaanpak", live=True)
    approaches = list(OtherApproach.objects.live().values_list("name", flat=True))
    client.force_login(users["voorportaal"])
    response = client.get(reverse("imports:template", args=["andere-aanpakken"]))
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Lijst", "Toelichting", "Keuzelijsten"]
    sheet = workbook["Lijst"]
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.b
    assert sheet.column_dimensions["A"].width >= len("AAA Testaanpak")
    explained = [[c.value for c in row] for row in workbook["Toelichting"].iter_rows()]
    assert explained[0] == ["Kolom", "Verplicht", "Toelichting"]
    assert explained[5][:2] == ["Geboortedatum", "ja"]
    assert "3-4-2027 is 3 april 2027" in explained[5][2]
    assert [c.value for c in sheet[1]][:5] == [
        "Andere aanpak",
        "Referentie",
        "Voornaam",
        "Achternaam",
        "Geboortedatum",
    ]
    assert [c.value for c in sheet[2]][:2] == ["AAA Testaanpak", "VB-0001"]
    lists = workbook["Keuzelijsten"]
    assert [c.value for c in lists["A"]] == ["Andere aanpak", *approaches]
    last = len(approaches) + 1
    validations = sheet.data_validations.dataValidation
    assert [(str(v.sqref), v.formula1) for v in validations] == [
        ("A2:A5000", f"Keuzelijsten!$A$2:$A${last}")
    ]

    client.force_login(users["map"])
    workbook = load_workbook(
        io.BytesIO(client.get(reverse("imports:template", args=["meldingen"])).content)
    )
    lists = workbook["Keuzelijsten"]
    statuses = [c.value for c in lists[5] if c.value]  # 5th row holds the 4th choice of each list
    assert "Duiding in het Voorportaal" in statuses
    assert len(workbook["Meldingen"].data_validations.dataValidation) == 5


def test_bad_workbook_shows_every_error_and_cannot_be_applied(client, users, organisation):
    seeded = Intervention.objects.count()
    client.force_login(users["programmateam"])
    response = _upload(client, xlsx(SHEET, HEADERS, BAD))
    job = ImportJob.objects.get()
    assert response["Location"] == reverse("imports:job", args=[job.pk])
    page = client.get(response["Location"]).content.decode()
    assert "4 fouten: dit bestand kan niet worden ingelezen." in page
    for text in (
        "Verplicht veld is leeg.",
        "Onbekende organisatie &#x27;Onbekend&#x27;.",
        "Formules zijn niet toegestaan.",
        "Dubbele naam; ook in rij 5.",
    ):
        assert text in page
    assert "data-import-apply" not in page
    refused = client.post(reverse("imports:job", args=[job.pk]), follow=True)
    assert "Alleen een bestand zonder fouten kan worden ingelezen." in refused.content.decode()
    job.refresh_from_db()
    assert job.status == ImportStatus.PLANNED
    assert Intervention.objects.count() == seeded


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (xlsx(SHEET, HEADERS, GOOD, extra_sheet="Geheim"), "Onbekend werkblad"),
        (xlsx(SHEET, HEADERS, GOOD, merge="A1:B1"), "De kopregel klopt niet"),
        (b"PK\x03\x04 kapot", "Dit is geen Excel-bestand (.xlsx)."),
    ],
    ids=["extra-sheet", "merged-header", "corrupt"],  # bytes with a timestamp: xdist needs ids
)
def test_file_level_errors(client, users, organisation, content, message):
    client.force_login(users["programmateam"])
    page = client.get(_upload(client, content)["Location"]).content.decode()
    assert message in page
    assert "data-import-apply" not in page


def test_a_file_that_is_not_xlsx_is_refused_at_upload(client, users):
    client.force_login(users["programmateam"])
    response = _upload(client, b"%PDF-1.4", name="catalogus.pdf")
    assert response.status_code == 200
    assert "Dit is geen Excel-bestand (.xlsx)." in response.content.decode()
    assert not ImportJob.objects.exists()


def test_good_file_dry_run_apply_and_idempotent_reimport(client, users, organisation):
    seeded = Intervention.objects.count()
    client.force_login(users["programmateam"])
    content = xlsx(SHEET, HEADERS, GOOD)
    job_url = _upload(client, content)["Location"]
    page = client.get(job_url).content.decode()
    assert "Nieuw: 2" in page
    assert "2 wijzigingen inlezen" in page
    assert Intervention.objects.count() == seeded  # the dry run wrote nothing
    applied = client.post(job_url, follow=True).content.decode()
    assert "Ingelezen: 2 rijen geschreven." in applied
    job = ImportJob.objects.get()
    assert (job.status, job.written, bytes(job.content)) == (ImportStatus.APPLIED, 2, b"")
    assert Intervention.objects.get(name="Mentortraject").typical_duration_weeks == 12
    assert client.post(job_url).status_code == 302  # applying twice is refused
    assert ImportJob.objects.get().written == 2

    again = client.get(_upload(client, content)["Location"]).content.decode()
    assert "Ongewijzigd: 2" in again
    assert "Het bestand verandert niets" in again
    assert Intervention.objects.count() == seeded + 2


def test_a_job_is_only_visible_to_its_uploader(client, users, organisation, django_user_model):
    from tests.factories.dossiers import ROLE_KEYS, role_user

    client.force_login(users["programmateam"])
    job_url = _upload(client, xlsx(SHEET, HEADERS, GOOD))["Location"]
    colleague = role_user(ROLE_KEYS["programmateam"], username="collega", organisation=organisation)
    client.force_login(colleague)
    assert client.get(job_url).status_code == 404
    assert client.post(job_url).status_code == 404
    pk = ImportJob.objects.get().pk
    assert client.get(reverse("imports:job_status", args=[pk])).status_code == 404


def test_large_file_runs_in_the_background_with_progress(
    client, users, organisation, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(services, "BACKGROUND_THRESHOLD", 100)
    monkeypatch.setattr("reports.importers.base.PROGRESS_EVERY", 50)
    seen = []
    original = services._progress

    def spy(job):
        report = original(job)

        def record(processed, total):
            seen.append((processed, total))
            report(processed, total)

        return record

    monkeypatch.setattr(services, "_progress", spy)
    rows = [[f"Interventie {n:03}", "x", "Zorg", "", None, "", "ja"] for n in range(250)]
    client.force_login(users["programmateam"])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job_url = _upload(client, xlsx(SHEET, HEADERS, rows))["Location"]
    job = ImportJob.objects.get()
    assert (job.background, job.status, job.total) == (True, ImportStatus.PLANNING, 250)
    running = client.get(job_url).content.decode()
    assert "data-job-progress" in running
    assert "reports/job_progress.js" in running
    assert "<script>" not in running.split("reports/job_progress.js")[0].rsplit("<script", 1)[-1]
    status = client.get(reverse("imports:job_status", args=[job.pk])).json()
    assert status == {"status": "planning", "running": True, "processed": 0, "total": 250}
    for callback in callbacks:
        callback()  # django-q2 runs synchronously in the test settings
    assert seen[:4] == [(49, 250), (99, 250), (149, 250), (199, 250)]
    assert seen[-1] == (250, 250)
    status = client.get(reverse("imports:job_status", args=[job.pk])).json()
    assert status == {"status": "planned", "running": False, "processed": 250, "total": 250}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(job_url)
    job.refresh_from_db()
    assert (job.status, job.written) == (ImportStatus.APPLIED, 250)
    assert Intervention.objects.filter(name__startswith="Interventie ").count() == 250


def test_old_jobs_are_emptied_daily(users, organisation):
    import datetime

    from django.utils import timezone
    from django_q.models import Schedule

    old = ImportJob.objects.create(
        kind="interventies",
        status=ImportStatus.PLANNED,
        file_name="oud.xlsx",
        content=b"PK-oud",
        rows=[[2, "create", "Oud"]],
        created_by=users["programmateam"],
    )
    fresh = ImportJob.objects.create(
        kind="interventies",
        status=ImportStatus.PLANNED,
        file_name="nieuw.xlsx",
        content=b"PK-nieuw",
        created_by=users["programmateam"],
    )
    ImportJob.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )
    assert services.import_jobs_purge() == 1
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert (bytes(old.content), old.rows) == (b"", [])
    assert bytes(fresh.content) == b"PK-nieuw"
    assert Schedule.objects.filter(func="reports.services.import_jobs_purge").exists()


def test_a_background_apply_rechecks_the_uploader_s_rights(users, organisation):
    from django.contrib.auth.models import Group

    job = services.import_job_create(
        kind="interventies",
        upload=SimpleUploadedFile("c.xlsx", xlsx(SHEET, HEADERS, GOOD)),
        by=users["programmateam"],
    )
    assert job.can_apply
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.APPLYING)
    users["programmateam"].groups.set(Group.objects.none())
    seeded = Intervention.objects.count()
    services.import_job_apply(job.pk)
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert "niet (meer) inlezen" in job.message
    assert Intervention.objects.count() == seeded

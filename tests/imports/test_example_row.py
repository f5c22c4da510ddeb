"""The template's example row is never imported: skipped on dry run and apply, reported as
"Voorbeeldregel overgeslagen"; the template uploaded unchanged creates nothing (issue 16)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from dossiers.models import Signal
from reports import services
from reports.importers.kinds import kinds
from reports.models import ImportKind, ImportStatus
from snippets.models import Intervention, OtherApproach, OtherApproachListEntry

pytestmark = pytest.mark.django_db

KIND_USERS = {
    ImportKind.INTERVENTIONS: "programmateam",
    ImportKind.OTHER_APPROACH_LISTS: "voorportaal",
    ImportKind.SIGNALS: "map",
}


def _counts():
    return (
        Intervention.objects.count(),
        OtherApproachListEntry.objects.count(),
        Signal.objects.count(),
    )


def _job(kind, content, user):
    upload = SimpleUploadedFile("sjabloon.xlsx", content)
    return services.import_job_create(kind=kind, upload=upload, by=user)


@pytest.fixture
def approach(db):
    return OtherApproach.objects.create(name="Top600 Test", live=True)


@pytest.mark.parametrize("kind", list(KIND_USERS))
def test_the_unchanged_template_imports_nothing(users, approach, kind):
    before = _counts()
    content = kinds()[kind].template()
    plan = kinds()[kind].plan(content=content)
    assert plan.is_clean, plan.errors
    assert [(r.row, r.action, r.label) for r in plan.rows] == [
        (2, "skip", "Voorbeeldregel overgeslagen")
    ]
    assert plan.changes() == []
    job = _job(kind, content, users[KIND_USERS[kind]])
    services.import_job_apply_start(job=job, by=users[KIND_USERS[kind]])
    job.refresh_from_db()
    assert (job.status, job.written) == (ImportStatus.APPLIED, 0)
    assert _counts() == before


def _template_with(rows, *, drop_marker=False) -> bytes:
    """The interventions template with extra rows below its example row."""
    workbook = load_workbook(io.BytesIO(kinds()[ImportKind.INTERVENTIONS].template()))
    sheet = workbook["Interventies"]
    if drop_marker:
        sheet.cell(2, 8).value = None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_the_example_row_is_marked_in_the_template():
    sheet = load_workbook(io.BytesIO(kinds()[ImportKind.INTERVENTIONS].template()))["Interventies"]
    assert sheet.cell(2, 1).value == "Mentortraject (voorbeeld)"
    assert sheet.cell(2, 8).value.startswith("VOORBEELD:")
    assert sheet.cell(2, 1).font.italic


@pytest.mark.parametrize("drop_marker", [False, True], ids=["marker", "example-values"])
def test_real_rows_below_the_example_are_imported_the_example_never(client, users, drop_marker):
    seeded = Intervention.objects.count()
    content = _template_with(
        [["Schuldhulp", "Hulp bij schulden", "Zorg", "", None, "", "ja"]], drop_marker=drop_marker
    )
    client.force_login(users["programmateam"])
    response = client.post(
        reverse("imports:upload", args=["interventies"]),
        {"file": SimpleUploadedFile("catalogus.xlsx", content)},
    )
    page = client.get(response["Location"]).content.decode()
    assert "Voorbeeldregel overgeslagen" in page
    assert "Nieuw: 1; Overgeslagen: 1" in page
    assert "1 wijziging inlezen" in page
    client.post(response["Location"])
    assert Intervention.objects.count() == seeded + 1
    assert Intervention.objects.filter(name="Schuldhulp").exists()
    assert not Intervention.objects.filter(name="Mentortraject (voorbeeld)").exists()


def test_an_edited_example_row_without_marker_is_a_real_row(users):
    content = _template_with([], drop_marker=True)
    workbook = load_workbook(io.BytesIO(content))
    workbook["Interventies"].cell(2, 1).value = "Mentortraject"
    buffer = io.BytesIO()
    workbook.save(buffer)
    plan = kinds()[ImportKind.INTERVENTIONS].plan(content=buffer.getvalue())
    assert [(r.row, r.action, r.label) for r in plan.rows] == [(2, "create", "Mentortraject")]

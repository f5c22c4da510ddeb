"""The dry-run page: a summary over every row and error, one page of each shown (issue 16);
the job's row count is streamed, whatever the workbook's dimension element says."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from reports import services
from reports.importers.summary import PER_PAGE
from reports.imports import HEADERS, SHEET
from reports.models import ImportJob, ImportStatus
from tests.imports.helpers import xlsx
from tests.imports.test_row_count import _with_dimension

pytestmark = pytest.mark.django_db


def _rows(n, *, description="x"):
    return [[f"Interventie {i:04}", description, "Zorg", "", None, "", "ja"] for i in range(n)]


def _planned_job(user, content) -> ImportJob:
    """A job planned the way the background task plans it (no size threshold in the way)."""
    job = ImportJob.objects.create(
        kind="interventies", file_name="groot.xlsx", content=content, created_by=user
    )
    services.import_job_plan(job.pk)
    job.refresh_from_db()
    return job


def _table_rows(page: str, marker: str) -> int:
    table = re.search(rf"<table[^>]*{marker}.*?</table>", page, re.S).group(0)
    return table.count("<tr>") - 1  # minus the header row


def test_a_thousand_rows_show_one_page_and_the_summary_counts_all(client, users):
    job = _planned_job(users["programmateam"], xlsx(SHEET, HEADERS, _rows(1000)))
    assert (job.status, len(job.rows), job.total) == (ImportStatus.PLANNED, 1000, 1000)
    client.force_login(users["programmateam"])
    url = reverse("imports:job", args=[job.pk])
    page = client.get(url).content.decode()
    assert "Nieuw: 1000" in page
    assert "1000 wijzigingen inlezen" in page
    assert _table_rows(page, "data-import-rows") == PER_PAGE
    assert "Interventie 0000" in page and "Interventie 0100" not in page
    assert "Pagina 1 van 10" in page
    last = client.get(url, {"rijen": 10}).content.decode()
    assert _table_rows(last, "data-import-rows") == 1000 - 9 * PER_PAGE
    assert "Interventie 0999" in last and "Interventie 0000" not in last
    assert "Nieuw: 1000" in last


def test_errors_are_paged_and_counted_per_kind(client, users):
    rows = _rows(230, description="")  # every row misses its description
    rows += [["Sport", "x", "Voetbal", "", None, "", "ja"]]  # one unknown choice
    job = _planned_job(users["programmateam"], xlsx(SHEET, HEADERS, rows))
    client.force_login(users["programmateam"])
    url = reverse("imports:job", args=[job.pk])
    page = client.get(url).content.decode()
    assert "231 fouten: dit bestand kan niet worden ingelezen." in page
    assert "Verplicht veld leeg: 230; Onbekende waarde: 1" in page
    assert _table_rows(page, "data-import-errors") == PER_PAGE
    third = client.get(url, {"fouten": 3}).content.decode()
    assert _table_rows(third, "data-import-errors") == 231 - 2 * PER_PAGE
    assert "Onbekende waarde &#x27;Voetbal&#x27;." in third
    assert "Verplicht veld leeg: 230; Onbekende waarde: 1" in third


def test_jobs_stored_before_error_kinds_still_show(client, users):
    job = ImportJob.objects.create(
        kind="interventies",
        file_name="oud.xlsx",
        created_by=users["programmateam"],
        status=ImportStatus.PLANNED,
        errors=[[2, "Naam", "Verplicht veld is leeg."]],
    )
    client.force_login(users["programmateam"])
    page = client.get(reverse("imports:job", args=[job.pk])).content.decode()
    assert "Overige controles: 1" in page
    assert "Verplicht veld is leeg." in page


def _write_only(rows) -> bytes:
    workbook = Workbook(write_only=True)  # writes no <dimension> element
    sheet = workbook.create_sheet(SHEET)
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "dimension", [None, "A1:G1", "A1:G5000"], ids=["none", "too-small", "too-large"]
)
def test_the_job_counts_rows_by_streaming(users, dimension):
    content = _write_only(_rows(7))
    if dimension:
        content = _with_dimension(content, dimension)
    upload = SimpleUploadedFile("catalogus.xlsx", content)
    job = services.import_job_create(kind="interventies", upload=upload, by=users["programmateam"])
    assert (job.status, job.total, len(job.rows)) == (ImportStatus.PLANNED, 7, 7)

"""Issue 16: a listing export above ``LISTING_EXPORT_BACKGROUND_ROWS`` rows becomes a background
job with a progress page. Its file holds the same rows as the in-request export of the same
scoped, filtered and sorted listing (read back with python-calamine); only the user who started
it sees the job; the start and the download are in the access log; the file expires."""

import csv
import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from python_calamine import CalamineWorkbook

from dossiers.models import AccessAction, AccessLogEntry, PlanItemStatus
from dossiers.workflow.states import DossierState
from reports.export_lifetime import exports_expire
from reports.models import ListingExportJob
from tests.factories.plan import item_added

pytestmark = pytest.mark.django_db

QUERY = {"status": PlanItemStatus.PLANNED}


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def calamine_rows(content: bytes) -> list[list]:
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(content))
    return workbook.get_sheet_by_name(workbook.sheet_names[0]).to_python()


@pytest.fixture
def plan_items(walk, users, other_director):
    """Mine: three planned items (different starts) and one done; theirs: one planned item in
    a dossier of another case director, outside the regisseur's scope."""
    director = users["regisseur"]
    mine = walk(DossierState.IN_EXECUTION)
    mine.plan_items.update(status=PlanItemStatus.DONE)  # the walk's own item: filtered out
    for day in (3, 1, 2):
        item_added(mine, director, planned_start=datetime.date(2026, 5, day))
    done = item_added(mine, director, planned_start=datetime.date(2026, 5, 9))
    done.status = PlanItemStatus.DONE
    done.save()
    theirs = walk(DossierState.IN_EXECUTION, case_director=other_director)
    item_added(theirs, other_director, planned_start=datetime.date(2026, 5, 4))
    return {"mine": mine, "theirs": theirs}


def _exports(user) -> list[AccessLogEntry]:
    return list(
        AccessLogEntry.objects.filter(action=AccessAction.EXPORT, username=user.username).order_by(
            "pk"
        )
    )


def _start(client, django_capture_on_commit_callbacks, **extra):
    with django_capture_on_commit_callbacks(execute=True):
        return client.get(reverse("plan_items:index"), {**QUERY, **extra})


def test_below_the_threshold_the_export_streams_in_the_request(client, users, plan_items):
    client.force_login(users["regisseur"])
    response = client.get(reverse("plan_items:index"), {**QUERY, "export": "xlsx"})
    assert response.status_code == 200
    assert len(calamine_rows(body(response))) == 1 + 3
    assert not ListingExportJob.objects.exists()


def test_a_large_export_is_a_job_whose_file_equals_the_in_request_export(
    client, users, plan_items, settings, django_capture_on_commit_callbacks
):
    director = users["regisseur"]
    client.force_login(director)
    streamed = calamine_rows(
        body(client.get(reverse("plan_items:index"), {**QUERY, "export": "xlsx"}))
    )
    settings.LISTING_EXPORT_BACKGROUND_ROWS = 2

    response = _start(client, django_capture_on_commit_callbacks, export="xlsx")

    job = ListingExportJob.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("listing_exports:job", args=[job.pk])
    assert (job.status, job.requested_by, job.total, job.processed) == ("done", director, 3, 3)
    assert job.query == ""  # the filters (a search term, maybe) are not kept once written
    page = client.get(response.url)
    assert page.status_code == 200
    assert reverse("listing_exports:download", args=[job.pk]) in page.content.decode()
    assert "Download (Excel)" in page.content.decode()
    download = client.get(reverse("listing_exports:download", args=[job.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].endswith('.xlsx"')
    rows = calamine_rows(body(download))

    assert rows == streamed
    assert rows[0][:3] == ["Dossier", "Interventie", "Status"]
    assert sorted(row[3] for row in rows[1:]) == [
        datetime.date(2026, 5, 1),
        datetime.date(2026, 5, 2),
        datetime.date(2026, 5, 3),
    ]  # the filter of the query string: planned items only
    cells = {cell for row in rows for cell in row}
    assert plan_items["mine"].reference in cells
    assert plan_items["theirs"].reference not in cells


def test_start_and_download_are_in_the_access_log(
    client, users, plan_items, settings, django_capture_on_commit_callbacks
):
    director = users["regisseur"]
    settings.LISTING_EXPORT_BACKGROUND_ROWS = 2
    client.force_login(director)
    _start(client, django_capture_on_commit_callbacks, export="xlsx")
    job = ListingExportJob.objects.get()
    started = _exports(director)
    assert [(entry.row_count, "export=xlsx" in entry.path) for entry in started] == [(3, True)]

    client.get(reverse("listing_exports:download", args=[job.pk]))

    downloaded = _exports(director)[1:]
    assert len(downloaded) == 1
    assert downloaded[0].row_count == 3
    assert downloaded[0].path == reverse("listing_exports:download", args=[job.pk])


def test_only_the_user_who_started_it_sees_the_job(
    client, users, other_director, plan_items, settings, django_capture_on_commit_callbacks
):
    settings.LISTING_EXPORT_BACKGROUND_ROWS = 2
    client.force_login(users["regisseur"])
    _start(client, django_capture_on_commit_callbacks, export="xlsx")
    job = ListingExportJob.objects.get()
    names = ("listing_exports:job", "listing_exports:job_status", "listing_exports:download")
    urls = [reverse(name, args=[job.pk]) for name in names]
    for other in (other_director, users["secretaris"], users["beheer"]):
        before = AccessLogEntry.objects.filter(action=AccessAction.EXPORT).count()
        client.force_login(other)
        assert [client.get(url).status_code for url in urls] == [404, 404, 404], other
        assert AccessLogEntry.objects.filter(action=AccessAction.EXPORT).count() == before


@pytest.mark.parametrize("ordering", ["state_changed_at", "-state_changed_at"])
def test_the_job_keeps_the_sort_of_the_listing(
    client, users, walk, settings, django_capture_on_commit_callbacks, ordering
):
    references = [walk(DossierState.IN_EXECUTION).reference for _ in range(3)]
    client.force_login(users["regisseur"])
    query = {"ordering": ordering, "export": "xlsx"}
    streamed = calamine_rows(body(client.get(reverse("dossiers:index"), query)))
    assert len(streamed) == 1 + 3
    settings.LISTING_EXPORT_BACKGROUND_ROWS = 2
    with django_capture_on_commit_callbacks(execute=True):
        client.get(reverse("dossiers:index"), query)
    job = ListingExportJob.objects.get()
    rows = calamine_rows(body(client.get(reverse("listing_exports:download", args=[job.pk]))))
    assert rows == streamed
    shown = [row[0] for row in rows[1:]]
    assert shown == (references if ordering == "state_changed_at" else references[::-1])


def test_csv_in_the_background_is_the_same_file(
    client, users, plan_items, settings, django_capture_on_commit_callbacks
):
    client.force_login(users["regisseur"])
    streamed = body(client.get(reverse("plan_items:index"), {**QUERY, "export": "csv"}))
    settings.LISTING_EXPORT_BACKGROUND_ROWS = 2

    _start(client, django_capture_on_commit_callbacks, export="csv")

    job = ListingExportJob.objects.get()
    download = client.get(reverse("listing_exports:download", args=[job.pk]))
    assert download["Content-Type"].startswith("text/csv")
    assert download["Content-Disposition"].endswith('.csv"')
    content = body(download)
    assert content == streamed
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert sorted(row[3] for row in rows[1:]) == ["01-05-2026", "02-05-2026", "03-05-2026"]


def test_progress_page_while_running_and_status_for_polling(client, users):
    director = users["regisseur"]
    job = ListingExportJob.objects.create(
        requested_by=director,
        title="Ingezette interventies",
        path=reverse("plan_items:index"),
        query="export=xlsx",
        filename="interventies",
        total=12000,
        processed=4000,
    )
    client.force_login(director)
    page = client.get(reverse("listing_exports:job", args=[job.pk])).content.decode()
    assert "Voortgang" in page
    assert 'max="12000" value="4000"' in page
    assert reverse("listing_exports:job_status", args=[job.pk]) in page
    assert reverse("listing_exports:download", args=[job.pk]) not in page
    status = client.get(reverse("listing_exports:job_status", args=[job.pk])).json()
    assert status == {"status": "running", "running": True, "processed": 4000, "total": 12000}
    assert client.get(reverse("listing_exports:download", args=[job.pk])).status_code == 404


def test_listing_exports_expire_with_their_files(
    users, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    jobs = {}
    for days_old in (1, 30):
        job = ListingExportJob.objects.create(
            requested_by=users["regisseur"],
            title="Ingezette interventies",
            path="/admin/interventies-in-plan/",
            filename="interventies",
            status="done",
        )
        job.file.save(f"lijst-{job.pk}.xlsx", ContentFile(b"PK fictief"), save=True)
        ListingExportJob.objects.filter(pk=job.pk).update(
            requested_at=timezone.now() - datetime.timedelta(days=days_old)
        )
        jobs[days_old] = job

    with django_capture_on_commit_callbacks(execute=True):
        exports_expire()

    assert list(ListingExportJob.objects.all()) == [jobs[1]]
    assert (tmp_path / jobs[1].file.name).exists()
    assert not (tmp_path / jobs[30].file.name).exists()


# Listings of other shapes: Wagtail's user list (logged by LoggedExportMixin) and a snippet
# list without any log mixin, whose background start must be logged all the same.
OTHER_LISTINGS = [
    ("wagtailusers_users:index", "beheer"),
    ("wagtailsnippets_catalogue_organisation:list", "voorportaal"),
]


@pytest.mark.parametrize(("name", "role"), OTHER_LISTINGS)
def test_other_listings_run_in_the_background_with_the_same_rows(
    client, users, other_organisation, settings, django_capture_on_commit_callbacks, name, role
):
    user = users[role]
    client.force_login(user)
    streamed = calamine_rows(body(client.get(reverse(name), {"export": "xlsx"})))
    assert len(streamed) > 2
    settings.LISTING_EXPORT_BACKGROUND_ROWS = 1
    before = len(_exports(user))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(reverse(name), {"export": "xlsx"})

    job = ListingExportJob.objects.get()
    assert response.status_code == 302 and job.status == "done"
    started = _exports(user)[before:]
    assert [entry.row_count for entry in started] == [len(streamed) - 1]
    download = client.get(reverse("listing_exports:download", args=[job.pk]))
    assert calamine_rows(body(download)) == streamed

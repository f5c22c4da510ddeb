"""Large listing exports run as a django-q2 job, like the partner export.

Above ``settings.LISTING_EXPORT_BACKGROUND_ROWS`` rows (default 5,000) a listing's
``?export=`` does not stream inside the request: ``listing_export_start`` records the listing's
address and query string in a ``ListingExportJob`` and enqueues ``listing_export_run``. The
worker builds the same listing view again for the same user (``listing_view_for``): its own
``get_queryset()`` applies the scope of ``dossiers/access.py``, the filters, the search and the
sort of the query string, and its own columns and title; the file therefore holds exactly what
the listing shows that user at the moment it is written. The query string may hold a search
term, so it is emptied once the job has run.
"""

import tempfile
from urllib.parse import urlencode

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.http import HttpRequest, QueryDict
from django.urls import resolve

from reports.listing_export import CHUNK, export_rows, write_xlsx
from reports.models import ExportStatus, ListingExportFormat, ListingExportJob
from reports.spreadsheets import csv_lines


def background_rows() -> int:
    """Above how many rows a listing export goes to the background job."""
    return settings.LISTING_EXPORT_BACKGROUND_ROWS


def export_format(query) -> str:
    """The job's format from the listing's query string (``export``, ``dialect``)."""
    if query.get("export") != "csv":
        return ListingExportFormat.XLSX
    return ListingExportFormat.CSV_COMMA if query.get("dialect") == "comma" else "csv"


def listing_export_start(*, view, total: int) -> ListingExportJob:
    """Record and enqueue the export ``view`` (a listing view in export mode) was asked for."""
    from django_q.tasks import async_task

    request = view.request
    job = ListingExportJob.objects.create(
        requested_by=request.user,
        title=view.get_export_title()[:200],
        path=request.path[:500],
        query=urlencode(list(request.GET.lists()), doseq=True),
        format=export_format(request.GET),
        filename=view.get_filename()[:200],
        total=total,
    )
    transaction.on_commit(
        lambda: async_task("reports.listing_export_jobs.listing_export_run", job.pk)
    )
    return job


def listing_view_for(job: ListingExportJob):
    """The listing's view, set up for the job's user and query string as in the request."""
    match = resolve(job.path)
    request = HttpRequest()
    request.method = "GET"
    request.path = request.path_info = job.path
    request.GET = QueryDict(job.query)
    request.META = {"SERVER_NAME": "localhost", "SERVER_PORT": "80", "QUERY_STRING": job.query}
    request.user = job.requested_by
    view = match.func.view_class(**match.func.view_initkwargs)
    view.setup(request, *match.args, **match.kwargs)
    if not getattr(view, "is_export", False) or not hasattr(view, "get_export_columns"):
        raise ValueError(f"{job.path} is not a listing export")
    return view


def _write(job: ListingExportJob, view, output, progress) -> int:
    queryset, columns = view.get_queryset(), view.get_export_columns()
    if job.format == ListingExportFormat.XLSX:
        return write_xlsx(
            queryset, columns, title=view.get_export_title(), output=output, progress=progress
        )
    dialect = "comma" if job.format == ListingExportFormat.CSV_COMMA else "excel-nl"
    lines = csv_lines(
        headers=[str(col.label) for col in columns],
        rows=export_rows(queryset, columns),
        dialect=dialect,
    )
    output.write(next(lines).encode("utf-8"))  # the header
    count = 0
    for count, line in enumerate(lines, start=1):
        output.write(line.encode("utf-8"))
        if progress and count % CHUNK == 0:
            progress(count)
    return count


def listing_export_run(job_id: int) -> None:
    """Write one job's file; progress is saved every few thousand rows."""
    job = ListingExportJob.objects.select_related("requested_by").get(pk=job_id)
    if job.status != ExportStatus.RUNNING:
        return  # a replayed task: the job has already run

    def progress(count: int) -> None:
        ListingExportJob.objects.filter(pk=job.pk).update(processed=count)

    try:
        with tempfile.TemporaryFile() as output:
            count = _write(job, listing_view_for(job), output, progress)
            output.seek(0)
            job.file.save(f"lijst-{job.pk}.{job.extension}", File(output), save=False)
    except Exception as error:  # any failure is shown on the job page, then re-raised
        job.status, job.message, job.query = ExportStatus.FAILED, str(error)[:500], ""
        job.save(update_fields=["status", "message", "query"])
        raise
    job.status, job.processed, job.total, job.query = ExportStatus.DONE, count, count, ""
    job.save(update_fields=["status", "processed", "total", "file", "query"])

"""The pages of a large listing export (``reports.listing_export_jobs``): progress, download.

A job is seen only by the user who started it (others get 404, whatever their role). The
download writes one access-log row (export, with the number of rows), as the start did.
"""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from dossiers.models import AccessAction
from dossiers.services import access_log_record
from reports.export_job_views import job_status_response
from reports.listing_export import XLSX
from reports.models import ExportStatus, ListingExportFormat, ListingExportJob


def _job_or_404(request, pk) -> ListingExportJob:
    return get_object_or_404(ListingExportJob, pk=pk, requested_by=request.user)


class ListingExportJobView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "reports/listing_export_job.html"
    header_icon = "download"

    def dispatch(self, request, *args, **kwargs):
        self.job = _job_or_404(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return str(self.job)

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Start")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(job=self.job, **kwargs)


class ListingExportStatusView(View):
    def get(self, request, pk):
        return job_status_response(_job_or_404(request, pk))


class ListingExportDownloadView(View):
    def get(self, request, pk):
        job = _job_or_404(request, pk)
        if job.status != ExportStatus.DONE or not job.file:
            raise Http404
        access_log_record(
            request=request,
            action=AccessAction.EXPORT,
            description=_("Export %(list)s (download)") % {"list": job.title},
            row_count=job.total,
        )
        is_xlsx = job.format == ListingExportFormat.XLSX
        return FileResponse(
            job.file.open("rb"),
            as_attachment=True,
            filename=f"{job.filename}.{job.extension}",
            content_type=XLSX if is_xlsx else "text/csv; charset=utf-8",
        )


def listing_export_urls():
    patterns = [
        path("<int:pk>/", ListingExportJobView.as_view(), name="job"),
        path("<int:pk>/voortgang/", ListingExportStatusView.as_view(), name="job_status"),
        path("<int:pk>/download/", ListingExportDownloadView.as_view(), name="download"),
    ]
    return [path("export/", include((patterns, "listing_exports"), namespace="listing_exports"))]

"""The Excel import screens: choose a kind, download its template, upload, see the dry run
per row, apply a clean file. Large files run in the background with a progress bar.

Only the uploader sees a job (others get 404); only kinds the user's role may import are
offered (``reports.importers.kinds.kinds_for``).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from reports.importers import summary
from reports.importers.kinds import kinds_for
from reports.models import ImportJob
from reports.services import import_job_apply_start, import_job_create

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The query parameters of the dry run's two pages (also written in reports/import_job.html).
ROWS_PAGE, ERRORS_PAGE = "rijen", "fouten"


def _kind_or_404(request, key):
    for kind in kinds_for(request.user):
        if kind.key == key:
            return kind
    raise Http404


def _job_or_404(request, pk) -> ImportJob:
    job = get_object_or_404(ImportJob, pk=pk, created_by=request.user)
    _kind_or_404(request, job.kind)
    return job


def _refuse_non_importers(request) -> None:
    if not kinds_for(request.user):
        raise PermissionDenied


class ImportPermissionMixin:
    """Only roles that may import at least one kind reach the import screens."""

    def dispatch(self, request, *args, **kwargs):
        _refuse_non_importers(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        items = [
            {"url": reverse("wagtailadmin_home"), "label": _("Start")},
            {"url": reverse("imports:index"), "label": _("Importeren")},
        ]
        if not isinstance(self, ImportIndexView):
            items.append({"url": "", "label": self.get_page_title()})
        return items


class ImportIndexView(ImportPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "reports/import_index.html"
    page_title = gettext_lazy("Importeren uit Excel")
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        allowed = kinds_for(self.request.user)
        jobs = ImportJob.objects.filter(
            created_by=self.request.user, kind__in=[k.key for k in allowed]
        ).defer("content")[:20]
        return super().get_context_data(kinds=allowed, jobs=jobs, **kwargs)


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Excel-bestand (.xlsx)"),
        help_text=gettext_lazy(
            "Gebruik het sjabloon; maximaal 5 MB. Er wordt nog niets opgeslagen. De voorbeeldregel "
            "van het sjabloon wordt overgeslagen. Datums als datumcel of als tekst dd-mm-jjjj, "
            "met de dag eerst: 3-4-2027 is 3 april 2027."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise ValidationError(_("Dit is geen Excel-bestand (.xlsx)."))
        return upload


class ImportUploadView(ImportPermissionMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "reports/import_upload.html"
    form_class = UploadForm
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        _refuse_non_importers(request)
        self.kind = _kind_or_404(request, kwargs["import_kind"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Importeren: %(kind)s") % {"kind": self.kind.label}

    def get_context_data(self, **kwargs):
        return super().get_context_data(kind=self.kind, **kwargs)

    def form_valid(self, form):
        job = import_job_create(
            kind=self.kind.key, upload=form.cleaned_data["file"], by=self.request.user
        )
        return redirect("imports:job", job.pk)


class ImportTemplateView(ImportPermissionMixin, View):
    def get(self, request, import_kind):
        kind = _kind_or_404(request, import_kind)
        response = HttpResponse(kind.template(), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="sjabloon_{kind.key}.xlsx"'
        return response


class ImportJobView(ImportPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """The dry run: per row what will happen, every error; the apply button only when clean."""

    template_name = "reports/import_job.html"
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        _refuse_non_importers(request)
        self.job = _job_or_404(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return str(self.job)

    def get_context_data(self, **kwargs):
        """The summary counts every row and error; the tables show one page of each."""
        job, query = self.job, self.request.GET
        return super().get_context_data(
            job=job,
            counts=summary.action_counts(job.rows),
            error_counts=summary.error_kind_counts(job.errors),
            changes=summary.change_count(job.rows),
            rows_page=summary.rows_page(job.rows, query.get(ROWS_PAGE)),
            errors_page=summary.errors_page(job.errors, query.get(ERRORS_PAGE)),
            **kwargs,
        )

    def post(self, request, pk):
        try:
            import_job_apply_start(job=self.job, by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("imports:job", self.job.pk)
        self.job.refresh_from_db()
        if self.job.status == "applied":
            messages.success(
                request, _("Ingelezen: %(n)s rijen geschreven.") % {"n": self.job.written}
            )
        elif self.job.status == "failed":
            messages.error(request, _("Inlezen mislukt; er is niets geschreven."))
        return redirect("imports:job", self.job.pk)


class ImportJobStatusView(ImportPermissionMixin, View):
    """Progress for the polling script (static/reports/import_progress.js)."""

    def get(self, request, pk):
        job = _job_or_404(request, pk)
        return JsonResponse(
            {
                "status": job.status,
                "running": job.is_running,
                "processed": job.processed,
                "total": job.total,
            }
        )


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(kinds_for(request.user))


def import_urls():
    patterns = [
        path("", ImportIndexView.as_view(), name="index"),
        path("taak/<int:pk>/", ImportJobView.as_view(), name="job"),
        path("taak/<int:pk>/voortgang/", ImportJobStatusView.as_view(), name="job_status"),
        path("<slug:import_kind>/", ImportUploadView.as_view(), name="upload"),
        path("<slug:import_kind>/sjabloon/", ImportTemplateView.as_view(), name="template"),
    ]
    return [path("importeren/", include((patterns, "imports"), namespace="imports"))]


def import_menu_item():
    return ImportMenuItem(
        gettext_lazy("Importeren"), reverse("imports:index"), icon_name="upload", order=510
    )

"""The partner export screens: choose a partner and a filter, follow progress, download.

Only holders of ``monitor.export_partner`` reach them; a job is seen only by who asked for it
(others get 404). Downloading writes one access-log row: who, for which partner, which filter,
how many rows.
"""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from dossiers import access
from dossiers.models import AccessAction
from dossiers.services import access_log_record
from reports.export_job_views import job_status_response
from reports.models import PartnerExportJob, PartnerExportProfile, PartnerExportStatus
from reports.services import partner_export_start

PERMISSION = "monitor.export_partner"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class PartnerExportForm(forms.Form):
    profile = forms.ModelChoiceField(
        label=gettext_lazy("Partner"),
        queryset=PartnerExportProfile.objects.none(),
        empty_label=None,
    )
    only_open = forms.BooleanField(
        label=gettext_lazy("Alleen geplande en lopende interventies"), required=False, initial=True
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["profile"].queryset = PartnerExportProfile.objects.filter(
            active=True
        ).select_related("organisation")


class PartnerExportMixin:
    def dispatch(self, request, *args, **kwargs):
        if not access.has_permission(request.user, PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        items = [
            {"url": reverse("wagtailadmin_home"), "label": _("Start")},
            {"url": reverse("partner_exports:index"), "label": _("Partnerexport")},
        ]
        if self.get_page_title() != _("Partnerexport"):
            items.append({"url": "", "label": self.get_page_title()})
        return items


def _job_or_404(request, pk) -> PartnerExportJob:
    return get_object_or_404(
        PartnerExportJob.objects.select_related("profile__organisation"),
        pk=pk,
        requested_by=request.user,
    )


class PartnerExportIndexView(PartnerExportMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "reports/partner_export_index.html"
    form_class = PartnerExportForm
    page_title = gettext_lazy("Partnerexport")
    header_icon = "download"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            jobs=PartnerExportJob.objects.filter(requested_by=self.request.user).select_related(
                "profile__organisation"
            )[:10],
            **kwargs,
        )

    def form_valid(self, form):
        try:
            job = partner_export_start(
                profile=form.cleaned_data["profile"],
                by=self.request.user,
                only_open=form.cleaned_data["only_open"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        return redirect("partner_exports:job", job.pk)


class PartnerExportJobView(PartnerExportMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "reports/partner_export_job.html"
    header_icon = "download"

    def dispatch(self, request, *args, **kwargs):
        if not access.has_permission(request.user, PERMISSION):
            raise PermissionDenied
        self.job = _job_or_404(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return str(self.job)

    def get_context_data(self, **kwargs):
        return super().get_context_data(job=self.job, **kwargs)


class PartnerExportStatusView(PartnerExportMixin, View):
    """Progress for the polling script (static/reports/job_progress.js)."""

    def get(self, request, pk):
        return job_status_response(_job_or_404(request, pk))


class PartnerExportDownloadView(PartnerExportMixin, View):
    def get(self, request, pk):
        job = _job_or_404(request, pk)
        if job.status != PartnerExportStatus.DONE or not job.file:
            raise Http404
        access_log_record(
            request=request,
            action=AccessAction.EXPORT,
            description=_("Partnerexport %(partner)s: %(filter)s")
            % {
                "partner": job.profile,
                "filter": job.filter_description,
            },
            purpose=_("Export voor partner %(partner)s") % {"partner": job.profile},
            row_count=job.total,
        )
        name = f"partnerexport-{job.profile.organisation.pk}-{job.requested_at:%Y%m%d-%H%M}.xlsx"
        return FileResponse(
            job.file.open("rb"), as_attachment=True, filename=name, content_type=XLSX
        )


class PartnerExportMenuItem(MenuItem):
    def is_shown(self, request):
        return access.has_permission(request.user, PERMISSION)


def partner_export_urls():
    patterns = [
        path("", PartnerExportIndexView.as_view(), name="index"),
        path("<int:pk>/", PartnerExportJobView.as_view(), name="job"),
        path("<int:pk>/voortgang/", PartnerExportStatusView.as_view(), name="job_status"),
        path("<int:pk>/download/", PartnerExportDownloadView.as_view(), name="download"),
    ]
    return [
        path("partnerexport/", include((patterns, "partner_exports"), namespace="partner_exports"))
    ]


def partner_export_menu_item():
    return PartnerExportMenuItem(
        gettext_lazy("Partnerexport"),
        reverse("partner_exports:index"),
        icon_name="download",
        order=520,
    )

"""Admin viewsets of reports: the access log, read-only and searchable."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from dossiers.logged_views import LoggedExportMixin
from dossiers.models import AccessLogEntry
from reports.filters import AccessLogFilterSet
from reports.xlsx import SafeSpreadsheetExportMixin


class AccessLogIndexView(LoggedExportMixin, SafeSpreadsheetExportMixin, IndexView):
    """Exporting the access log is itself logged (it names people)."""

    log_description = _("Toegangslog")


class AccessLogViewSet(ModelViewSet):
    """Only listing and inspection: the log is append-only and edited by nobody."""

    model = AccessLogEntry
    icon = "history"
    menu_label = _("Toegangslog")
    add_to_settings_menu = True
    url_prefix = "toegangslog"
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = AccessLogFilterSet
    search_fields = ["username", "subject_name", "dossier_reference", "request_id"]
    search_backend_name = None
    list_display = [
        Column("at", label=_("Tijdstip")),
        "username",
        "organisation",
        Column("action", label=_("Handeling"), accessor="get_action_display"),
        "dossier_reference",
        "subject_name",
        "object_description",
        "row_count",
    ]
    list_per_page = 50
    index_view_class = AccessLogIndexView
    list_export = [
        "at",
        "username",
        "organisation",
        "action",
        "dossier_reference",
        "subject_name",
        "object_description",
        "row_count",
    ]
    export_filename = "toegangslog"
    form_fields = []

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<str:pk>/", self.inspect_view, name="inspect"),
        ]

    def get_common_view_kwargs(self, **kwargs):
        kwargs = super().get_common_view_kwargs(**kwargs)
        for name in (
            "add_url_name",
            "edit_url_name",
            "delete_url_name",
            "history_url_name",
            "usage_url_name",
        ):
            kwargs[name] = None
        return kwargs


access_log_viewset = AccessLogViewSet("access_log")

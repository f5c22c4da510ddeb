"""The monitor page and its xlsx download: aggregate figures only, for ``monitor.view_monitor``."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from dossiers import access
from dossiers.models import AccessAction
from dossiers.services.access_log import access_log_record
from reports.charts import bar_chart
from reports.exports import monitor_workbook
from reports.periods import PeriodForm
from reports.selectors import monitor_tables

PERMISSION = "monitor.view_monitor"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class MonitorPermissionMixin:
    """Only roles holding ``monitor.view_monitor`` reach the monitor."""

    def dispatch(self, request, *args, **kwargs):
        if not access.has_permission(request.user, PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class MonitorView(MonitorPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """Period form, tables and SVG bar charts."""

    template_name = "reports/monitor_index.html"
    page_title = gettext_lazy("Monitor")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        """Start > Monitor (without them the header reads "Home")."""
        return [
            {"url": reverse("wagtailadmin_home"), "label": gettext_lazy("Start")},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        form = PeriodForm.from_query(self.request.GET)
        context = super().get_context_data(form=form, **kwargs)
        if form.is_valid():
            tables = monitor_tables(period=form.period)
            context.update(
                period=form.period,
                sections=[(table, bar_chart(table=table)) for table in tables],
                download_query=self.request.GET.urlencode(),
            )
        return context


class MonitorDownloadView(MonitorPermissionMixin, View):
    """The same tables as xlsx; writes one access-log row (export)."""

    def get(self, request):
        form = PeriodForm.from_query(request.GET)
        if not form.is_valid():
            return HttpResponse(status=400)
        period = form.period
        tables = monitor_tables(period=period)
        content = monitor_workbook(period=period, tables=tables)
        access_log_record(
            request=request,
            action=AccessAction.EXPORT,
            row_count=sum(len(table.rows) for table in tables),
            description=f"Monitor {period.label}",
        )
        response = HttpResponse(content, content_type=XLSX)
        filename = f"monitor_{period.start:%Y%m%d}_{period.end:%Y%m%d}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class MonitorMenuItem(MenuItem):
    """Shown only to roles that may see the monitor."""

    def is_shown(self, request):
        return access.has_permission(request.user, PERMISSION)


def monitor_urls():
    """The monitor's admin URLs under the ``monitor`` namespace."""
    patterns = [
        path("", MonitorView.as_view(), name="index"),
        path("download/", MonitorDownloadView.as_view(), name="download"),
    ]
    return [path("monitor/", include((patterns, "monitor"), namespace="monitor"))]


def monitor_menu_item():
    """The "Monitor" menu item."""
    return MonitorMenuItem(
        gettext_lazy("Monitor"), reverse("monitor:index"), icon_name="table", order=500
    )

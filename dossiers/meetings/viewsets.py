"""Admin viewsets of meetings and reminders, configured by attributes.

Meetings and series carry no case data; the reminder listing shows dossier numbers and
addresses only, read-only, for administrators ("Functioneel beheer").
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from dossiers.logged_views import LoggedExportMixin
from dossiers.models import Meeting, MeetingSeries, Reminder
from reports.xlsx import SafeSpreadsheetExportMixin


class SafeExportIndexView(SafeSpreadsheetExportMixin, IndexView):
    """A listing whose xlsx/csv export is formula-safe."""


class ReminderIndexView(LoggedExportMixin, SafeExportIndexView):
    """Reminders name recipients and dossier numbers: every export is logged."""

    log_description = _("Herinneringen")


class MeetingViewSet(ModelViewSet):
    model = Meeting
    icon = "date"
    menu_label = _("Vergaderingen")
    url_prefix = "vergaderingen"
    copy_view_enabled = False
    add_to_admin_menu = False
    list_filter = ["series", "status"]
    list_display = [
        "date",
        Column("series", label=_("Reeks")),
        Column("start_time", label=_("Begintijd")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("agenda_published_at", label=_("Agenda verstuurd")),
    ]
    index_view_class = SafeExportIndexView
    list_export = ["date", "series", "start_time", "status", "agenda_published_at"]
    export_filename = "vergaderingen"
    form_fields = ["date", "start_time", "status", "note"]


class MeetingSeriesViewSet(ModelViewSet):
    model = MeetingSeries
    icon = "repeat"
    menu_label = _("Vergaderreeksen")
    url_prefix = "vergaderreeksen"
    copy_view_enabled = False
    list_display = ["name", "weekday", "interval_weeks", "start_time", "slot_minutes"]
    form_fields = [
        "name",
        "weekday",
        "interval_weeks",
        "first_date",
        "start_time",
        "slot_minutes",
        "agenda_lead_days",
        "cutoff_days",
        "location",
    ]


class ReminderViewSet(ModelViewSet):
    model = Reminder
    icon = "mail"
    menu_label = _("Herinneringen")
    url_prefix = "herinneringen"
    copy_view_enabled = False
    inspect_view_enabled = True
    list_filter = ["status", "kind", "obligation_kind"]
    search_fields = ["subject", "recipients", "obligation_key"]
    search_backend_name = None
    list_display = [
        "subject",
        Column("kind", label=_("Soort"), accessor="get_kind_display"),
        "due_on",
        Column("status", label=_("Status"), accessor="get_status_display"),
        "attempts",
        Column("last_error", label=_("Laatste fout")),
        DateColumn("sent_at", label=_("Verstuurd op")),
    ]
    index_view_class = ReminderIndexView
    list_export = ["subject", "kind", "obligation_kind", "due_on", "status", "attempts", "sent_at"]
    export_filename = "herinneringen"
    exclude_form_fields = []  # read-only in practice: no role holds add/change/delete


class MeetingsGroup(ModelViewSetGroup):
    menu_label = _("Vergaderingen")
    menu_icon = "date"
    menu_order = 110
    items = (MeetingViewSet("meetings"), MeetingSeriesViewSet("meeting_series"))


meetings_group = MeetingsGroup()
reminder_viewset = ReminderViewSet("reminders")

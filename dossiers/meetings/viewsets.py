"""Admin viewsets of meetings and reminders, configured by attributes.

Meetings and series carry no case data; the reminder listing shows dossier numbers and
addresses only, read-only, for administrators ("Functioneel beheer").
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from dossiers.models import Meeting, MeetingSeries, Reminder


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
    exclude_form_fields = []  # read-only in practice: no role holds add/change/delete


class MeetingsGroup(ModelViewSetGroup):
    menu_label = _("Vergaderingen")
    menu_icon = "date"
    menu_order = 110
    items = (MeetingViewSet("meetings"), MeetingSeriesViewSet("meeting_series"))


meetings_group = MeetingsGroup()
reminder_viewset = ReminderViewSet("reminders")

"""Admin viewsets of meetings and reminders, configured by attributes.

Meetings and series carry no case data; the reminder listing shows dossier numbers and
addresses only, read-only, for administrators ("Functioneel beheer").
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from adminkit.logged_views import LoggedExportMixin
from adminkit.scoping import ScopedViewSetMixin
from adminkit.viewsets import ReadOnlyModelViewSet, SafeExportIndexView
from dossiers import access
from dossiers.meetings import item_views, views
from dossiers.models import AgendaItem, Meeting, MeetingSeries, Reminder


class ReminderIndexView(LoggedExportMixin, SafeExportIndexView):
    """Reminders name recipients and dossier numbers: every export is logged."""

    log_description = _("Herinneringen")


class AgendaMenuItem(MenuItem):
    """Shown to the roles that take part in meetings (and so may read agendas)."""

    def is_shown(self, request):
        return access.has_permission(request.user, views.VIEW_PERMISSION)


class AgendaViewSet(ViewSet):
    """The agendas of meetings: overview, build, publish, PDF and .ics (meeting pk in URLs)."""

    model = Meeting  # the URL walkers read this to fill ``pk``
    icon = "date"
    menu_label = _("Agenda's")
    url_prefix = "agenda"
    menu_item_class = AgendaMenuItem

    def get_urlpatterns(self):
        return [
            path("", views.AgendaIndexView.as_view(), name="index"),
            path("<int:pk>/", views.AgendaDetailView.as_view(), name="detail"),
            path("<int:pk>/toevoegen/", views.AgendaAddView.as_view(), name="add"),
            path("<int:pk>/versturen/", views.AgendaPublishView.as_view(), name="publish"),
            path("<int:pk>/vervalt/", views.MeetingLapseView.as_view(), name="lapse"),
            path("<int:pk>/pdf/", views.AgendaPdfView.as_view(), name="pdf"),
            path("<int:pk>/ics/", views.AgendaIcsView.as_view(), name="ics"),
        ]


class AgendaItemViewSet(ScopedViewSetMixin, ViewSet):
    """One agenda item: reorder, remove, decide; scoped through the item's dossier."""

    model = AgendaItem
    url_prefix = "agendapunten"

    @staticmethod
    def scope_queryset(user, queryset):
        return access.children_for(user, queryset)

    def get_urlpatterns(self):
        return [
            path(
                "verplaatsen/<int:pk>/",
                self.construct_view(item_views.AgendaItemMoveView),
                name="move",
            ),
            path(
                "verwijderen/<int:pk>/",
                self.construct_view(item_views.AgendaItemRemoveView),
                name="remove",
            ),
            path(
                "besluit/<int:pk>/",
                self.construct_view(item_views.AgendaItemDecideView),
                name="decide",
            ),
        ]


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


class ReminderViewSet(ReadOnlyModelViewSet):
    """Reminders are the exactly-once markers of the reminder mails (ADR 0006): a system
    record, listed and inspected but never added, changed or deleted, by anyone."""

    model = Reminder
    icon = "mail"
    menu_label = _("Herinneringen")
    url_prefix = "herinneringen"
    inspect_view_enabled = True
    list_filter = ["status", "kind", "obligation_kind"]
    search_fields = ["subject", "recipients", "obligation_key"]
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


class MeetingsGroup(ModelViewSetGroup):
    menu_label = _("Vergaderingen")
    menu_icon = "date"
    menu_order = 110
    items = (
        AgendaViewSet("agendas"),
        MeetingViewSet("meetings"),
        MeetingSeriesViewSet("meeting_series"),
    )


meetings_group = MeetingsGroup()
reminder_viewset = ReminderViewSet("reminders")
agenda_item_viewset = AgendaItemViewSet("agenda_items")

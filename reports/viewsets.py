"""Admin viewsets of reports: the access log and the deletion log, read-only and searchable."""

from django import forms
from django.contrib import messages
from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic.models import DeleteView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from adminkit.logged_views import LoggedExportMixin
from adminkit.viewsets import ReadOnlyModelViewSet
from dossiers.models import AccessLogEntry, DeletionLogEntry
from dossiers.models.access_log import what_of
from reports.access_log_views import (
    PSEUDONYMOUS_FIELDS,
    AccessLogInspectView,
    ResolveNamesView,
)
from reports.filters import AccessLogFilterSet
from reports.listing_export import ExportColumn, ListingExportMixin
from reports.models import PartnerExportProfile
from reports.partner_exports import column_choices


class AccessLogIndexView(LoggedExportMixin, ListingExportMixin, IndexView):
    """Exporting the access log is itself logged (it names people)."""

    log_description = _("Toegangslog")


class ReadOnlyLogViewSet(ReadOnlyModelViewSet):
    """Only listing and inspection, in the settings menu: a log is append-only."""

    add_to_settings_menu = True
    inspect_view_enabled = True


class AccessLogViewSet(ReadOnlyLogViewSet):
    """Who read or exported what, pseudonymous: no subject names in the listing, the search,
    the filters, the inspect page or the export (docs/roles.md). Names are resolved per row
    by "Toezicht privacy" only (``reports.access_log_views``), and that lookup is logged."""

    model = AccessLogEntry
    icon = "history"
    menu_label = _("Toegangslog")
    url_prefix = "toegangslog"
    filterset_class = AccessLogFilterSet
    search_fields = ["username", "dossier_reference", "request_id"]
    list_display = [
        Column("at", label=_("Tijdstip")),
        "username",
        "organisation",
        Column("action", label=_("Handeling"), accessor="get_action_display"),
        "dossier_reference",
        Column("what", label=_("Wat")),
        Column("purpose", label=_("Doel")),
        "row_count",
    ]
    index_view_class = AccessLogIndexView
    inspect_view_class = AccessLogInspectView
    inspect_view_fields = PSEUDONYMOUS_FIELDS
    list_export = [
        "at",
        "username",
        "organisation",
        "action",
        "dossier_reference",
        ExportColumn(_("Wat"), ("object_description",), what_of, 30),
        "purpose",
        "row_count",
    ]
    export_headings = {"purpose": _("Doel")}
    export_filename = "toegangslog"

    @property
    def resolve_view(self):
        return ResolveNamesView.as_view()

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("namen/<int:pk>/", self.resolve_view, name="resolve"),
        ]


class DeletionLogViewSet(ReadOnlyLogViewSet):
    """What retention deleted: dossier number, dates and row counts; never content."""

    model = DeletionLogEntry
    icon = "bin"
    menu_label = _("Verwijderlog")
    url_prefix = "verwijderlog"
    search_fields = ["dossier_reference"]
    list_display = [
        Column("deleted_at", label=_("Verwijderd op")),
        "dossier_reference",
        Column("final_state", label=_("Laatste status"), accessor="get_final_state_display"),
        "ended_on",
        "retention_until",
        "files",
    ]


access_log_viewset = AccessLogViewSet("access_log")
deletion_log_viewset = DeletionLogViewSet("deletion_log")


class PartnerExportProfileForm(WagtailAdminModelForm):
    columns = forms.MultipleChoiceField(
        label=_("Kolommen"),
        choices=column_choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Alleen deze kolommen gaan naar de partner. Gegevens uit meldingen, het "
            "beoordelingskader, het logboek en UVO-verslagen zijn nooit te kiezen."
        ),
    )


class PartnerExportProfileDeleteView(DeleteView):
    """A profile that exports were made with stays (their jobs refer to it): say so."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                _(
                    "Met dit profiel zijn exports gemaakt; het kan niet worden verwijderd. "
                    "Zet het op inactief."
                ),
            )
            return redirect(self.index_url_name)


class PartnerExportProfileViewSet(ModelViewSet):
    """Administrators set per partner which columns it may receive (an allowlist)."""

    model = PartnerExportProfile
    delete_view_class = PartnerExportProfileDeleteView
    icon = "download"
    menu_label = _("Exportprofielen partners")
    add_to_settings_menu = True
    url_prefix = "exportprofielen"
    copy_view_enabled = False
    search_backend_name = None
    search_fields = ["organisation__name"]
    list_display = [
        "organisation",
        Column("columns", label=_("Kolommen"), accessor="column_labels"),
        BooleanColumn("active", label=_("Actief")),
    ]
    panels = [
        FieldPanel("organisation"),
        FieldPanel("columns"),
        FieldPanel("active"),
        FieldPanel("note"),
    ]


PartnerExportProfile.base_form_class = PartnerExportProfileForm
partner_export_profile_viewset = PartnerExportProfileViewSet("partner_export_profiles")

"""Admin viewsets of the catalogue, configured by attributes; registered in wagtail_hooks.

Listings search with the ORM (``search_backend_name = None``) so that rows seeded by data
migrations, which never reach a search index, are found too.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from adminkit.viewsets import LoggedIndexView, ReadOnlyModelViewSet
from reports.listing_export import ListingExportMixin
from snippets.filters import InterventionFilterSet, TrainingEventFilterSet
from snippets.models import (
    Institution,
    Intervention,
    LetterTemplate,
    Organisation,
    OtherApproach,
    OtherApproachListEntry,
    ProblemArea,
    RiskGroup,
    TrainingEvent,
)
from snippets.views.training import TrainingAttendanceView


class CatalogueIndexView(ListingExportMixin, IndexView):
    """Wagtail's snippet listing, with formula-safe exports (``SafeExportIndexView`` for
    snippets, whose listing is Wagtail's snippet ``IndexView``)."""


class CatalogueViewSet(SnippetViewSet):
    """Common settings: searchable by the ORM, inspectable by readers, no copying."""

    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False
    list_per_page = 50
    index_view_class = CatalogueIndexView  # ``?export=`` only where ``list_export`` is set
    # Wagtail's publishing and locking bookkeeping: the status tag and history say it in
    # words; as raw fields it read "Live versie None", "Vergrendeld False".
    inspect_view_fields_exclude = [
        "live",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "live_revision",
        "latest_revision",
        "go_live_at",
        "expire_at",
        "expired",
        "locked",
        "locked_at",
        "locked_by",
    ]


class InterventionViewSet(CatalogueViewSet):
    model = Intervention
    icon = "list-ul"
    menu_label = _("Interventies")
    url_prefix = "catalogus/interventies"
    filterset_class = InterventionFilterSet
    search_fields = ["name", "description"]
    list_display = [
        "name",
        Column("domain", label=_("Domein"), accessor="get_domain_display"),
        Column("special_kind", label=_("Bijzonder"), accessor="get_special_kind_display"),
        Column("typical_duration_weeks", label=_("Duur (weken)")),
        BooleanColumn("active", label=_("In gebruik")),
        Column("status_string", label=_("Status")),
    ]
    list_export = ["name", "domain", "special_kind", "typical_duration_weeks", "active"]
    export_filename = "interventies"
    ordering = ["name"]

    def get_queryset(self, request):
        return Intervention.objects.prefetch_related("organisations", "risk_groups")


class OrganisationViewSet(CatalogueViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisaties")
    url_prefix = "catalogus/organisaties"
    list_filter = ["kind", "supplies_case_directors", "active"]
    search_fields = ["name", "short_name"]
    list_display = [
        "name",
        "short_name",
        Column("kind", label=_("Soort"), accessor="get_kind_display"),
        BooleanColumn("supplies_case_directors", label=_("Levert regisseurs")),
        BooleanColumn("active", label=_("Actief")),
    ]
    list_export = ["name", "short_name", "kind", "supplies_case_directors", "active"]
    export_filename = "organisaties"


class RiskGroupViewSet(CatalogueViewSet):
    model = RiskGroup
    icon = "warning"
    menu_label = _("Risicogroepen")
    url_prefix = "catalogus/risicogroepen"
    search_fields = ["name", "description"]
    list_display = ["number", "name"]
    ordering = ["number"]


class ProblemAreaViewSet(CatalogueViewSet):
    model = ProblemArea
    icon = "tag"
    menu_label = _("Probleemgebieden")
    url_prefix = "catalogus/probleemgebieden"
    list_filter = ["active"]
    search_fields = ["name", "description"]
    list_display = ["name", "sort_order", BooleanColumn("active", label=_("Actief"))]
    list_export = ["name", "description", "sort_order", "active"]
    export_filename = "probleemgebieden"


class OtherApproachViewSet(CatalogueViewSet):
    model = OtherApproach
    icon = "link"
    menu_label = _("Andere aanpakken")
    url_prefix = "catalogus/andere-aanpakken"
    list_filter = ["active"]
    search_fields = ["name", "description"]
    list_display = ["name", "contact", BooleanColumn("active", label=_("Actief"))]
    list_export = ["name", "description", "contact", "active"]
    export_filename = "andere_aanpakken"


class TrainingEventViewSet(CatalogueViewSet):
    """Training events; the attendance view records who came (programme team only)."""

    model = TrainingEvent
    icon = "calendar"
    menu_label = _("Vakontwikkeling")
    url_prefix = "catalogus/vakontwikkeling"
    filterset_class = TrainingEventFilterSet
    search_fields = ["title", "location", "description"]
    list_display = [
        "title",
        Column("kind", label=_("Soort"), accessor="get_kind_display"),
        DateColumn("starts_at", label=_("Datum")),
        "location",
        Column("registration_count", label=_("Aanmeldingen"), accessor="registration_count"),
    ]
    list_export = ["title", "kind", "starts_at", "location", "registration_count"]
    export_headings = {"registration_count": _("Aanmeldingen")}
    export_filename = "vakontwikkeling"
    ordering = ["-starts_at"]

    def get_queryset(self, request):
        from snippets.selectors import training_event_list

        return training_event_list()

    @property
    def attendance_view(self):
        return self.construct_view(TrainingAttendanceView)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("aanwezigheid/<str:pk>/", self.attendance_view, name="attendance"),
        ]


class LetterTemplateViewSet(CatalogueViewSet):
    """Notification letter wording per kind of recipient; preview with demo data."""

    model = LetterTemplate
    icon = "mail"
    menu_label = _("Briefsjablonen")
    url_prefix = "catalogus/briefsjablonen"
    search_fields = ["title", "subject_line"]
    list_display = [
        "title",
        Column("recipient_kind", label=_("Ontvanger"), accessor="get_recipient_kind_display"),
        Column("status_string", label=_("Status")),
    ]
    ordering = ["recipient_kind"]


class InstitutionViewSet(CatalogueViewSet):
    """PIs and JJIs: the address a detained person's letter goes to (handbook ch. 2)."""

    model = Institution
    icon = "home"
    menu_label = _("Inrichtingen (PI/JJI)")
    url_prefix = "catalogus/inrichtingen"
    list_filter = ["kind", "active"]
    search_fields = ["name", "city"]
    list_display = [
        "name",
        Column("kind", label=_("Soort"), accessor="get_kind_display"),
        Column("city", label=_("Plaats")),
        Column("case_manager_function", label=_("Functie casemanager")),
        BooleanColumn("active", label=_("Actief")),
    ]
    ordering = ["name"]


class CatalogueViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Catalogus")
    menu_icon = "folder-open-1"
    menu_order = 300
    items = (
        InterventionViewSet,
        OrganisationViewSet,
        RiskGroupViewSet,
        ProblemAreaViewSet,
        OtherApproachViewSet,
        TrainingEventViewSet,
        LetterTemplateViewSet,
        InstitutionViewSet,
    )


class OtherApproachListIndexView(LoggedIndexView):
    log_description = _("Lijsten andere aanpakken")


class OtherApproachListViewSet(ReadOnlyModelViewSet):
    """The people on other approaches' lists (personal data): read-only, logged, exportable;
    only for the roles that run the duplicate check and administrators (view permission)."""

    model = OtherApproachListEntry
    icon = "link"
    menu_label = _("Aanpaklijsten")
    menu_order = 520
    add_to_admin_menu = True
    url_prefix = "lijsten-andere-aanpakken"
    index_view_class = OtherApproachListIndexView
    list_filter = ["other_approach"]
    search_fields = ["first_name", "last_name", "reference"]
    search_backend_name = None
    list_display = [
        "last_name",
        "first_name",
        Column("birth_date", label=_("Geboortedatum")),
        Column("other_approach", label=_("Andere aanpak")),
        "reference",
        DateColumn("imported_at", label=_("Geïmporteerd op")),
    ]
    list_export = [
        "other_approach",
        "reference",
        "first_name",
        "last_name",
        "birth_date",
        "imported_at",
    ]
    export_filename = "lijsten_andere_aanpakken"
    inspect_view_enabled = False

    def get_queryset(self, request):
        return OtherApproachListEntry.objects.select_related("other_approach")


other_approach_list_viewset = OtherApproachListViewSet("other_approach_list")

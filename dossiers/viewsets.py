"""Admin viewsets of the case domain, configured by attributes; every one is access-scoped."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from adminkit.scoping import ScopedModelViewSet
from dossiers import access
from dossiers.execution.plan_views import InterventionChooseView, PlanItemAddView, PlanVersionsView
from dossiers.execution.views import ContactAddView, JournalView
from dossiers.filters import DossierFilterSet, SignalFilterSet
from dossiers.models import Dossier, Signal
from dossiers.views.assessment import AssessmentEditView
from dossiers.views.dossier import (
    DossierIndexView,
    DossierInspectView,
    dossier_next_step,
)
from dossiers.views.listing_cells import (
    ChoiceColumn,
    NextDeadlineColumn,
    PlainColumn,
    PlainDateColumn,
)
from dossiers.views.relations import (
    FamilyApproachView,
    RelationAddView,
    RelativeEditView,
    RelativeRemoveView,
    UvoIntervalView,
)
from dossiers.views.signals import (
    SignalForm,
    SignalIndexView,
    SignalInspectView,
    SignalRegisterView,
    attachment_download,
)
from dossiers.views.step import DossierStepView
from dossiers.views.step_form import (
    CaseMeetingAddView,
    ClosureProposalAddView,
    EvaluationAddView,
)
from dossiers.views.subjects import SubjectEditView
from reports.listing_export import ExportColumn, full_name

#: the dossier's own pages (a step, the assessment, the person, the family, the plan and its
#: execution): (URL name, route, view); each view gets the dossier page's URL name
DOSSIER_PAGES = (
    ("step", "step/<str:pk>/", DossierStepView),
    ("assessment", "beoordeling/<str:pk>/", AssessmentEditView),
    ("relation", "familie/<str:pk>/", RelationAddView),
    ("subject", "persoon/<str:pk>/", SubjectEditView),
    ("choose", "plan/kiezen/<str:pk>/", InterventionChooseView),
    ("item_add", "plan/toevoegen/<str:pk>/", PlanItemAddView),
    ("versions", "plan/versies/<str:pk>/", PlanVersionsView),
    ("journal", "logboek/<str:pk>/", JournalView),
    ("contact_add", "contactpersoon/<str:pk>/", ContactAddView),
    ("uvo_add", "uvo/<str:pk>/", CaseMeetingAddView),
    ("evaluation_add", "evaluatie/<str:pk>/", EvaluationAddView),
    ("closure_add", "voorstel/<str:pk>/", ClosureProposalAddView),
    ("relative_edit", "familie/wijzigen/<str:pk>/", RelativeEditView),
    ("relative_remove", "familie/verwijderen/<str:pk>/", RelativeRemoveView),
    ("family_approach", "gezinsaanpak/<str:pk>/", FamilyApproachView),
    ("uvo_interval", "uvo-interval/<str:pk>/", UvoIntervalView),
)
#: URL names of the objects themselves (``dossiers.execution.viewsets``)
CHILD_URL_NAMES = {
    "item_edit": "plan_items:edit",
    "contact_edit": "contacts:edit",
    "journal_entry": "journal_entries:inspect",
    "uvo": "case_meetings:inspect",
    "agreement_done": "case_meetings:agreement_done",
    "evaluation": "evaluations:inspect",
    "proposal": "closure_proposals:inspect",
}


class DossierViewSet(ScopedModelViewSet):
    model = Dossier
    icon = "folder-open-inverse"
    menu_label = _("Dossiers")
    menu_order = 100
    add_to_admin_menu = True
    url_prefix = "dossiers"
    index_view_class = DossierIndexView
    inspect_view_class = DossierInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = DossierFilterSet
    search_fields = ["reference", "subject__first_name", "subject__last_name"]
    search_backend_name = None
    list_display = [
        "reference",
        PlainColumn("subject", label=_("Persoon")),
        ChoiceColumn("state", label=_("Status")),
        PlainColumn("case_director", label=_("Regisseur")),
        PlainColumn("case_director_organisation", label=_("Organisatie")),
        NextDeadlineColumn("next_due_on", label=_("Volgende termijn"), sort_key="next_due_on"),
        PlainColumn("next_step", label=_("Volgende stap"), accessor=dossier_next_step),
        PlainDateColumn("state_changed_at", label=_("Status sinds"), sort_key="state_changed_at"),
    ]
    list_export = ["reference", "subject", "state", "case_director", "next_due_on", "created_at"]
    export_headings = {
        "reference": _("Dossiernummer"),
        "subject": _("Persoon"),
        "state": _("Status"),
        "case_director": _("Regisseur"),
        "next_due_on": _("Volgende termijn"),
        "created_at": _("Aangemaakt"),
    }
    export_filename = "dossiers"
    form_fields = ["urgent"]

    @staticmethod
    def scope_queryset(user, queryset):
        return access.dossiers_within(user, queryset).select_related(
            "subject", "case_director", "case_director_organisation"
        )

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            step_url_name=self.get_url_name("step"),
            assessment_url_name=self.get_url_name("assessment"),
            relation_url_name=self.get_url_name("relation"),
            subject_url_name=self.get_url_name("subject"),
            plan_url_names=self.plan_url_names,
            **kwargs,
        )

    @property
    def plan_url_names(self) -> dict:
        own = {name: self.get_url_name(name) for name, _route, _view in DOSSIER_PAGES}
        return {**own, **CHILD_URL_NAMES}

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            *[
                path(
                    route,
                    self.construct_view(view, inspect_url_name=self.get_url_name("inspect")),
                    name=name,
                )
                for name, route, view in DOSSIER_PAGES
            ],
        ]


dossier_viewset = DossierViewSet("dossiers")


class SignalViewSet(ScopedModelViewSet):
    model = Signal
    icon = "warning"
    menu_label = _("Meldingen")
    menu_order = 90
    add_to_admin_menu = True
    url_prefix = "meldingen"
    index_view_class = SignalIndexView
    add_view_class = SignalRegisterView
    inspect_view_class = SignalInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = SignalFilterSet
    search_fields = ["dossier__reference", "person_first_name", "person_last_name", "concern"]
    search_backend_name = None
    add_item_label = _("Nieuwe melding")
    list_display = [
        "received_on",
        Column("dossier", label=_("Dossier")),
        Column("person_name", label=_("Betrokkene")),
        Column("source_type", label=_("Melder"), accessor="get_source_type_display"),
        Column("urgency", label=_("Urgentie"), accessor="get_urgency_display"),
        Column("state", label=_("Status"), accessor="dossier.get_state_display"),
    ]
    list_export = [
        "received_on",
        "dossier",
        ExportColumn(_("Naam persoon"), ("person_first_name", "person_last_name"), full_name, 28),
        "source_type",
        "urgency",
    ]
    export_filename = "meldingen"
    form_fields = ["concern"]

    @staticmethod
    def scope_queryset(user, queryset):
        return access.children_for(user, queryset).select_related("dossier")

    def get_urlpatterns(self):
        download = path("bijlage/<int:pk>/", attachment_download, name="attachment")
        return [*super().get_urlpatterns(), download]

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(
            dossier_url_name=dossier_viewset.get_url_name("inspect"),
            form_class=SignalForm,
            **kwargs,
        )


signal_viewset = SignalViewSet("signals")

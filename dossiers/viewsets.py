"""Admin viewsets of the case domain, configured by attributes; every one is access-scoped."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn

from dossiers import access
from dossiers.filters import DossierFilterSet, LetterFilterSet, SignalFilterSet
from dossiers.models import Dossier, NotificationLetter, Signal
from dossiers.scoping import ScopedModelViewSet
from dossiers.views.assessment import AssessmentEditView
from dossiers.views.dossier import (
    DossierIndexView,
    DossierInspectView,
    dossier_next_step,
)
from dossiers.views.execution import ContactAddView, JournalView
from dossiers.views.letters import (
    LetterAddView,
    LetterChangeView,
    LetterDownloadView,
    LetterGenerateView,
    LetterIndexView,
    LetterProposeView,
    LetterRegisterView,
    LetterRelativeAddView,
    LetterSendView,
)
from dossiers.views.listing_cells import NextDeadlineColumn, PlainColumn, PlainDateColumn
from dossiers.views.plan import InterventionChooseView, PlanItemAddView, PlanVersionsView
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

#: the dossier's own pages for the plan and its execution: (URL name, route, view)
DOSSIER_PAGES = (
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
        PlainColumn("state", label=_("Status"), accessor="get_state_display"),
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

    @property
    def step_view(self):
        return self.construct_view(DossierStepView, inspect_url_name=self.get_url_name("inspect"))

    @property
    def assessment_view(self):
        return self.construct_view(
            AssessmentEditView, inspect_url_name=self.get_url_name("inspect")
        )

    @property
    def relation_view(self):
        return self.construct_view(RelationAddView, inspect_url_name=self.get_url_name("inspect"))

    @property
    def subject_view(self):
        return self.construct_view(SubjectEditView, inspect_url_name=self.get_url_name("inspect"))

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("step/<str:pk>/", self.step_view, name="step"),
            path("beoordeling/<str:pk>/", self.assessment_view, name="assessment"),
            path("familie/<str:pk>/", self.relation_view, name="relation"),
            path("persoon/<str:pk>/", self.subject_view, name="subject"),
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


class NotificationLetterViewSet(ScopedModelViewSet):
    """The MAP's letters: open list, register per dossier, make, download, register sending.

    Scoped by ``access.letters_for``: the MAP reaches the letters of every active dossier,
    never the dossier itself; others see the letters of the dossiers they may see.
    """

    model = NotificationLetter
    icon = "mail"
    menu_label = _("Notificatiebrieven")
    menu_order = 97
    add_to_admin_menu = True
    url_prefix = "notificatiebrieven"
    index_view_class = LetterIndexView
    copy_view_enabled = False
    inspect_view_enabled = False
    filterset_class = LetterFilterSet
    search_fields = ["recipient_name", "dossier__reference"]
    search_backend_name = None
    list_display = [
        TitleColumn(
            "dossier",
            label=_("Dossier"),
            get_url=lambda letter: reverse("letters:register", args=[letter.dossier_id]),
        ),
        Column("recipient_name", label=_("Ontvanger")),
        Column("recipient_kind", label=_("Soort"), accessor="get_recipient_kind_display"),
        Column("due_on", label=_("Uiterste datum")),
        Column("sent_on", label=_("Verzonden op")),
        Column("register_status", label=_("Status")),
    ]
    list_export = ["dossier", "recipient_kind", "due_on", "sent_on", "route"]
    export_headings = {"dossier": _("Dossier"), "due_on": _("Uiterste datum")}
    export_filename = "notificatiebrieven"
    form_fields = ["recipient_name"]

    @staticmethod
    def scope_queryset(user, queryset):
        return access.letters_for(user, queryset).select_related("dossier")

    def _letter_view(self, view_class):
        return self.construct_view(view_class, register_url_name=self.get_url_name("register"))

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            generate_url_name=self.get_url_name("generate"),
            download_url_name=self.get_url_name("download"),
            send_url_name=self.get_url_name("send"),
            change_url_name=self.get_url_name("change"),
            add_letter_url_name=self.get_url_name("add_letter"),
            propose_url_name=self.get_url_name("propose"),
            relative_add_url_name=self.get_url_name("relative_add"),
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "dossier/<int:dossier_pk>/",
                self._letter_view(LetterRegisterView),
                name="register",
            ),
            path(
                "dossier/<int:dossier_pk>/toevoegen/",
                self._letter_view(LetterAddView),
                name="add_letter",
            ),
            path(
                "dossier/<int:dossier_pk>/familielid/",
                self._letter_view(LetterRelativeAddView),
                name="relative_add",
            ),
            path(
                "dossier/<int:dossier_pk>/voorstellen/",
                self._letter_view(LetterProposeView),
                name="propose",
            ),
            path("maken/<str:pk>/", self._letter_view(LetterGenerateView), name="generate"),
            path("download/<str:pk>/", self._letter_view(LetterDownloadView), name="download"),
            path("verzending/<str:pk>/", self._letter_view(LetterSendView), name="send"),
            path("ontvanger/<str:pk>/", self._letter_view(LetterChangeView), name="change"),
        ]


letter_viewset = NotificationLetterViewSet("letters")

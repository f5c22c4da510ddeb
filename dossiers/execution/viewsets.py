"""Access-scoped admin viewsets of what belongs to a dossier's plan and its execution.

Each object has its own URL (listing, inspect, and for items and contacts an edit view that
writes through the services); adding happens from the dossier page (``dossiers.viewsets``).
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSetGroup

from adminkit.scoping import ScopedModelViewSet
from adminkit.viewsets import LoggedIndexView, LoggedInspectView
from dossiers import access
from dossiers.execution.plan_services import ITEM_FIELDS
from dossiers.execution.plan_views import PlanItemEditView, PlanItemIndexView, PlanItemInspectView
from dossiers.execution.views import (
    AgreementDoneView,
    CaseMeetingInspectView,
    ContactEditView,
    EvaluationInspectView,
    JournalEntryIndexView,
)
from dossiers.models import (
    CaseMeeting,
    ClosureProposal,
    Contact,
    Evaluation,
    JournalEntry,
    PlanItem,
)


class DossierChildViewSet(ScopedModelViewSet):
    """Shared settings: scoped through the dossier, read views logged, no copying."""

    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = LoggedIndexView
    inspect_view_class = LoggedInspectView

    @staticmethod
    def scope_queryset(user, queryset):
        return access.children_for(user, queryset).select_related("dossier")


class PlanItemViewSet(DossierChildViewSet):
    model = PlanItem
    icon = "list-ul"
    menu_label = _("Ingezette interventies")
    url_prefix = "interventies-in-plan"
    index_view_class = PlanItemIndexView
    inspect_view_class = PlanItemInspectView
    edit_view_class = PlanItemEditView
    list_filter = ["status"]
    list_display = [
        Column("intervention", label=_("Interventie")),
        Column("dossier", label=_("Dossier")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("planned_start", label=_("Start")),
        DateColumn("planned_end", label=_("Einde")),
        Column("implementer_organisation", label=_("Uitvoerder")),
    ]
    list_export = [
        "dossier",
        "intervention",
        "status",
        "planned_start",
        "planned_end",
        "implementer_organisation",
    ]
    export_headings = {
        "dossier": _("Dossier"),
        "intervention": _("Interventie"),
        "planned_start": _("Start"),
        "planned_end": _("Einde"),
        "implementer_organisation": _("Uitvoerder"),
    }
    export_filename = "interventies_in_plan"
    form_fields = list(ITEM_FIELDS)
    inspect_view_fields = [
        "dossier",
        "intervention",
        "intervention_revision",
        *form_fields,
        "added_by",
        "added_at",
        "closed_on",
    ]

    @staticmethod
    def scope_queryset(user, queryset):
        return access.children_for(user, queryset).select_related(
            "dossier", "intervention", "implementer_organisation"
        )


class JournalEntryViewSet(DossierChildViewSet):
    model = JournalEntry
    icon = "doc-full"
    menu_label = _("Logboek")
    url_prefix = "logboekregels"
    index_view_class = JournalEntryIndexView
    list_filter = ["kind"]
    list_display = [
        DateColumn("occurred_on", label=_("Datum")),
        Column("dossier", label=_("Dossier")),
        Column("kind", label=_("Soort"), accessor="get_kind_display"),
        Column("author", label=_("Auteur")),
    ]
    list_export = ["occurred_on", "dossier", "kind", "author"]
    export_headings = {"occurred_on": _("Datum"), "dossier": _("Dossier"), "author": _("Auteur")}
    export_filename = "logboekregels"
    form_fields = ["kind", "occurred_on", "text"]
    inspect_view_fields = [
        "dossier",
        "kind",
        "occurred_on",
        "text",
        "author",
        "created_at",
        "corrects",
    ]

    @staticmethod
    def scope_queryset(user, queryset):
        return access.children_for(user, queryset).select_related("dossier", "author")


class ContactViewSet(DossierChildViewSet):
    model = Contact
    icon = "user"
    menu_label = _("Contactpersonen")
    url_prefix = "contactpersonen"
    edit_view_class = ContactEditView
    list_filter = ["kind", "active"]
    list_display = [
        "name",
        Column("dossier", label=_("Dossier")),
        Column("kind", label=_("Soort"), accessor="get_kind_display"),
        Column("role", label=_("Rol")),
        Column("organisation", label=_("Organisatie")),
    ]
    list_export = ["name", "dossier", "kind", "role", "organisation", "active"]
    export_headings = {"dossier": _("Dossier")}
    export_filename = "contactpersonen"
    form_fields = ["name", "kind", "role", "organisation", "details", "sharing_note", "active"]


class CaseMeetingViewSet(DossierChildViewSet):
    model = CaseMeeting
    icon = "group"
    menu_label = _("UVO's")
    url_prefix = "uvos"
    inspect_view_class = CaseMeetingInspectView
    list_display = [
        DateColumn("held_on", label=_("Datum")),
        Column("dossier", label=_("Dossier")),
        BooleanColumn("escalation", label=_("Escalatie")),
    ]
    list_export = ["held_on", "dossier", "escalation"]
    export_headings = {"held_on": _("Datum"), "dossier": _("Dossier"), "escalation": _("Escalatie")}
    export_title = _("UVO's")
    export_filename = "uvos"
    form_fields = ["held_on", "escalation", "escalation_note"]

    @property
    def agreement_done_view(self):
        return self.construct_view(AgreementDoneView)

    def get_urlpatterns(self):
        done = path("afspraken/<str:pk>/", self.agreement_done_view, name="agreement_done")
        return [*super().get_urlpatterns(), done]


class EvaluationViewSet(DossierChildViewSet):
    model = Evaluation
    icon = "tasks"
    menu_label = _("Evaluaties")
    url_prefix = "evaluaties"
    inspect_view_class = EvaluationInspectView
    list_display = [
        DateColumn("evaluated_on", label=_("Datum")),
        Column("dossier", label=_("Dossier")),
        Column("judgement", label=_("Oordeel"), accessor="get_judgement_display"),
    ]
    list_export = ["evaluated_on", "dossier", "judgement"]
    export_headings = {"evaluated_on": _("Datum"), "dossier": _("Dossier")}
    export_filename = "evaluaties"
    form_fields = ["evaluated_on", "judgement", "judgement_note"]


class ClosureProposalViewSet(DossierChildViewSet):
    model = ClosureProposal
    icon = "resubmit"
    menu_label = _("Afbouw- en afsluitvoorstellen")
    url_prefix = "afsluitvoorstellen"
    list_display = [
        Column("kind", label=_("Soort"), accessor="get_kind_display"),
        Column("dossier", label=_("Dossier")),
        DateColumn("submitted_at", label=_("Ingediend")),
        Column("decision", label=_("Besluit"), accessor="get_decision_display"),
    ]
    list_export = ["kind", "dossier", "submitted_at", "decision"]
    export_headings = {
        "dossier": _("Dossier"),
        "submitted_at": _("Ingediend"),
        "decision": _("Besluit"),
    }
    export_title = _("Afsluitvoorstellen")
    export_filename = "afsluitvoorstellen"
    form_fields = ["kind", "goals_achieved", "considerations", "warm_handover", "handover_to"]
    inspect_view_fields = [
        "dossier",
        "kind",
        "goals_achieved",
        "considerations",
        "warm_handover",
        "handover_to",
        "submitted_by",
        "submitted_at",
        "advice",
        "advised_at",
        "decision",
        "decided_on",
        "decided_by",
    ]


class ExecutionGroup(ModelViewSetGroup):
    menu_label = _("Uitvoering")
    menu_icon = "list-ul"
    menu_order = 105
    items = (
        PlanItemViewSet("plan_items"),
        JournalEntryViewSet("journal_entries"),
        ContactViewSet("contacts"),
        CaseMeetingViewSet("case_meetings"),
        EvaluationViewSet("evaluations"),
        ClosureProposalViewSet("closure_proposals"),
    )


execution_group = ExecutionGroup()

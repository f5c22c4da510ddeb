"""Admin views of a dossier: the scoped listing and the dossier page."""

from django.utils import timezone
from django.utils.translation import gettext_lazy
from wagtail.admin.views import generic

from dossiers import access
from dossiers.logged_views import LoggedListingMixin, LoggedObjectMixin
from dossiers.meetings.selectors import dossier_agenda_slots
from dossiers.obligations import EXECUTION_STATES, dossier_obligations
from dossiers.selectors import (
    dossier_assessment,
    dossier_family,
    dossier_history,
    dossier_signals,
    dossier_steps_for,
)
from dossiers.selectors.dossiers import dossier_step_responses
from dossiers.selectors.letters import dossier_letters
from dossiers.selectors.plan import dossier_workspace
from dossiers.selectors.queues import next_step_label
from dossiers.services.assessment import (
    ASSESSMENT_FORM_SLUG,
    assessment_draft,
    assessment_may_edit,
    assessment_missing,
)
from dossiers.services.closure import PROPOSAL_STATES
from dossiers.services.intervals import uvo_interval_may_set
from dossiers.services.letter_rule import letter_rule
from dossiers.services.plan import plan_may_edit
from dossiers.services.relations import (
    family_approach_may_set,
    relation_may_add,
    relative_may_record,
)
from dossiers.views.listing_cells import PlainTitleColumn
from reports.listing_export import ListingExportMixin


def dossier_next_step(dossier) -> str:
    return str(next_step_label(dossier.state))


class DossierIndexView(ListingExportMixin, LoggedListingMixin, generic.IndexView):
    log_description = gettext_lazy("Dossierlijst")

    def _get_title_column(self, field_name, column_class=PlainTitleColumn, **kwargs):
        return super()._get_title_column(field_name, column_class=column_class, **kwargs)


class DossierInspectView(LoggedObjectMixin, generic.InspectView):
    template_name = "dossiers/dossier_inspect.html"
    step_url_name = None
    assessment_url_name = None
    relation_url_name = None
    subject_url_name = None
    plan_url_names: dict = {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["subject"] = self.object.subject
        context["history"] = dossier_history(dossier=self.object)
        context["signals"] = dossier_signals(dossier=self.object)
        context["assessment"] = dossier_assessment(dossier=self.object)
        context["assessment_missing"] = assessment_missing(dossier=self.object)
        current = context["assessment"].form_response_id if context["assessment"] else None
        context["assessment_earlier"] = [
            response
            for response in dossier_step_responses(dossier=self.object, slug=ASSESSMENT_FORM_SLUG)
            if response.pk != current and not response.is_draft
        ]
        context["assessment_draft"] = assessment_draft(dossier=self.object)
        context["may_edit_assessment"] = assessment_may_edit(
            dossier=self.object, user=self.request.user
        )
        context["assessment_url_name"] = self.assessment_url_name
        context["family"] = dossier_family(dossier=self.object, user=self.request.user)
        context["may_change"] = relation_may_add(dossier=self.object, user=self.request.user)
        context["may_record_family"] = relative_may_record(
            dossier=self.object, user=self.request.user
        )
        context["may_set_family_approach"] = family_approach_may_set(
            dossier=self.object, user=self.request.user
        )
        context["letter_warnings"] = (
            letter_rule(self.object).warnings if self.object.included_on else []
        )
        context["may_set_uvo_interval"] = uvo_interval_may_set(
            dossier=self.object, user=self.request.user
        )
        context["relation_url_name"] = self.relation_url_name
        context["subject_url_name"] = self.subject_url_name
        context["steps"] = dossier_steps_for(dossier=self.object, user=self.request.user)
        context["step_url_name"] = self.step_url_name
        context["deadlines"] = dossier_obligations(dossier=self.object)
        context["letters"] = dossier_letters(dossier=self.object)
        context["may_open_letters"] = access.has_permission(
            self.request.user, "dossiers.view_notificationletter"
        )
        context["space"] = dossier_workspace(
            dossier=self.object,
            user=self.request.user,
            plan_page=self.request.GET.get("plan_pagina", 1),
            contact_page=self.request.GET.get("contacten_pagina", 1),
            agreement_page=self.request.GET.get("afspraken_pagina", 1),
        )
        context["urls"] = self.plan_url_names
        context["may_edit_plan"] = plan_may_edit(dossier=self.object, user=self.request.user)
        may_direct = access.directed_dossiers_for(self.request.user).filter(pk=self.object.pk)
        context["may_direct"] = may_direct.exists()
        context["may_evaluate"] = context["may_direct"] and self.object.state in EXECUTION_STATES
        context["may_propose"] = context["may_direct"] and self.object.state in PROPOSAL_STATES
        context["agenda_slots"] = dossier_agenda_slots(dossier=self.object, on=timezone.localdate())
        context["may_view_agenda"] = access.has_permission(
            self.request.user, "dossiers.view_agendaitem"
        )
        return context

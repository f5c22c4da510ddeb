"""Admin views of a dossier: the scoped listing and the dossier page."""

from django.utils import timezone
from django.utils.translation import gettext_lazy
from wagtail.admin.views import generic

from adminkit.logged_views import LoggedObjectMixin
from adminkit.paginator import KeysFirstPaginator
from adminkit.viewsets import LoggedIndexView
from dossiers.selectors.dossier_page import dossier_page
from dossiers.selectors.queues import next_step_label
from dossiers.views.listing_cells import PlainTitleColumn


def dossier_next_step(dossier) -> str:
    return str(next_step_label(dossier.state))


class DossierIndexView(LoggedIndexView):
    log_description = gettext_lazy("Dossierlijst")
    paginator_class = KeysFirstPaginator

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
        page = dossier_page(
            dossier=self.object,
            user=self.request.user,
            today=timezone.localdate(),
            plan_page=self.request.GET.get("plan_pagina", 1),
            contact_page=self.request.GET.get("contacten_pagina", 1),
            agreement_page=self.request.GET.get("afspraken_pagina", 1),
        )
        context.update(page.as_context())
        context["assessment_url_name"] = self.assessment_url_name
        context["relation_url_name"] = self.relation_url_name
        context["subject_url_name"] = self.subject_url_name
        context["step_url_name"] = self.step_url_name
        context["urls"] = self.plan_url_names
        return context

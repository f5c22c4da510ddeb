"""Admin viewsets of the case domain, configured by attributes; every one is access-scoped."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn

from dossiers import access
from dossiers.filters import DossierFilterSet
from dossiers.models import Dossier
from dossiers.scoping import ScopedModelViewSet
from dossiers.views.dossier import DossierIndexView, DossierInspectView, DossierStepView


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
        Column("subject", label=_("Persoon")),
        Column("state", label=_("Status"), accessor="get_state_display"),
        Column("case_director", label=_("Regisseur")),
        Column("case_director_organisation", label=_("Organisatie")),
        DateColumn("created_at", label=_("Aangemaakt")),
    ]
    list_export = ["reference", "subject", "state", "case_director", "created_at"]
    export_headings = {
        "reference": _("Dossiernummer"),
        "subject": _("Persoon"),
        "state": _("Status"),
        "case_director": _("Regisseur"),
        "created_at": _("Aangemaakt"),
    }
    export_filename = "dossiers"
    form_fields = ["urgent"]

    @staticmethod
    def scope_queryset(user, queryset):
        return queryset.filter(pk__in=access.dossiers_for(user).values("pk")).select_related(
            "subject", "case_director", "case_director_organisation"
        )

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(step_url_name=self.get_url_name("step"), **kwargs)

    @property
    def step_view(self):
        return self.construct_view(DossierStepView, inspect_url_name=self.get_url_name("inspect"))

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("step/<str:pk>/", self.step_view, name="step")]


dossier_viewset = DossierViewSet("dossiers")

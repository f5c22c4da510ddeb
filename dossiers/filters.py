import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from dossiers.models import Dossier
from dossiers.workflow.states import DossierState


class DossierFilterSet(WagtailFilterSet):
    state = django_filters.MultipleChoiceFilter(label=_("Status"), choices=DossierState.choices)
    urgent = django_filters.BooleanFilter(label=_("Spoed"))
    created_at = django_filters.DateFromToRangeFilter(label=_("Aangemaakt"))

    class Meta:
        model = Dossier
        fields = ["state", "urgent", "case_director_organisation", "created_at"]

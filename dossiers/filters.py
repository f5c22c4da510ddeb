import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from dossiers.models import Dossier, Signal
from dossiers.workflow.states import DossierState


class DossierFilterSet(WagtailFilterSet):
    mine = django_filters.BooleanFilter(
        label=_("Alleen mijn dossiers"),
        method="filter_mine",
        widget=django_filters.widgets.BooleanWidget(),
    )
    state = django_filters.MultipleChoiceFilter(label=_("Status"), choices=DossierState.choices)
    urgent = django_filters.BooleanFilter(label=_("Spoed"))
    created_at = django_filters.DateFromToRangeFilter(label=_("Aangemaakt"))

    class Meta:
        model = Dossier
        fields = ["mine", "state", "urgent", "case_director_organisation", "created_at"]

    def filter_mine(self, queryset, name, value):
        if value:
            return queryset.filter(case_director=self.request.user)
        return queryset


class SignalFilterSet(WagtailFilterSet):
    dossier__state = django_filters.MultipleChoiceFilter(
        label=_("Status"), choices=DossierState.choices
    )
    received_on = django_filters.DateFromToRangeFilter(label=_("Ontvangen"))

    class Meta:
        model = Signal
        fields = ["dossier__state", "urgency", "source_type", "channel", "received_on"]

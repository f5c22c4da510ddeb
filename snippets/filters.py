"""List filters of the catalogue listings."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from snippets.models import (
    Intervention,
    InterventionDomain,
    Organisation,
    RiskGroup,
    SpecialKind,
    TrainingEvent,
    TrainingKind,
)


class InterventionFilterSet(WagtailFilterSet):
    domain = django_filters.MultipleChoiceFilter(
        label=_("Domein"), choices=InterventionDomain.choices
    )
    special_kind = django_filters.ChoiceFilter(
        label=_("Bijzondere interventie"), choices=SpecialKind.choices, empty_label=_("Alle")
    )
    organisations = django_filters.ModelChoiceFilter(
        label=_("Uitvoerende organisatie"), queryset=Organisation.objects.all()
    )
    risk_groups = django_filters.ModelChoiceFilter(
        label=_("Risicogroep"), queryset=RiskGroup.objects.all()
    )
    active = django_filters.BooleanFilter(label=_("In gebruik"))
    live = django_filters.BooleanFilter(label=_("Gepubliceerd"))

    class Meta:
        model = Intervention
        fields = ["domain", "special_kind", "organisations", "risk_groups", "active", "live"]


class TrainingEventFilterSet(WagtailFilterSet):
    kind = django_filters.MultipleChoiceFilter(label=_("Soort"), choices=TrainingKind.choices)
    starts_at = django_filters.DateFromToRangeFilter(label=_("Datum"))
    live = django_filters.BooleanFilter(label=_("Gepubliceerd"))

    class Meta:
        model = TrainingEvent
        fields = ["kind", "starts_at", "live"]

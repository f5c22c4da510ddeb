import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from dossiers.models import AccessAction, AccessLogEntry


class AccessLogFilterSet(WagtailFilterSet):
    subject_name = django_filters.CharFilter(
        label=_("Persoon (naam bevat)"), lookup_expr="icontains"
    )
    dossier_reference = django_filters.CharFilter(label=_("Dossiernummer"))
    username = django_filters.CharFilter(label=_("Gebruiker (gebruikersnaam)"))
    action = django_filters.ChoiceFilter(label=_("Handeling"), choices=AccessAction.choices)
    at = django_filters.DateFromToRangeFilter(label=_("Tijdstip"))

    class Meta:
        model = AccessLogEntry
        fields = ["subject_name", "dossier_reference", "username", "action", "at"]

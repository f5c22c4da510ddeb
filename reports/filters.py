import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from dossiers.models import AccessAction, AccessLogEntry


class AccessLogFilterSet(WagtailFilterSet):
    """No filter on names: a name search would tell whether someone is a case."""

    dossier_reference = django_filters.CharFilter(label=_("Dossiernummer"))
    username = django_filters.CharFilter(label=_("Gebruiker (gebruikersnaam)"))
    action = django_filters.ChoiceFilter(label=_("Handeling"), choices=AccessAction.choices)
    at = django_filters.DateFromToRangeFilter(label=_("Tijdstip"))

    class Meta:
        model = AccessLogEntry
        fields = ["dossier_reference", "username", "action", "at"]

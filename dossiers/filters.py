import django_filters
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from dossiers.models import Dossier, NotificationLetter, Signal
from dossiers.workflow.states import DossierState
from snippets.models import LetterRecipientKind


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


class LetterFilterSet(WagtailFilterSet):
    """The MAP's overview: open, overdue, sent, sent late (needs the ``due_on`` annotation)."""

    STATUS_CHOICES = [
        ("open", _("Nog niet verzonden")),
        ("overdue", _("Nog niet verzonden, termijn verstreken")),
        ("sent", _("Verzonden")),
        ("late", _("Te laat verzonden")),
    ]
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUS_CHOICES, method="filter_status"
    )
    recipient_kind = django_filters.ChoiceFilter(
        label=_("Soort ontvanger"), choices=LetterRecipientKind.choices
    )

    class Meta:
        model = NotificationLetter
        fields = ["status", "recipient_kind"]

    def filter_status(self, queryset, name, value):
        today = timezone.localdate()
        return {
            "open": lambda: queryset.filter(sent_on__isnull=True),
            "overdue": lambda: queryset.filter(sent_on__isnull=True, due_on__lt=today),
            "sent": lambda: queryset.filter(sent_on__isnull=False),
            "late": lambda: queryset.filter(sent_on__gt=F("due_on")),
        }.get(value, lambda: queryset)()

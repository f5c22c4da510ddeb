import datetime

import django_filters
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from dossiers.models import Dossier, NotificationLetter, Signal
from dossiers.workflow.states import DossierState
from snippets.models import LetterRecipientKind

YES_NO = [("true", _("Ja")), ("false", _("Nee"))]


class DossierFilterSet(WagtailFilterSet):
    """Choice filters, not boolean ones: the active-filter chips then read "Ja"/"Nee"."""

    DUE_CHOICES = [
        ("overdue", _("Te laat")),
        ("week", _("Deze week")),
        ("four_weeks", _("Komende vier weken")),
    ]
    mine = django_filters.ChoiceFilter(
        label=_("Alleen mijn dossiers"), choices=YES_NO[:1], method="filter_mine"
    )
    due = django_filters.ChoiceFilter(
        label=_("Volgende termijn"), choices=DUE_CHOICES, method="filter_due"
    )
    state = django_filters.MultipleChoiceFilter(label=_("Status"), choices=DossierState.choices)
    urgent = django_filters.ChoiceFilter(label=_("Spoed"), choices=YES_NO, method="filter_urgent")
    created_at = django_filters.DateFromToRangeFilter(label=_("Aangemaakt"))

    class Meta:
        model = Dossier
        fields = ["mine", "due", "state", "urgent", "case_director_organisation", "created_at"]

    def filter_mine(self, queryset, name, value):
        if value == "true":
            return queryset.filter(case_director=self.request.user)
        return queryset

    def filter_urgent(self, queryset, name, value):
        return queryset.filter(urgent=value == "true")

    def filter_due(self, queryset, name, value):
        """On the stored next deadline (``Dossier.next_due_on``); overdue counts as due."""
        today = timezone.localdate()
        until = {
            "overdue": today - datetime.timedelta(days=1),
            "week": today + datetime.timedelta(days=7),
            "four_weeks": today + datetime.timedelta(weeks=4),
        }.get(value)
        return queryset.filter(next_due_on__lte=until) if until else queryset


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

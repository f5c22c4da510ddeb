"""Reads of notification letters: the register per dossier and the MAP's list of open letters."""

import datetime

from django.db.models import DateField, F, QuerySet
from django.db.models.functions import Cast
from django.utils import timezone

from dossiers import access
from dossiers.models import Dossier, NotificationLetter, ProgrammeSettings


def letter_days() -> int:
    return ProgrammeSettings.load().letter_days


def with_due_dates(queryset: QuerySet, *, days: int | None = None) -> QuerySet:
    """Annotate ``due_on``: the inclusion decision + the letter term (day 21 is still on time)."""
    days = letter_days() if days is None else days
    return queryset.annotate(
        # Cast: PostgreSQL makes date + interval a timestamp.
        due_on=Cast(F("dossier__included_on") + datetime.timedelta(days=days), DateField())
    )


def letter_list_for(*, user, queryset: QuerySet | None = None) -> QuerySet:
    """The letters ``user`` may see, with due dates: the ones still to send first (oldest
    deadline first), then the sent ones, most recently sent first."""
    queryset = NotificationLetter.objects.all() if queryset is None else queryset
    scoped = access.letters_for(user, queryset).select_related("dossier", "sent_by", "generated_by")
    return with_due_dates(scoped).order_by(
        F("sent_on").desc(nulls_first=True), "due_on", "dossier__reference", "pk"
    )


def dossier_letters(*, dossier: Dossier) -> list[NotificationLetter]:
    """The register of one dossier, with due date and lateness on each letter."""
    days = letter_days()
    today = timezone.localdate()
    letters = list(
        dossier.letters.select_related("sent_by", "generated_by", "dossier").order_by("pk")
    )
    for letter in letters:
        letter.due = letter.due_date(days)
        letter.late = letter.is_late(letter_days=days, today=today)
    return letters

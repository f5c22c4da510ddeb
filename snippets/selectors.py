"""Reads of the catalogue and of training; other apps choose catalogue items through these."""

from __future__ import annotations

import datetime

from django.db.models import Count, Exists, OuterRef, QuerySet
from django.utils import timezone

from snippets.models import (
    Intervention,
    Organisation,
    OtherApproach,
    ProblemArea,
    RiskGroup,
    TrainingEvent,
    TrainingRegistration,
)


def intervention_choices(
    *,
    domain: str | None = None,
    risk_group: RiskGroup | None = None,
    special_kind: str | None = None,
) -> QuerySet[Intervention]:
    """Published, non-retired interventions a case director may add to a plan now."""
    queryset = Intervention.objects.available().prefetch_related("organisations", "risk_groups")
    if domain:
        queryset = queryset.filter(domain=domain)
    if special_kind:
        queryset = queryset.filter(special_kind=special_kind)
    if risk_group is not None:
        # An intervention without risk groups fits every group.
        queryset = queryset.filter(risk_groups=risk_group) | queryset.filter(
            risk_groups__isnull=True
        )
    return queryset.distinct().order_by("name")


def intervention_get(*, pk: int) -> Intervention:
    """One intervention, retired or not: old plans keep showing what they used."""
    return Intervention.objects.prefetch_related("organisations", "risk_groups").get(pk=pk)


def risk_group_list() -> QuerySet[RiskGroup]:
    """The published risk groups, in handbook order."""
    return RiskGroup.objects.live().order_by("number")


def problem_area_choices() -> QuerySet[ProblemArea]:
    """The published, active problem areas for a problem diagnosis."""
    return ProblemArea.objects.live().filter(active=True).order_by("sort_order", "name")


def other_approach_choices() -> QuerySet[OtherApproach]:
    """The published, active other approaches the pre-assessment desk checks."""
    return OtherApproach.objects.live().filter(active=True).order_by("name")


def organisation_list(*, supplies_case_directors: bool | None = None) -> QuerySet[Organisation]:
    """Published, active organisations; optionally only those that supply case directors."""
    queryset = Organisation.objects.live().filter(active=True)
    if supplies_case_directors is not None:
        queryset = queryset.filter(supplies_case_directors=supplies_case_directors)
    return queryset.order_by("name")


def training_event_list() -> QuerySet[TrainingEvent]:
    """Every training event with its number of registrations (the admin listing)."""
    return TrainingEvent.objects.annotate(registration_count=Count("registrations"))


def training_upcoming_for(*, user, now: datetime.datetime | None = None) -> QuerySet[TrainingEvent]:
    """Published events still to come, each marked ``is_registered`` for ``user``."""
    mine = TrainingRegistration.objects.filter(event=OuterRef("pk"), user=user)
    return (
        TrainingEvent.objects.upcoming(now=now or timezone.now())
        .annotate(registration_count=Count("registrations"), is_registered=Exists(mine))
        .order_by("starts_at")
    )


def training_registrations_for(*, event: TrainingEvent) -> QuerySet[TrainingRegistration]:
    """The registrations of one event with their users, by surname."""
    return event.registrations.select_related("user", "user__organisation").order_by(
        "user__last_name", "user__first_name"
    )

"""Writes of the catalogue and of training. Views, commands and tests call these."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Revision

from snippets.models import Intervention, TrainingEvent, TrainingRegistration


class TrainingRegistrationRefused(Exception):
    """Registration is not possible; ``reason`` is shown to the user."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def catalogue_publish(*, obj, by) -> Revision:
    """Save ``obj`` as a new revision and publish it, logged as ``by``'s edit."""
    revision = obj.save_revision(user=by, log_action=True)
    revision.publish(user=by)
    return revision


def _intervention_set_active(*, intervention: Intervention, active: bool, by) -> Intervention:
    if not by.has_perm("catalogue.publish_intervention"):
        raise PermissionDenied
    live = Intervention.objects.get(pk=intervention.pk)
    live.active = active
    catalogue_publish(obj=live, by=by)
    return live


def intervention_retire(*, intervention: Intervention, by) -> Intervention:
    """Take an intervention out of use; plans that used it still show it."""
    return _intervention_set_active(intervention=intervention, active=False, by=by)


def intervention_reinstate(*, intervention: Intervention, by) -> Intervention:
    """Put a retired intervention back into use."""
    return _intervention_set_active(intervention=intervention, active=True, by=by)


def _registration_refusal(event: TrainingEvent, now) -> str | None:
    if not event.live:
        return _("Deze activiteit is niet gepubliceerd.")
    if event.starts_at <= now:
        return _("Deze activiteit is al begonnen.")
    if not event.registration_open:
        return _("De aanmelding voor deze activiteit is gesloten.")
    if event.capacity is not None and event.registrations.count() >= event.capacity:
        return _("Deze activiteit is vol.")
    return None


@transaction.atomic
def training_register(*, event: TrainingEvent, user) -> TrainingRegistration:
    """Register ``user`` for ``event``; idempotent, refused when closed, full or past."""
    if not user.has_perm("catalogue.register_for_training"):
        raise PermissionDenied
    event = TrainingEvent.objects.select_for_update().get(pk=event.pk)
    existing = TrainingRegistration.objects.filter(event=event, user=user).first()
    if existing:
        return existing
    reason = _registration_refusal(event, timezone.now())
    if reason:
        raise TrainingRegistrationRefused(reason)
    return TrainingRegistration.objects.create(event=event, user=user)


@transaction.atomic
def training_unregister(*, event: TrainingEvent, user) -> None:
    """Withdraw ``user`` from an event that has not started yet."""
    if event.starts_at <= timezone.now():
        raise TrainingRegistrationRefused(_("Deze activiteit is al begonnen."))
    TrainingRegistration.objects.filter(event=event, user=user).delete()


@transaction.atomic
def training_attendance_record(
    *, event: TrainingEvent, attended_user_ids: Iterable[int], by
) -> int:
    """Mark each registration present or absent; returns how many were present."""
    if not by.has_perm("catalogue.record_training_attendance"):
        raise PermissionDenied
    if event.starts_at > timezone.now():
        raise TrainingRegistrationRefused(
            _("Aanwezigheid kan pas worden vastgelegd als de activiteit begonnen is.")
        )
    present = {int(pk) for pk in attended_user_ids}
    now = timezone.now()
    registrations = list(event.registrations.select_for_update())
    for registration in registrations:
        registration.attended = registration.user_id in present
        registration.attendance_recorded_at = now
        registration.attendance_recorded_by = by
    TrainingRegistration.objects.bulk_update(
        registrations, ["attended", "attendance_recorded_at", "attendance_recorded_by"]
    )
    return sum(1 for r in registrations if r.attended)

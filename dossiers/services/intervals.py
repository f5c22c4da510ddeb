"""A dossier's own UVO interval (handbook ch. 6: every 8 weeks, "ook vaker of tijdelijk met een
lagere frequentie"). The obligations engine, the reminders and the monitor read it through
``dossiers.obligations.uvo_interval``; the stored deadlines are rewritten with it."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from dossiers import access
from dossiers.models import Dossier, ProgrammeSettings
from dossiers.services.deadlines import deadlines_refresh


def uvo_interval_may_set(*, dossier: Dossier, user) -> bool:
    """Only the dossier's own case director, while it is open."""
    return access.directed_dossiers_for(user).filter(pk=dossier.pk).exists()


@transaction.atomic
def uvo_interval_set(*, dossier: Dossier, by, days: int | None, reason: str = "") -> Dossier:
    """Set (or with ``days=None`` clear) the dossier's UVO interval; another interval than the
    programme's needs a reason. Logged on the dossier."""
    if not uvo_interval_may_set(dossier=dossier, user=by):
        raise PermissionDenied
    reason = (reason or "").strip()
    default = ProgrammeSettings.load().uvo_interval_days
    if days == default:
        days = None
    if days is not None and not reason:
        raise ValidationError({"reason": [_("Geef de reden voor een ander UVO-interval.")]})
    if days is not None and not 7 <= days <= 182:
        raise ValidationError({"days": [_("Kies een interval tussen 7 en 182 dagen.")]})
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    dossier.uvo_interval_days = days
    dossier.uvo_interval_reason = reason if days else ""
    dossier.save(update_fields=["uvo_interval_days", "uvo_interval_reason"])
    deadlines_refresh(dossier_ids=[dossier.pk])  # the start page, listing and monitor read them
    if days:
        title = _("UVO-interval van dit dossier: %(days)s dagen (%(reason)s)") % {
            "days": days,
            "reason": reason,
        }
    else:
        title = _("UVO-interval van dit dossier: dat van het programma (%(days)s dagen)") % {
            "days": default
        }
    log(instance=dossier, action="wagtail.edit", user=by, title=title)
    return dossier

"""Writes of the monthly access review: marking a month done, and the open-month reminder."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from dossiers import access
from dossiers.models import Reminder, ReminderKind, ReminderStatus
from reports.access_review import open_months, reviewable_months
from reports.models import AccessReview

PERMISSION = "monitor.review_access"
REMINDER_KIND = "access_review"


def access_review_complete(*, month: datetime.date, by, note: str = "") -> AccessReview:
    """Mark ``month`` reviewed by ``by`` now; a month is marked done once."""
    if not access.has_permission(by, PERMISSION):
        raise ValidationError(_("U mag de toegangscontrole niet afronden."))
    if month not in reviewable_months(timezone.localdate()):
        raise ValidationError(_("Deze maand kan (nog) niet worden afgerond."))
    try:
        with transaction.atomic():
            return AccessReview.objects.create(
                month=month,
                reviewed_by=by,
                reviewed_by_username=by.get_username(),
                reviewed_at=timezone.now(),
                note=note,
            )
    except IntegrityError as error:
        raise ValidationError(_("Deze maand is al afgerond.")) from error


def _reviewers() -> list[str]:
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    return sorted(u.email for u in users if access.has_permission(u, PERMISSION))


def access_review_remind(*, today: datetime.date) -> int:
    """While a month's review is open, one reminder a week (exactly once, through the
    reminder markers of ADR 0006) to everyone holding ``monitor.review_access``; returns
    the number of open months."""
    from dossiers.services.reminders import reminders_send_pending

    months = open_months(today)
    recipients = ", ".join(_reviewers())
    week = today - datetime.timedelta(days=today.weekday())
    rows = [
        Reminder(
            obligation_key=f"toegangscontrole:{month:%Y-%m}",
            obligation_kind=REMINDER_KIND,
            due_on=week,
            kind=ReminderKind.DUE,
            recipients=recipients,
            subject=_("Toegangscontrole %(month)s staat open") % {"month": _month(month)},
            body=_(
                "De maandelijkse controle van de toegangslog over %(month)s is nog niet "
                "afgerond. Open in het volgsysteem Rapportages > Toegangscontrole, bekijk de "
                "opvallende inzagen per gebruiker en rond de maand af."
            )
            % {"month": _month(month)},
            status=ReminderStatus.PENDING,
        )
        for month in months
    ]
    created = Reminder.objects.bulk_create(rows, ignore_conflicts=True)
    reminders_send_pending()
    return len(created)


def _month(month: datetime.date) -> str:
    return date_format(month, "F Y")

"""Reminders: the daily scan turns due obligations into sent-markers, then sends each once.

Exactly once, per obligation per due date per kind (docs/adr/0006):
1. The scan inserts one ``Reminder`` row per (obligation, due date, kind) with
   ``ignore_conflicts`` on the unique constraint, so a second or concurrent scan adds nothing.
2. ``reminder_send`` claims a row with one conditional UPDATE (pending/failed -> sending); only
   the run whose UPDATE changed the row sends. Then it marks the row sent, or failed with the
   error (retried later, up to ``MAX_ATTEMPTS``, visible to administrators).
3. A worker killed between claim and "sent" leaves a row in "sending". After ``STALE_AFTER``
   it is claimed again: a reminder is never lost, at the price of a possible duplicate only if
   the kill fell between the mail server accepting the message and the UPDATE that follows.
"""

import datetime
import logging
import smtplib
from collections.abc import Iterable

from django.conf import settings as django_settings
from django.core.mail import EmailMessage
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers.models import ProgrammeSettings, Reminder, ReminderKind, ReminderStatus, User
from dossiers.obligations import Obligation, obligations_due

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
STALE_AFTER = datetime.timedelta(minutes=30)
KIND_ORDER = (ReminderKind.BEFORE, ReminderKind.DUE, ReminderKind.ESCALATION)


class _Recipients:
    """Resolves who gets which reminder, with one query per permission, cached for a scan."""

    def __init__(self):
        self._holders: dict[str, list[User]] = {}
        self._users: dict[int, User] = {}

    def holders(self, permission: str) -> list[User]:
        if permission not in self._holders:
            app_label, codename = permission.split(".", 1)
            has = Q(
                groups__permissions__codename=codename,
                groups__permissions__content_type__app_label=app_label,
            ) | Q(
                user_permissions__codename=codename,
                user_permissions__content_type__app_label=app_label,
            )
            self._holders[permission] = list(
                User.objects.filter(has, is_active=True).exclude(email="").distinct()
            )
        return self._holders[permission]

    def load_users(self, ids: Iterable[int]) -> None:
        missing = set(ids) - set(self._users)
        self._users.update(User.objects.in_bulk(missing))

    def for_obligation(self, obligation: Obligation, kind: str) -> list[str]:
        if kind == ReminderKind.ESCALATION:
            users = self.holders(obligation.escalation_permission)
            if obligation.escalation_organisation_id is not None:
                users = [
                    u for u in users if u.organisation_id == obligation.escalation_organisation_id
                ]
        elif obligation.responsible_user_id is not None:
            user = self._users.get(obligation.responsible_user_id)
            users = [user] if user and user.is_active and user.email else []
        else:
            users = self.holders(obligation.responsible_permission)
        return sorted({u.email for u in users})


def reminder_dates(obligation: Obligation, conf: ProgrammeSettings) -> dict[str, datetime.date]:
    """The day each kind of reminder is due: before, on, and after the due date."""
    return {
        ReminderKind.BEFORE: obligation.due_on - datetime.timedelta(days=conf.reminder_before_days),
        ReminderKind.DUE: obligation.due_on,
        ReminderKind.ESCALATION: obligation.due_on
        + datetime.timedelta(days=conf.escalation_after_days),
    }


def _text(obligation: Obligation, kind: str) -> tuple[str, str]:
    about = obligation.dossier or obligation.meeting
    subject = {
        ReminderKind.BEFORE: _("Herinnering: %(what)s (%(about)s) uiterlijk %(date)s"),
        ReminderKind.DUE: _("Vandaag uiterste datum: %(what)s (%(about)s)"),
        ReminderKind.ESCALATION: _("Termijn verstreken: %(what)s (%(about)s), was %(date)s"),
    }[kind] % {"what": obligation.label, "about": about, "date": f"{obligation.due_on:%d-%m-%Y}"}
    body = _(
        "%(what)s voor %(about)s: uiterste datum %(date)s.\nRegel: %(rule)s.\n\n"
        "Zie de startpagina van het volgsysteem."
    ) % {
        "what": obligation.label,
        "about": about,
        "date": f"{obligation.due_on:%d-%m-%Y}",
        "rule": obligation.rule,
    }
    return subject, body


def _markers(obligation, on, conf, recipients) -> list[Reminder]:
    """The rows for the kinds whose day has come; only the latest is sent, earlier ones are
    skipped (after missed slots one catch-up mail, not a burst of stale ones)."""
    passed = [k for k, day in reminder_dates(obligation, conf).items() if day <= on]
    rows = []
    for kind in passed:
        subject, body = _text(obligation, kind)
        latest = kind == passed[-1]
        rows.append(
            Reminder(
                obligation_key=obligation.key,
                obligation_kind=obligation.kind,
                due_on=obligation.due_on,
                kind=kind,
                dossier=obligation.dossier,
                meeting=obligation.meeting,
                recipients=", ".join(recipients.for_obligation(obligation, kind)),
                subject=subject[:200],
                body=body,
                status=ReminderStatus.PENDING if latest else ReminderStatus.SKIPPED,
            )
        )
    return rows


def reminders_create(*, on: datetime.date) -> int:
    """Write the sent-markers for every obligation due ``on``; safe to run any number of times."""
    conf = ProgrammeSettings.load()
    due = obligations_due(on=on)
    recipients = _Recipients()
    recipients.load_users(o.responsible_user_id for o in due if o.responsible_user_id)
    rows = [row for o in due for row in _markers(o, on, conf, recipients)]
    created = Reminder.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
    return len(created)


def _claim(reminder_id: int) -> bool:
    stale = timezone.now() - STALE_AFTER
    claimable = Q(status__in=[ReminderStatus.PENDING, ReminderStatus.FAILED]) | Q(
        status=ReminderStatus.SENDING, claimed_at__lt=stale
    )
    return bool(
        Reminder.objects.filter(claimable, pk=reminder_id).update(
            status=ReminderStatus.SENDING, claimed_at=timezone.now(), attempts=F("attempts") + 1
        )
    )


def _sender() -> str:
    return ProgrammeSettings.load().sender_email or django_settings.DEFAULT_FROM_EMAIL


def reminder_send(*, reminder: Reminder, sender: str | None = None) -> bool:
    """Send one reminder if this run wins the claim; True when it went out now.

    ``reminder`` is a full row as read before the claim: two queries per reminder (the claim
    and the outcome), so a batch costs ``2 x sent`` plus the one read of the waiting rows.
    """
    if not _claim(reminder.pk):
        return False
    reminder.attempts += 1  # what the claim's UPDATE did in the database
    to = [a.strip() for a in reminder.recipients.split(",") if a.strip()]
    try:
        if not to:
            raise smtplib.SMTPRecipientsRefused({})
        EmailMessage(reminder.subject, reminder.body, sender or _sender(), to).send()
    except (smtplib.SMTPException, OSError) as error:
        gave_up = reminder.attempts >= MAX_ATTEMPTS or not to
        message = str(error) or error.__class__.__name__
        if not to:
            message = _("Geen ontvangers gevonden.")
        Reminder.objects.filter(pk=reminder.pk).update(
            status=ReminderStatus.GAVE_UP if gave_up else ReminderStatus.FAILED,
            last_error=message[:1000],
        )
        logger.warning("Reminder %s not sent: %s", reminder.pk, message)
        return False
    Reminder.objects.filter(pk=reminder.pk).update(
        status=ReminderStatus.SENT, sent_at=timezone.now(), last_error=""
    )
    return True


def reminders_send_pending() -> int:
    """Send every pending, failed (retry) or stale reminder; returns how many went out.

    One read of the waiting rows and of the sender, then two queries per reminder."""
    stale = timezone.now() - STALE_AFTER
    waiting = list(
        Reminder.objects.filter(
            Q(status__in=[ReminderStatus.PENDING, ReminderStatus.FAILED])
            | Q(status=ReminderStatus.SENDING, claimed_at__lt=stale)
        ).only("pk", "attempts", "recipients", "subject", "body")
    )
    if not waiting:
        return 0
    sender = _sender()
    return sum(reminder_send(reminder=r, sender=sender) for r in waiting)


def reminders_scan(*, on: datetime.date | None = None) -> int:
    """The daily job: write today's markers, then send what is waiting."""
    reminders_create(on=on or timezone.localdate())
    return reminders_send_pending()

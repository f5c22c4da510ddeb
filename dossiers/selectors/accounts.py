"""Reads for functioneel beheer: accounts that need attention (second factor, locks, disuse)."""

import datetime

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

INACTIVE_DAYS = 90


def users_without_second_factor(queryset: QuerySet) -> QuerySet:
    """Active accounts that have not set up a confirmed authenticator app."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    confirmed = TOTPDevice.objects.filter(confirmed=True).values("user_id")
    return queryset.filter(is_active=True).exclude(pk__in=confirmed)


def users_locked(queryset: QuerySet) -> QuerySet:
    """Accounts locked by django-axes now: too many failed logins within the cool-off time."""
    from axes.models import AccessAttempt

    since = timezone.now() - datetime.timedelta(hours=settings.AXES_COOLOFF_TIME)
    locked = AccessAttempt.objects.filter(
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT, attempt_time__gte=since
    ).values("username")
    return queryset.filter(username__in=locked)


def users_inactive(queryset: QuerySet) -> QuerySet:
    """Active accounts unused for more than 90 days (never logged in: created that long ago)."""
    before = timezone.now() - datetime.timedelta(days=INACTIVE_DAYS)
    return queryset.filter(is_active=True).filter(
        Q(last_login__lt=before) | Q(last_login__isnull=True, date_joined__lt=before)
    )


ACCOUNT_FILTERS = {
    "no_second_factor": users_without_second_factor,
    "locked": users_locked,
    "inactive": users_inactive,
}

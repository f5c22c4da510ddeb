"""Login throttling on top of django-axes (docs/spec/quality.md S4).

Two counters, each with its own limit and window:

- per username + client IP: ``AXES_FAILURE_LIMIT`` failures in ``AXES_USERNAME_COOLOFF`` lock
  that pair for that (short) time;
- per client IP across usernames (password spraying): ``AXES_IP_FAILURE_LIMIT`` failures in
  ``AXES_COOLOFF_TIME`` lock the address.

django-axes compares one number with one limit, so ``get_failures`` reports the fuller of the
two counters on the per-username scale. The client IP is REMOTE_ADDR, or Fly's
``Fly-Client-IP`` header only when ``BEHIND_FLY`` says the app runs behind Fly's proxy
(anywhere else the header is the client's to forge).
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone


def client_ip(request) -> str:
    """``AXES_CLIENT_IP_CALLABLE``: Fly's header only when configured, else REMOTE_ADDR."""
    if settings.BEHIND_FLY:
        forwarded = request.META.get("HTTP_FLY_CLIENT_IP", "").strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR", "")


def _failures(attempts) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class ThrottlingHandler(AxesDatabaseHandler):
    """The database handler with a per-username and a (higher) per-IP limit."""

    def get_failures(self, request, credentials=None) -> int:
        now = timezone.now()
        address = request.axes_ip_address
        per_user = _failures(
            AccessAttempt.objects.filter(
                username=get_client_username(request, credentials),
                ip_address=address,
                attempt_time__gte=now - settings.AXES_USERNAME_COOLOFF,
            )
        )
        per_ip = _failures(
            AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=now - get_cool_off())
        )
        request.axes_ip_locked = per_ip >= settings.AXES_IP_FAILURE_LIMIT
        on_user_scale = per_ip * settings.AXES_FAILURE_LIMIT // settings.AXES_IP_FAILURE_LIMIT
        return max(per_user, on_user_scale)


def lockout_response(request, original_response=None, credentials=None):
    """``AXES_LOCKOUT_CALLABLE``: the Dutch page, saying which lock applies and for how long."""
    if getattr(request, "axes_ip_locked", None) is None:
        ThrottlingHandler().get_failures(request, credentials)
    return render(
        request,
        settings.AXES_LOCKOUT_TEMPLATE,
        {
            "ip_locked": request.axes_ip_locked,
            "minutes": int(settings.AXES_USERNAME_COOLOFF.total_seconds() // 60),
        },
        status=429,
    )

"""Request id, session limits, headers and malformed POSTs: small middlewares the access rules
rely on."""

import logging
import re
import time
import uuid

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.datastructures import MultiValueDictKeyError
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
SESSION_LOGIN_AT = "ipga_login_at"
SESSION_SEEN_AT = "ipga_seen_at"


class RequestIdMiddleware:
    """Give every request an id (from X-Request-ID when sane) for logs and the access log."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request.request_id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex
        response = self.get_response(request)
        response["X-Request-ID"] = request.request_id
        return response


class SessionLimitsMiddleware:
    """End a session 10 hours after login, whatever the activity; and slide the inactivity
    limit (the cookie age, ``SESSION_COOKIE_AGE``) on activity.

    The session is saved, with a new expiry, when the last save is
    ``SESSION_REFRESH_SECONDS`` (60) or more ago, not on every request: that saved three
    queries per page. The user is logged out after between 14 and 15 minutes without a request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            started = request.session.get(SESSION_LOGIN_AT)
            if started is None:
                request.session[SESSION_LOGIN_AT] = time.time()
            elif time.time() - started > settings.SESSION_ABSOLUTE_SECONDS:
                logout(request)
                return redirect(settings.LOGIN_URL)
        response = self.get_response(request)
        # The login request itself: start the clock now, not on the next request.
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = time.time()
            if SESSION_LOGIN_AT not in request.session:
                request.session[SESSION_LOGIN_AT] = now
            seen = request.session.get(SESSION_SEEN_AT)
            if seen is None or now - seen >= settings.SESSION_REFRESH_SECONDS:
                request.session[SESSION_SEEN_AT] = now  # modified: saved with a new expiry
        return response


class PermissionsPolicyMiddleware:
    """Deny browser features the system never uses (camera, microphone, location, payment...).

    Django sets no Permissions-Policy header; the features are in ``settings.PERMISSIONS_POLICY``.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.header)
        return response


class MalformedPostMiddleware:
    """400, not 500, for a POST that lacks fields the view reads (issue 15).

    Wagtail's views index ``request.POST[...]`` or a form's ``cleaned_data[...]`` directly
    (KeyError, MultiValueDictKeyError) or hand a missing value (None) to code that expects a
    string or a form. A request like that is the
    client's error: answer 400 and log it with its traceback, so a real bug still shows.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if request.method != "POST":
            return None
        missing_key = isinstance(exception, KeyError | MultiValueDictKeyError)
        missing_value = isinstance(exception, AttributeError | TypeError) and "NoneType" in str(
            exception
        )
        if not (missing_key or missing_value):
            return None
        logger.warning("Malformed POST to %s: %r", request.path, exception, exc_info=exception)
        return HttpResponseBadRequest(_("Ongeldig verzoek: het formulier is onvolledig."))


class NoStoreMiddleware:
    """Forbid caching of every page an authenticated user sees: they may hold personal data."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or request.path.startswith("/admin/"):
            response["Cache-Control"] = "no-store, private"
            response["Pragma"] = "no-cache"
        return response

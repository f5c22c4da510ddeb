"""Keep a password-only session away from everything but the second-factor pages."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import Resolver404, resolve

from dossiers.mfa.devices import has_confirmed_device

# The only views an authenticated but unverified session may reach. The icon sprite and the
# JS catalogue hold no data, and the admin base template these pages extend loads both.
ALLOWED_VIEWS = frozenset(
    {
        "mfa:setup",
        "mfa:verify",
        "wagtailadmin_logout",
        "wagtailadmin_sprite",
        "wagtailadmin_javascript_catalog",
        "healthz",
    }
)


class RequireSecondFactorMiddleware:
    """When REQUIRE_SECOND_FACTOR is on, send unverified users to set up or verify a device.

    Must come after ``django_otp.middleware.OTPMiddleware`` (which sets ``user.is_verified``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            settings.REQUIRE_SECOND_FACTOR
            and user is not None
            and user.is_authenticated
            and not user.is_verified()
            and not self.is_allowed(request.path_info)
        ):
            target = "mfa:verify" if has_confirmed_device(user=user) else "mfa:setup"
            response = redirect(target)
            if request.method == "GET":
                response["Location"] += "?" + urlencode({"next": request.get_full_path()})
            return response
        return self.get_response(request)

    @staticmethod
    def is_allowed(path: str) -> bool:
        if path.startswith(settings.STATIC_URL):
            return True
        try:
            return resolve(path).view_name in ALLOWED_VIEWS
        except Resolver404:
            return False

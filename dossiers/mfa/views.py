"""Set up a second factor once, then verify it after every password login."""

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views import View
from django_otp import login as otp_login

from dossiers.mfa import devices
from dossiers.mfa.forms import SetupForm, TokenForm


def next_url(request) -> str:
    """Where to go after verifying: ``next`` when it is a local URL, else the admin home."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


class SetupView(LoginRequiredMixin, View):
    """Show a QR code for a new TOTP device; a right code confirms it and shows backup codes."""

    template_name = "account/mfa_setup.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and devices.has_confirmed_device(user=request.user):
            # One device per account; changing it goes through an administrator.
            return redirect("mfa:verify")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.render_form(request, SetupForm())

    def post(self, request):
        form = SetupForm(request.POST)
        device = devices.totp_device_pending(user=request.user)
        if form.is_valid():
            codes = devices.totp_device_confirm(device=device, token=form.cleaned_data["token"])
            if codes is not None:
                otp_login(request, device)
                context = {"codes": codes, "next": next_url(request)}
                return render(request, "account/mfa_backup_codes.html", context)
            form.add_error("token", _("Deze code klopt niet. Probeer de volgende code."))
        return self.render_form(request, form)

    def render_form(self, request, form):
        device = devices.totp_device_pending(user=request.user)
        context = {
            "form": form,
            "qr_svg": devices.totp_qr_svg(device=device),
            "secret": devices.totp_secret_display(device=device),
            "next": request.POST.get("next") or request.GET.get("next", ""),
        }
        return render(request, self.template_name, context)


class VerifyView(LoginRequiredMixin, View):
    """Ask for a code from the app or a backup code; a right one marks the session verified."""

    template_name = "account/mfa_verify.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not devices.has_confirmed_device(user=request.user):
            return redirect("mfa:setup")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.render_form(request, TokenForm())

    def post(self, request):
        form = TokenForm(request.POST)
        if form.is_valid():
            device = devices.device_matching(user=request.user, token=form.cleaned_data["token"])
            if device is not None:
                otp_login(request, device)
                return redirect(next_url(request))
            form.add_error("token", _("Deze code klopt niet of is al gebruikt."))
        return self.render_form(request, form)

    def render_form(self, request, form):
        next_value = request.POST.get("next") or request.GET.get("next", "")
        return render(request, self.template_name, {"form": form, "next": next_value})

"""Creating and checking a user's second-factor devices (TOTP app and backup codes)."""

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODE_COUNT = 10
TOTP_NAME = _("Authenticator-app")
BACKUP_NAME = _("Back-upcodes")


def totp_device_pending(*, user) -> TOTPDevice:
    """The user's unconfirmed TOTP device, made once so the QR code stays the same on reload."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=str(TOTP_NAME), confirmed=False)
    return device


def totp_qr_svg(*, device: TOTPDevice) -> str:
    """The otpauth:// URL as an inline SVG, drawn on the server (the CSP forbids inline JS)."""
    image = qrcode.make(
        device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2
    )
    buffer = BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return svg[svg.index("<svg") :]


def totp_secret_display(*, device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for typing into an app by hand."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def totp_device_confirm(*, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the device when ``token`` is right; return fresh backup codes, else None."""
    if not device.verify_token(token):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    return backup_codes_replace(user=device.user)


def backup_codes_replace(*, user) -> list[str]:
    """Throw away old backup codes and make new ones; each code works once."""
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name=str(BACKUP_NAME), confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=code) for code in codes)
    return codes


@transaction.atomic
def device_matching(*, user, token: str):
    """The confirmed device that accepts ``token`` (rows locked against replay), or None."""
    token = token.replace(" ", "").strip()
    if not token:
        return None
    for device in devices_for_user(user, confirmed=True, for_verify=True):
        if device.verify_token(token):
            return device
    return None


def has_confirmed_device(*, user) -> bool:
    """Whether the user has set up a second factor already."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()

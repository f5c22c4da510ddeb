"""Setting up the app: QR code drawn on the server, a right code confirms, backup codes once."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.dossiers.mfa.conftest import code_for

pytestmark = pytest.mark.django_db


def test_setup_page_shows_inline_svg_qr_code_and_secret(
    client, users, password_login, require_second_factor
):
    password_login(users["regisseur"])
    response = client.get(reverse("mfa:setup"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in content
    assert "Tweestapsverificatie instellen" in content
    assert "<script>" not in content  # no inline script: the CSP forbids it
    device = TOTPDevice.objects.get(user=users["regisseur"])
    assert device.confirmed is False
    # Reloading keeps the same secret.
    client.get(reverse("mfa:setup"))
    assert TOTPDevice.objects.filter(user=users["regisseur"]).count() == 1


def test_wrong_code_does_not_confirm(client, users, password_login, require_second_factor):
    password_login(users["regisseur"])
    client.get(reverse("mfa:setup"))
    response = client.post(reverse("mfa:setup"), {"token": "000000"})
    assert response.status_code == 200
    assert "Deze code klopt niet" in response.content.decode()
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert client.get("/admin/").status_code == 302


def test_right_code_confirms_device_shows_backup_codes_and_opens_the_admin(
    client, users, password_login, require_second_factor
):
    user = users["regisseur"]
    password_login(user)
    client.get(reverse("mfa:setup"))
    device = TOTPDevice.objects.get(user=user)
    response = client.post(
        reverse("mfa:setup"), {"token": code_for(device), "next": "/admin/dossiers/"}
    )
    assert response.status_code == 200
    codes = [t.token for t in StaticToken.objects.filter(device__user=user)]
    assert len(codes) == 10
    assert all(code in response.content.decode() for code in codes)
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200
    # With a device, setup is closed: it sends to verify instead.
    assert client.get(reverse("mfa:setup"))["Location"] == reverse("mfa:verify")


def test_setup_requires_login(client, require_second_factor):
    response = client.get(reverse("mfa:setup"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))

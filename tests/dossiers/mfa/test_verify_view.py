"""Verifying after login: the app code or a one-time backup code, never a replayed one."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from dossiers.mfa.devices import backup_codes_replace
from tests.dossiers.mfa.conftest import code_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolled(users):
    user = users["regisseur"]
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return user, device, backup_codes_replace(user=user)


def test_app_code_verifies_and_redirects_to_next(
    client, enrolled, password_login, require_second_factor
):
    user, device, _ = enrolled
    password_login(user)
    response = client.post(
        reverse("mfa:verify"), {"token": code_for(device), "next": "/admin/dossiers/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/dossiers/"
    assert client.get("/admin/dossiers/").status_code == 200


def test_wrong_code_is_refused(client, enrolled, password_login, require_second_factor):
    user, _, _ = enrolled
    password_login(user)
    response = client.post(reverse("mfa:verify"), {"token": "123456"})
    assert response.status_code == 200
    assert "Deze code klopt niet" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_backup_code_works_once(client, enrolled, password_login, require_second_factor):
    user, _, codes = enrolled
    password_login(user)
    assert client.post(reverse("mfa:verify"), {"token": codes[0]}).status_code == 302
    assert client.get("/admin/").status_code == 200
    client.post(reverse("wagtailadmin_logout"))
    password_login(user)
    response = client.post(reverse("mfa:verify"), {"token": codes[0]})
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_foreign_next_is_ignored(client, enrolled, password_login, require_second_factor):
    user, device, _ = enrolled
    password_login(user)
    response = client.post(
        reverse("mfa:verify"), {"token": code_for(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("wagtailadmin_home")


def test_verification_does_not_survive_logout(
    client, enrolled, password_login, require_second_factor
):
    user, device, _ = enrolled
    password_login(user)
    client.post(reverse("mfa:verify"), {"token": code_for(device)})
    client.post(reverse("wagtailadmin_logout"))
    password_login(user)
    assert client.get("/admin/")["Location"].startswith(reverse("mfa:verify"))

"""Fixtures for the second factor: the requirement switched on, and a way to make codes."""

import pytest
from django_otp.oath import totp

PASSWORD = "geheim-wachtwoord-123"  # the UserFactory password


@pytest.fixture
def require_second_factor(settings):
    settings.REQUIRE_SECOND_FACTOR = True
    return settings


def code_for(device, *, step_offset: int = 0) -> str:
    """The TOTP code ``device`` accepts now (or ``step_offset`` steps later)."""
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + step_offset)
    return f"{value:0{device.digits}d}"


@pytest.fixture
def password_login(client):
    """Log in through the real Wagtail login form: a password-only session."""

    def _login(user):
        response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
        assert response.status_code == 302, response.content[:500]
        return response

    return _login

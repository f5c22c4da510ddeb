"""Security headers on admin pages (S7): CSP, no-store, no framing, no sniffing."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url_name", ["wagtailadmin_home", "dossiers:index", "mfa:setup"])
def test_admin_pages_carry_the_security_headers(client, users, url_name):
    client.force_login(users["regisseur"])
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp
    assert "no-store" in response["Cache-Control"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_login_page_is_not_cached_either(client):
    response = client.get(reverse("wagtailadmin_login"))
    assert "no-store" in response["Cache-Control"]
    assert "script-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.parametrize("feature", ["camera", "microphone", "geolocation", "payment", "usb"])
def test_permissions_policy_denies_browser_features(client, users, feature):
    client.force_login(users["regisseur"])
    for response in (client.get(reverse("wagtailadmin_home")), client.get("/healthz")):
        policy = [part.strip() for part in response["Permissions-Policy"].split(",")]
        assert f"{feature}=()" in policy


def test_production_keeps_hsts_and_the_other_headers(client, users, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_SSL_REDIRECT = False
    client.force_login(users["regisseur"])
    response = client.get(reverse("wagtailadmin_home"), secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]

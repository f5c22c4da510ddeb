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

"""A password-only session reaches the second-factor pages, logout and healthz, nothing else."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

# Admin, dossiers, exports, documents, users, the handbook, the access log.
BLOCKED = [
    "/admin/",
    "/admin/dossiers/",
    "/admin/dossiers/?export=xlsx",
    "/admin/dossiers/inspect/1/",
    "/admin/documents/",
    "/documents/1/brief.pdf",
    "/admin/users/",
    "/admin/reports/site-history/",
    "/",
]


@pytest.mark.parametrize("path", BLOCKED)
def test_password_only_session_is_sent_to_setup(
    client, users, password_login, require_second_factor, path
):
    password_login(users["regisseur"])
    # A GET remembers where the user wanted to go.
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa:setup") + "?next=")
    # A POST is refused the same way and changes nothing.
    response = client.post(path, {})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa:setup")


@pytest.mark.parametrize("path", BLOCKED)
def test_user_with_device_is_sent_to_verify(
    client, users, password_login, require_second_factor, path
):
    user = users["secretaris"]
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    password_login(user)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa:verify"))


def test_allowed_pages_stay_reachable(client, users, password_login, require_second_factor):
    password_login(users["regisseur"])
    assert client.get(reverse("mfa:setup")).status_code == 200
    assert client.get("/healthz").status_code == 200
    # The admin base template loads the icon sprite and JS catalogue; a redirect there would
    # paste the whole setup page into the page (seen in the browser).
    assert client.get(reverse("wagtailadmin_sprite")).status_code == 200
    assert client.get(reverse("wagtailadmin_javascript_catalog")).status_code == 200
    # Logout works and ends the session.
    response = client.post(reverse("wagtailadmin_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_requirement_off_lets_password_sessions_through(client, users, password_login, settings):
    settings.REQUIRE_SECOND_FACTOR = False
    password_login(users["regisseur"])
    assert client.get("/admin/").status_code == 200


def test_anonymous_users_go_to_the_login_page(client, require_second_factor):
    response = client.get("/admin/dossiers/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))

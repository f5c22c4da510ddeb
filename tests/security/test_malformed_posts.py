"""Malformed POSTs get 400, never 500 (issue 15): forms missing the fields a view reads."""

import pytest
from django.urls import reverse
from wagtail.models import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def raising_client(client):
    client.raise_request_exception = False
    return client


def test_incomplete_admin_forms_are_bad_requests(raising_client, users):
    raising_client.force_login(users["programmateam"])
    page = Page.objects.filter(depth__gte=2).first()
    paths = [
        reverse("wagtailadmin_choose_page_external_link"),
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        reverse("wagtailsnippetchoosers_catalogue_intervention:create"),
    ]
    for path in paths:
        response = raising_client.post(path, {})
        assert response.status_code == 400, (path, response.status_code)
        assert "onvolledig" in response.content.decode()


def test_incomplete_redirect_import_is_a_bad_request(raising_client):
    from tests.factories.dossiers import UserFactory

    raising_client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    response = raising_client.post(reverse("wagtailredirects:process_import"), {})
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("multipart/form-data", b"--x"),
        ("multipart/form-data; boundary=b", b"--b\r\nbroken"),
        ("application/x-www-form-urlencoded", b"a=\xff\xfe&&=%"),
        ("text/plain", b"\x00\x01"),
    ],
)
def test_malformed_post_to_a_handbook_page_is_no_server_error(
    raising_client, users, content_type, body
):
    raising_client.force_login(users["regisseur"])
    for page in Page.objects.filter(depth__gte=2)[:3]:
        response = raising_client.generic("POST", page.url, body, content_type=content_type)
        assert response.status_code < 500, (page.url, response.status_code)


def test_a_real_error_on_a_post_is_still_a_server_error(raising_client, users, monkeypatch):
    """The guard is narrow: other exceptions stay 500 (so bugs are not hidden)."""
    raising_client.force_login(users["regisseur"])

    def broken(*args, **kwargs):
        raise RuntimeError("kapot")

    monkeypatch.setattr("wagtail.admin.views.chooser.ExternalLinkView.form_class", broken)
    response = raising_client.post(reverse("wagtailadmin_choose_page_external_link"), {})
    assert response.status_code == 500

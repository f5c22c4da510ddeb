"""django-axes on the Wagtail login form: 5 failures per user + IP lock the pair (S4)."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-wachtwoord-123"  # the UserFactory password
LOGIN = "/admin/login/"


def attempt(client, username, password, ip="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def visible_text(response) -> str:
    """The page without the per-request CSRF token, so two answers can be compared."""
    text = response.content.decode()
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)
    return re.sub(r'"CSRF_TOKEN": "[^"]+"', "", text)


def test_five_failures_lock_even_the_right_password(client, users):
    user = users["regisseur"]
    for _ in range(4):
        assert attempt(client, user.username, "fout-wachtwoord").status_code == 200
    # The fifth failure locks the pair.
    fifth = attempt(client, user.username, "fout-wachtwoord")
    assert fifth.status_code == 429
    # The sixth try, with the right password, is refused too and logs nobody in.
    sixth = attempt(client, user.username, PASSWORD)
    assert sixth.status_code == 429
    assert "Inloggen tijdelijk geblokkeerd" in sixth.content.decode()
    assert "_auth_user_id" not in client.session


def test_lock_is_per_user_and_ip(client, users):
    user = users["regisseur"]
    for _ in range(5):
        attempt(client, user.username, "fout-wachtwoord")
    # The same user from another address, and another user from this one, still log in.
    assert attempt(client, user.username, PASSWORD, ip="10.0.0.2").status_code == 302
    client.post(reverse("wagtailadmin_logout"))
    assert attempt(client, users["secretaris"].username, PASSWORD).status_code == 302


def test_four_failures_then_the_right_password_logs_in(client, users):
    user = users["regisseur"]
    for _ in range(4):
        attempt(client, user.username, "fout-wachtwoord")
    assert attempt(client, user.username, PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_unknown_user_and_wrong_password_get_the_same_answer(client, users):
    unknown = attempt(client, "bestaat-niet", "fout-wachtwoord")
    wrong = attempt(client, users["regisseur"].username, "fout-wachtwoord")
    assert unknown.status_code == wrong.status_code == 200
    assert visible_text(unknown).replace("bestaat-niet", "X") == visible_text(wrong).replace(
        users["regisseur"].username, "X"
    )


def test_unknown_user_is_locked_like_a_known_one(client):
    for _ in range(5):
        attempt(client, "bestaat-niet", "fout-wachtwoord")
    assert attempt(client, "bestaat-niet", "fout-wachtwoord").status_code == 429

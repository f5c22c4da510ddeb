"""django-axes on the Wagtail login form (S4, dossiers/throttling.py): 5 failures per user + IP
lock the pair for 15 minutes; 20 failures from one IP across usernames lock the address."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

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
    assert "over 15 minuten opnieuw" in sixth.content.decode()
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


def test_the_username_lock_is_short(client, users):
    user = users["regisseur"]
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(5):
            attempt(client, user.username, "fout-wachtwoord")
        assert attempt(client, user.username, PASSWORD).status_code == 429
    with time_machine.travel(start + datetime.timedelta(minutes=16), tick=False):
        assert attempt(client, user.username, PASSWORD).status_code == 302


def test_password_spraying_locks_the_address(client, users):
    """5 users x 5 wrong passwords from one IP: the address is locked for every username."""
    sprayed = ["map", "politie", "voorportaal", "regieoverleg", "secretaris"]
    for key in sprayed:
        for _ in range(5):
            attempt(client, users[key].username, "fout-wachtwoord", ip="10.9.9.9")
    locked = attempt(client, users["regisseur"].username, PASSWORD, ip="10.9.9.9")
    assert locked.status_code == 429
    assert 'data-lock="ip"' in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # Another address is not affected.
    assert attempt(client, users["regisseur"].username, PASSWORD, ip="10.9.9.10").status_code == 302


def test_spraying_below_the_per_user_limit_is_stopped_too(client, users):
    """4 wrong passwords for each of 7 users (never 5 for one user) still lock the IP."""
    keys = ["map", "politie", "voorportaal", "regieoverleg", "secretaris", "itatr", "beheer"]
    answers = [
        attempt(client, users[key].username, "fout-wachtwoord", ip="10.8.8.8").status_code
        for key in keys
        for _ in range(4)
    ]
    assert 429 in answers
    assert answers.index(429) == 19  # the 20th failure from the address locks it
    assert attempt(client, users["regisseur"].username, PASSWORD, ip="10.8.8.8").status_code == 429


def test_fly_client_ip_is_ignored_unless_behind_fly(client, users, settings):
    settings.BEHIND_FLY = False
    user = users["regisseur"]
    for n in range(5):
        attempt_from(client, user.username, "fout-wachtwoord", fly_ip=f"192.0.2.{n}")
    # A forged header does not give a fresh address: the pair (user, REMOTE_ADDR) is locked.
    assert attempt_from(client, user.username, PASSWORD, fly_ip="192.0.2.99").status_code == 429


def test_fly_client_ip_is_the_client_behind_fly(client, users, settings):
    settings.BEHIND_FLY = True
    user = users["regisseur"]
    for _ in range(5):
        attempt_from(client, user.username, "fout-wachtwoord", fly_ip="198.51.100.7")
    # Fly's proxy is REMOTE_ADDR for everyone: another client behind it is not locked out.
    assert attempt_from(client, user.username, PASSWORD, fly_ip="198.51.100.8").status_code == 302
    client.post(reverse("wagtailadmin_logout"))
    assert attempt_from(client, user.username, PASSWORD, fly_ip="198.51.100.7").status_code == 429


def attempt_from(client, username, password, *, fly_ip):
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR="172.16.0.1",
        HTTP_FLY_CLIENT_IP=fly_ip,
    )

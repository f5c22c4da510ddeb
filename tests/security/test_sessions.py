"""Sessions: 15 minutes idle, 10 hours at most, a new key at login, logout kills it (S6)."""

import datetime as dt

import pytest
import time_machine
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-wachtwoord-123"
START = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)


def login(client, user):
    response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302


def is_logged_in(client) -> bool:
    return client.get("/admin/").status_code == 200


def test_settings_say_15_minutes_sliding():
    assert settings.SESSION_COOKIE_AGE == 15 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is False  # saved once a minute of activity:
    assert settings.SESSION_REFRESH_SECONDS == 60  # dossiers.middleware.SessionLimitsMiddleware
    assert settings.SESSION_ABSOLUTE_SECONDS == 10 * 60 * 60


def test_idle_for_more_than_15_minutes_logs_out(client, users):
    with time_machine.travel(START, tick=False) as clock:
        login(client, users["regisseur"])
        clock.shift(dt.timedelta(minutes=16))
        response = client.get("/admin/")
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_activity_keeps_the_session_alive(client, users):
    with time_machine.travel(START, tick=False) as clock:
        login(client, users["regisseur"])
        for _ in range(6):  # 84 minutes in all, never 15 idle
            clock.shift(dt.timedelta(minutes=14))
            assert is_logged_in(client)


def test_requests_within_a_minute_do_not_slide_the_limit_but_a_later_one_does(client, users):
    """Saved once a minute, not on every request: idle 15 minutes after a save that was 59
    seconds before the last request logs out; a request a minute or more after the save
    slides the limit again."""
    with time_machine.travel(START, tick=False) as clock:
        login(client, users["regisseur"])
        assert is_logged_in(client)  # saved: the limit is now START + 15 min
        clock.shift(dt.timedelta(seconds=59))
        assert is_logged_in(client)  # not saved: the limit stays
        clock.shift(dt.timedelta(seconds=15 * 60 - 58))  # 15 min 1 s after the save
        assert not is_logged_in(client)
    with time_machine.travel(START, tick=False) as clock:
        login(client, users["regisseur"])
        assert is_logged_in(client)
        clock.shift(dt.timedelta(seconds=60))
        assert is_logged_in(client)  # saved: the limit is now START + 16 min
        clock.shift(dt.timedelta(seconds=14 * 60 + 30))
        assert is_logged_in(client)


def test_session_ends_10_hours_after_login_whatever_the_activity(client, users):
    with time_machine.travel(START, tick=False) as clock:
        login(client, users["regisseur"])
        assert is_logged_in(client)
        for _ in range(42):  # 9 h 48 min of steady work
            clock.shift(dt.timedelta(minutes=14))
            assert is_logged_in(client)
        clock.shift(dt.timedelta(minutes=13))  # 10 h 01 min after login
        response = client.get("/admin/")
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
        assert "_auth_user_id" not in client.session


def test_login_gives_a_new_session_key(client, users):
    session = client.session
    session["voor_het_inloggen"] = True
    session.save()
    before = client.cookies[settings.SESSION_COOKIE_NAME].value
    login(client, users["regisseur"])
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before
    assert not Session.objects.filter(session_key=before).exists()


def test_logout_kills_the_cookie_and_the_server_session(client, users):
    login(client, users["regisseur"])
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    response = client.post(reverse("wagtailadmin_logout"))
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie.value == ""
    assert cookie["max-age"] == 0
    assert not Session.objects.filter(session_key=key).exists()
    # The old cookie is worth nothing any more.
    client.cookies[settings.SESSION_COOKIE_NAME] = key
    assert not is_logged_in(client)

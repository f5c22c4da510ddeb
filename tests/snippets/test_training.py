"""Training: case directors see events and register; the programme team records attendance."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from snippets.models import TrainingRegistration
from snippets.services import (
    TrainingRegistrationRefused,
    training_attendance_record,
    training_register,
    training_unregister,
)
from tests.factories.snippets import TrainingEventFactory

pytestmark = pytest.mark.django_db


def _past_event(**kwargs):
    return TrainingEventFactory(starts_at=timezone.now() - datetime.timedelta(hours=2), **kwargs)


def test_case_director_registers_once_and_can_withdraw(users):
    event = TrainingEventFactory()
    director = users["regisseur"]
    first = training_register(event=event, user=director)
    again = training_register(event=event, user=director)
    assert first == again
    assert event.registrations.count() == 1
    training_unregister(event=event, user=director)
    assert not event.registrations.exists()


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"registration_open": False}, "gesloten"),
        ({"live": False}, "niet gepubliceerd"),
        ({"capacity": 0}, "vol"),
    ],
)
def test_registration_is_refused_when_closed_unpublished_or_full(users, kwargs, reason):
    event = TrainingEventFactory(**kwargs)
    with pytest.raises(TrainingRegistrationRefused, match=reason):
        training_register(event=event, user=users["regisseur"])
    assert not event.registrations.exists()


def test_registration_is_refused_after_the_start(users):
    with pytest.raises(TrainingRegistrationRefused):
        training_register(event=_past_event(), user=users["regisseur"])


def test_roles_without_the_permission_cannot_register(users):
    with pytest.raises(PermissionDenied):
        training_register(event=TrainingEventFactory(), user=users["map"])


def test_agenda_lists_upcoming_published_events_and_registers(client, users):
    coming = TrainingEventFactory(title="Open middag Reclassering")
    TrainingEventFactory(title="Nog een concept", live=False)
    _past_event(title="Al geweest")
    client.force_login(users["regisseur"])
    page = client.get(reverse("training_agenda")).content.decode()
    assert "Open middag Reclassering" in page
    assert "Nog een concept" not in page
    assert "Al geweest" not in page

    response = client.post(reverse("training_agenda"), {"event": coming.pk, "action": "register"})
    assert response.status_code == 302
    assert TrainingRegistration.objects.filter(event=coming, user=users["regisseur"]).exists()
    assert "Je bent aangemeld." in client.get(reverse("training_agenda")).content.decode()


def test_agenda_is_closed_to_roles_without_training(client, users):
    client.force_login(users["map"])
    # Wagtail's admin answers a denied permission with a redirect to the dashboard.
    assert client.get(reverse("training_agenda")).status_code in (302, 403)


def test_programme_team_records_attendance(client, users):
    event = TrainingEventFactory()
    present, absent = users["regisseur"], users["itatr"]
    for user in (present, absent):
        training_register(event=event, user=user)
    event.starts_at = timezone.now() - datetime.timedelta(hours=1)
    event.save()
    url = reverse("wagtailsnippets_catalogue_trainingevent:attendance", args=[event.pk])

    client.force_login(users["regisseur"])
    assert client.get(url).status_code in (302, 403)
    assert client.post(url, {"attended": [present.pk]}).status_code in (302, 403)
    assert not event.registrations.filter(attended__isnull=False).exists()

    client.force_login(users["programmateam"])
    page = client.get(url).content.decode()
    assert present.last_name in page
    response = client.post(url, {"attended": [present.pk]})
    assert response.status_code == 302
    rows = {r.user_id: r for r in event.registrations.all()}
    assert rows[present.pk].attended is True
    assert rows[absent.pk].attended is False
    assert rows[present.pk].attendance_recorded_by == users["programmateam"]


def test_attendance_cannot_be_recorded_before_the_event(users):
    event = TrainingEventFactory()
    with pytest.raises(TrainingRegistrationRefused):
        training_attendance_record(event=event, attended_user_ids=[], by=users["programmateam"])


def test_case_director_cannot_edit_training_events(client, users):
    event = TrainingEventFactory()
    client.force_login(users["regisseur"])
    edit = reverse("wagtailsnippets_catalogue_trainingevent:edit", args=[event.pk])
    response = client.post(edit, {"title": "Gekaapt", "kind": "other", "location": "x"})
    assert response.status_code in (302, 403)
    event.refresh_from_db()
    assert event.title != "Gekaapt"


def _edit_form(event, **changes) -> dict:
    data = {
        "title": event.title,
        "kind": event.kind,
        "starts_at": timezone.localtime(event.starts_at).strftime("%Y-%m-%d %H:%M"),
        "ends_at": "",
        "location": event.location,
        "description": event.description,
        "capacity": event.capacity if event.capacity is not None else "",
        "registration_open": "on" if event.registration_open else "",
        "action-publish": "action-publish",
    }
    return {**data, **changes}


def test_capacity_cannot_drop_below_the_registrations(client, users, other_director):
    event = TrainingEventFactory(capacity=5)
    for user in (users["regisseur"], users["itatr"], other_director):
        training_register(event=event, user=user)
    client.force_login(users["programmateam"])
    edit = reverse("wagtailsnippets_catalogue_trainingevent:edit", args=[event.pk])

    response = client.post(edit, _edit_form(event, capacity=2))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Er zijn al 3 aanmeldingen; het maximum kan niet lager zijn." in page
    event.refresh_from_db()
    assert event.capacity == 5
    assert event.registrations.count() == 3

    response = client.post(edit, _edit_form(event, capacity=3))
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.capacity == 3

"""Other-approach matches at the decision, a meeting that "vervalt", a series' weekday."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from dossiers.meetings.services import meeting_lapse
from dossiers.models import Meeting, MeetingKind, MeetingSeries, MeetingStatus, ObligationKind
from dossiers.obligations import obligations_open
from dossiers.services import TransitionNotAllowed, steering_decide
from dossiers.workflow.states import DossierState as S
from snippets.models import OtherApproach, OtherApproachListEntry

pytestmark = pytest.mark.django_db


def _on_a_list(dossier, users):
    subject = dossier.subject
    OtherApproachListEntry.objects.create(
        other_approach=OtherApproach.objects.create(name="Top600 (fictief)", contact="Team X"),
        reference="T-99",
        first_name=subject.first_name,
        last_name=subject.last_name,
        birth_date=subject.birth_date,
        imported_at=timezone.now(),
        imported_by=users["beheer"],
    )


def test_including_a_person_on_another_approachs_list_needs_confirmation(client, users, walk):
    dossier = walk(S.AWAITING_DECISION)
    _on_a_list(dossier, users)
    decide = {
        "dossier": dossier,
        "outcome": "include",
        "by": users["secretaris"],
        "decided_on": timezone.localdate(),
        "case_director": users["regisseur"],
    }
    with pytest.raises(TransitionNotAllowed) as refusal:
        steering_decide(**decide)
    assert "Top600 (fictief)" in str(refusal.value)
    client.force_login(users["secretaris"])
    page = client.get(reverse("dossiers:step", args=[dossier.pk]) + "?to=included").content.decode()
    assert "Bekend bij een andere aanpak" in page and "T-99" in page
    steering_decide(**decide, other_approach_confirmed=True)
    dossier.refresh_from_db()
    assert dossier.state == S.INCLUDED


def test_a_meeting_without_items_vervalt_and_sends_no_reminders(calendar, users):
    meeting = Meeting.objects.filter(
        series__kind=MeetingKind.ADVISORY, status=MeetingStatus.PLANNED
    ).earliest("date")
    day = meeting.agenda_due_date

    def agenda_keys():
        return {o.key for o in obligations_open(on=day) if o.kind == ObligationKind.AGENDA}

    assert f"agenda:{meeting.pk}" in agenda_keys()
    with pytest.raises(ValidationError):
        meeting_lapse(meeting=meeting, by=users["regisseur"])
    meeting_lapse(meeting=meeting, by=users["secretaris"])
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.NO_ITEMS and not meeting.takes_place
    assert f"agenda:{meeting.pk}" not in agenda_keys()
    from wagtail.models import ModelLogEntry

    assert ModelLogEntry.objects.filter(object_id=str(meeting.pk), user=users["secretaris"])


def test_a_series_weekday_must_match_its_first_date(db):
    series = MeetingSeries.objects.get(kind=MeetingKind.ADVISORY)
    series.first_date = series.first_date + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as refusal:
        series.full_clean()
    assert "weekdag" in str(refusal.value)

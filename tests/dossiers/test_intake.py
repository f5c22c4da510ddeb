"""Intake: registering signals, the duplicate check, the three triage outcomes, and bad input."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from dossiers.models import AccessLogEntry, Dossier, Signal, SignalAttachment, Subject
from dossiers.workflow.states import DossierState as S
from tests.factories.dossiers import SubjectFactory

pytestmark = pytest.mark.django_db

BIRTH = datetime.date(2004, 3, 9)


def _form(**overrides):
    data = {
        "received_on": timezone.localdate().isoformat(),
        "channel": "phone",
        "source_type": "teacher",
        "urgency": "normal",
        "reporter_name": "Docent Fictief",
        "reporter_organisation": "Testcollege",
        "reporter_contact": "020-0000000",
        "person_first_name": "Yara",
        "person_last_name": "Testersma",
        "person_birth_date": BIRTH.isoformat(),
        "person_details": "",
        "concern": "Deelt extremistische filmpjes in de klas.",
    }
    data.update(overrides)
    return data


def test_intake_registers_a_signal_and_opens_a_case(client, users):
    client.force_login(users["map"])
    response = client.post(reverse("signals:add"), _form())
    signal = Signal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("dossiers:inspect", args=[signal.dossier_id])
    assert signal.dossier.state == S.REGISTERED
    assert signal.dossier.subject.last_name == "Testersma"
    assert signal.registered_by == users["map"]
    assert signal.dossier.history.get().to_state == S.REGISTERED


def test_known_person_shows_the_match_before_a_duplicate_is_made(client, users, walk):
    known = walk(S.IN_EXECUTION)
    Subject.objects.filter(pk=known.subject_id).update(
        first_name="Yara", last_name="Testersma", birth_date=BIRTH
    )
    client.force_login(users["map"])
    response = client.post(reverse("signals:add"), _form(person_last_name="Testerssma"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Mogelijk is deze persoon al bekend" in content
    assert known.reference in content
    assert not Signal.objects.exists()
    assert AccessLogEntry.objects.filter(dossier_reference=known.reference).count() == 1

    linked = client.post(reverse("signals:add"), _form(link_to=str(known.pk)))
    assert linked.status_code == 302
    assert Dossier.objects.count() == 1
    assert Signal.objects.get().dossier == known


def test_user_can_confirm_a_new_person_despite_a_match(client, users, walk):
    known = walk(S.PRE_ASSESSMENT)
    Subject.objects.filter(pk=known.subject_id).update(
        first_name="Yara", last_name="Testersma", birth_date=BIRTH
    )
    client.force_login(users["map"])
    response = client.post(reverse("signals:add"), _form(link_to="new"))
    assert response.status_code == 302
    assert Dossier.objects.count() == 2
    new = Signal.objects.get().dossier
    assert new != known
    assert new.subject_id not in (None, known.subject_id)  # a second person, not the match
    assert Subject.objects.filter(last_name="Testersma", birth_date=BIRTH).count() == 2


def test_open_signal_without_subject_is_a_candidate(client, users):
    client.force_login(users["map"])
    client.post(reverse("signals:add"), _form())
    Dossier.objects.update(subject=None)
    response = client.post(reverse("signals:add"), _form(person_first_name="Jara"))
    assert "Mogelijk is deze persoon al bekend" in response.content.decode()


def test_different_birth_date_is_no_match(client, users):
    other = SubjectFactory(
        first_name="Yara", last_name="Testersma", birth_date=datetime.date(1990, 1, 1)
    )
    client.force_login(users["map"])
    response = client.post(reverse("signals:add"), _form())
    assert response.status_code == 302
    subject = Signal.objects.get().dossier.subject
    assert subject != other  # a new person, not the namesake
    assert subject.birth_date == BIRTH
    assert Subject.objects.count() == 2


@pytest.mark.parametrize(
    ("overrides", "field_message"),
    [
        ({"received_on": "2999-01-01"}, "De ontvangstdatum kan niet in de toekomst liggen."),
        (
            {"source_type": "anonymous"},
            "Bij een anonieme melding worden geen gegevens van de melder vastgelegd.",
        ),
        ({"reporter_name": ""}, "Vul de naam van de melder in"),
        ({"concern": ""}, "Dit is een verplicht veld."),
        ({"person_last_name": ""}, "Vul voor- en achternaam van de betrokkene allebei in"),
    ],
)
def test_bad_input_gets_a_dutch_error_and_saves_nothing(client, users, overrides, field_message):
    client.force_login(users["map"])
    response = client.post(reverse("signals:add"), _form(**overrides))
    assert response.status_code == 200
    assert field_message in response.content.decode()
    assert not Signal.objects.exists()
    assert not Dossier.objects.exists()


def test_attachments_are_checked_on_extension_and_content(client, users):
    client.force_login(users["map"])
    fake_pdf = SimpleUploadedFile("verslag.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    response = client.post(reverse("signals:add"), {**_form(), "attachments": [fake_pdf]})
    assert "past niet bij de extensie .pdf" in response.content.decode()
    assert not Signal.objects.exists()
    script = SimpleUploadedFile("x.exe", b"MZ", "application/octet-stream")
    response = client.post(reverse("signals:add"), {**_form(), "attachments": [script]})
    assert "Bestandstype .exe is niet toegestaan" in response.content.decode()


def test_attachment_is_stored_and_downloaded_with_a_log_row(client, users, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(users["map"])
    pdf = SimpleUploadedFile("verslag.pdf", b"%PDF-1.4 fictief", "application/pdf")
    client.post(reverse("signals:add"), {**_form(), "attachments": [pdf]})
    attachment = SignalAttachment.objects.get()
    response = client.get(reverse("signals:attachment", args=[attachment.pk]))
    assert b"".join(response.streaming_content) == b"%PDF-1.4 fictief"
    assert AccessLogEntry.objects.filter(action="download").count() == 1
    client.force_login(users["regisseur"])
    assert client.get(reverse("signals:attachment", args=[attachment.pk])).status_code == 404


@pytest.mark.parametrize(
    ("target", "extra", "expected_signal"),
    [
        (S.TRIAGE_CLOSED, {"close_reason": "coaching"}, {"triage_close_reason": "coaching"}),
        (
            S.REGULAR_TRACK,
            {"destination": "Wijkteam Oost"},
            {"regular_track_destination": "Wijkteam Oost"},
        ),
        (S.PRE_ASSESSMENT, {}, {}),
    ],
)
def test_intake_triages_each_of_the_three_ways(client, users, target, extra, expected_signal):
    client.force_login(users["map"])
    client.post(reverse("signals:add"), _form())
    signal = Signal.objects.get()
    url = reverse("dossiers:step", args=[signal.dossier_id])
    response = client.post(url, {"to": target, "note": "eerste beoordeling", **extra})
    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.dossier.state == target
    for field, value in expected_signal.items():
        assert getattr(signal, field) == value


def test_triage_close_without_reason_is_refused(client, users):
    client.force_login(users["map"])
    client.post(reverse("signals:add"), _form())
    dossier = Dossier.objects.get()
    response = client.post(reverse("dossiers:step", args=[dossier.pk]), {"to": S.TRIAGE_CLOSED})
    assert response.status_code == 200
    assert "Dit is een verplicht veld." in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.state == S.REGISTERED


def test_intake_lists_open_signals_only_within_scope(client, users, walk):
    client.force_login(users["map"])
    client.post(reverse("signals:add"), _form())
    content = client.get(reverse("signals:index")).content.decode()
    assert "Testersma" in content
    client.force_login(users["regisseur"])
    assert "Testersma" not in client.get(reverse("signals:index")).content.decode()

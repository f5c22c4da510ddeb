"""The MAP makes, downloads and registers letters; the PDF says the right thing to each."""

import datetime

import pytest
from django.urls import reverse

from dossiers.models import AccessLogEntry, NotificationLetter
from tests.letters.conftest import DECIDED, letter_of, pdf_text

pytestmark = pytest.mark.django_db


def _generate(client, letter):
    return client.post(reverse("letters:generate", args=[letter.pk]))


def _download(client, letter):
    response = client.get(reverse("letters:download", args=[letter.pk]))
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    return pdf_text(b"".join(response.streaming_content))


def test_map_generates_downloads_and_registers_letters_of_a_minor(
    minor_with_parents, client, users, clock
):
    dossier, mother, father = minor_with_parents
    clock.move_to(DECIDED + datetime.timedelta(days=5))
    client.force_login(users["map"])
    register = reverse("letters:register", args=[dossier.pk])
    page = client.get(register).content.decode()
    assert "Karim Bedacht" in page and "15 april 2027" in page

    for letter in dossier.letters.all():
        assert _generate(client, letter).status_code == 302
    own = letter_of(dossier, "subject")
    parents = NotificationLetter.objects.filter(dossier=dossier, recipient_kind="parent")
    assert (
        own.file and own.generated_by == users["map"] and own.template.recipient_kind == "subject"
    )

    text = _download(client, own)
    assert "Geachte Yara Verzonnen" in text
    assert "Uw opname in de IPGA Radicalisering" in text
    assert "Fictieweg 12" in text and "30 maart 2027" in text  # address, letter date
    assert "25 maart 2027" in text and dossier.reference in text  # decision, reference
    assert "de burgemeester van Amsterdam" in text  # signature block
    for parent in parents:
        text = _download(client, parent)
        assert f"Geachte {parent.recipient_name}" in text
        assert "uw kind Yara Verzonnen" in text and "minderjarig" in text
    assert "Karim Bedacht" in text and "Denkbeeldlaan 3" in text

    # every download wrote one access-log row about this dossier
    downloads = AccessLogEntry.objects.filter(action="download", dossier_id_snapshot=dossier.pk)
    assert downloads.count() == 3
    assert set(downloads.values_list("username", flat=True)) == {"map"}

    sent_on = (DECIDED + datetime.timedelta(days=4)).isoformat()
    for letter in dossier.letters.all():
        response = client.post(
            reverse("letters:send", args=[letter.pk]), {"sent_on": sent_on, "route": "post"}
        )
        assert response.status_code == 302, response.content.decode()[:3000]
    assert set(dossier.letters.values_list("sent_on", "route", "sent_by")) == {
        (DECIDED + datetime.timedelta(days=4), "post", users["map"].pk)
    }
    page = client.get(register).content.decode()
    assert "29 maart 2027, per post naar het adres, door" in page
    assert "te laat" not in page


def test_detained_subject_letter_goes_through_the_institution(detained, client, users, clock):
    clock.move_to(DECIDED + datetime.timedelta(days=2))
    client.force_login(users["map"])
    letter = letter_of(detained, "detained")
    # No address of the institution yet: refused, with the reason.
    response = _generate(client, letter)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Het adres ontbreekt" in page
    letter.refresh_from_db()
    assert not letter.file

    response = client.post(
        reverse("letters:change", args=[letter.pk]),
        {
            "recipient_kind": "detained",
            "recipient_name": "Daan Gefantaseerd",
            "institution": "PI Fictiefstad",
            "street": "Bajesweg 1",
            "postcode": "9999 ZZ",
            "city": "Fictiefstad",
        },
    )
    assert response.status_code == 302
    assert _generate(client, letter).status_code == 302
    letter.refresh_from_db()
    text = _download(client, letter)
    assert "t.a.v. de casemanager, voor Daan Gefantaseerd" in text
    assert "PI Fictiefstad" in text and "Bajesweg 1" in text
    assert "reikt de casemanager van de inrichting u deze brief uit" in text

    send = reverse("letters:send", args=[letter.pk])
    day = (DECIDED + datetime.timedelta(days=1)).isoformat()
    refused = client.post(send, {"sent_on": day, "route": "post"})
    assert "Via de PI/JJI gaat alleen" in refused.content.decode()
    assert client.post(send, {"sent_on": day, "route": "institution"}).status_code == 302
    letter.refresh_from_db()
    assert (letter.route, letter.sent_by) == ("institution", users["map"])


def test_map_reaches_letters_but_not_the_dossier(minor_with_parents, client, users):
    dossier, _, _ = minor_with_parents
    client.force_login(users["map"])
    assert client.get(reverse("dossiers:inspect", args=[dossier.pk])).status_code == 404
    assert client.get(reverse("letters:register", args=[dossier.pk])).status_code == 200
    listing = client.get(reverse("letters:index")).content.decode()
    assert "Karim Bedacht" in listing
    export = client.get(reverse("letters:index"), {"export": "csv"})
    assert export.status_code == 200
    body = b"".join(export.streaming_content).decode()
    assert (
        dossier.reference in body and "15-04-2027" in body
    )  # Dutch date in the CSV for Dutch Excel
    assert AccessLogEntry.objects.filter(action="export", username="map").count() == 1


def test_other_users_get_404(minor_with_parents, client, users, other_director):
    dossier, _, _ = minor_with_parents
    letter = letter_of(dossier, "subject")
    client.force_login(users["map"])
    _generate(client, letter)
    for user in (other_director, users["voorportaal"], users["programmateam"]):
        client.force_login(user)
        for name, args in [
            ("letters:download", [letter.pk]),
            ("letters:generate", [letter.pk]),
            ("letters:send", [letter.pk]),
            ("letters:change", [letter.pk]),
            ("letters:register", [dossier.pk]),
            ("letters:add_letter", [dossier.pk]),
            ("letters:propose", [dossier.pk]),
        ]:
            path = reverse(name, args=args)
            assert client.get(path).status_code == 404, (user, name)
            assert client.post(path).status_code == 404, (user, name)
    assert not AccessLogEntry.objects.filter(action="download").exists()
    # the secretary sees the dossier, but letters are not its business
    client.force_login(users["secretaris"])
    for name, args in [("letters:register", [dossier.pk]), ("letters:download", [letter.pk])]:
        response = client.get(reverse(name, args=args))
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    # the case director of the dossier may read the register and download, not make or send
    client.force_login(users["regisseur"])
    assert client.get(reverse("letters:download", args=[letter.pk])).status_code == 200
    # (Wagtail answers a refused admin action with a redirect to the dashboard.)
    refused = client.post(reverse("letters:generate", args=[letter.pk]))
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    refused = client.post(
        reverse("letters:send", args=[letter.pk]),
        {"sent_on": DECIDED.isoformat(), "route": "post"},
    )
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    letter.refresh_from_db()
    assert letter.generated_by == users["map"] and letter.sent_on is None

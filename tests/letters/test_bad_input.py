"""Bad input is refused clearly, in Dutch, and nothing is written."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from dossiers.letters.services import letter_add, letter_generate, letter_send_record
from dossiers.models import NotificationLetter
from tests.factories.dossiers import DossierFactory, SubjectFactory
from tests.letters.conftest import DECIDED, D

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def homeless(included):
    """A subject without a registered address."""
    subject = SubjectFactory(
        first_name="Noor", last_name="Zonderadres", birth_date=D(1999, 9, 9), street="", city=""
    )
    return included(DossierFactory(subject=subject))


def test_send_date_before_the_decision_is_refused(homeless, users, client, clock):
    clock.move_to(DECIDED + 3 * DAY)
    letter = homeless.letters.get()
    letter.recipient_kind = "subject_handover"
    letter.save()
    letter_generate(letter=letter, by=users["map"])
    client.force_login(users["map"])
    send = reverse("letters:send", args=[letter.pk])
    response = client.post(send, {"sent_on": (DECIDED - DAY).isoformat(), "route": "handover"})
    assert response.status_code == 200
    assert "De verzenddatum ligt vóór het besluit tot opname (25-03-2027)." in (
        response.content.decode()
    )
    response = client.post(send, {"sent_on": (DECIDED + 9 * DAY).isoformat(), "route": "handover"})
    assert "De verzenddatum ligt in de toekomst." in response.content.decode()
    letter.refresh_from_db()
    assert letter.sent_on is None


def test_letter_without_address_and_no_handover_is_refused(homeless, users, client, clock):
    clock.move_to(DECIDED + DAY)
    letter = homeless.letters.get()
    client.force_login(users["map"])
    response = client.post(reverse("letters:generate", args=[letter.pk]), follow=True)
    assert "Het adres ontbreekt" in response.content.decode()
    letter.refresh_from_db()
    assert not letter.file
    # adding one for a recipient without address is refused in the form too
    response = client.post(
        reverse("letters:add_letter", args=[homeless.pk]),
        {"recipient_kind": "family", "recipient_name": "Oom Fictief"},
    )
    assert response.status_code == 200 and "Het adres ontbreekt" in response.content.decode()
    assert homeless.letters.count() == 1
    # by hand-over it may: the kind says so, and then the route must be hand-over
    client.post(
        reverse("letters:change", args=[letter.pk]),
        {"recipient_kind": "subject_handover", "recipient_name": "Noor Zonderadres"},
    )
    letter.refresh_from_db()
    assert letter.recipient_kind == "subject_handover"
    letter_generate(letter=letter, by=users["map"])
    with pytest.raises(ValidationError) as refused:
        letter_send_record(letter=letter, by=users["map"], sent_on=DECIDED + DAY, route="post")
    assert "Per post kan niet: de ontvanger heeft geen adres." in str(refused.value)
    letter_send_record(letter=letter, by=users["map"], sent_on=DECIDED + DAY, route="handover")


def test_no_sending_before_the_letter_is_made_or_twice(homeless, users, clock):
    clock.move_to(DECIDED + DAY)
    letter = letter_add(
        dossier=homeless,
        by=users["map"],
        data={
            "recipient_kind": "parent",
            "recipient_name": "Voogd Fictief",
            "street": "Voogdijstraat 4",
            "city": "Amsterdam",
        },
    )
    with pytest.raises(ValidationError, match="Maak eerst de brief"):
        letter_send_record(letter=letter, by=users["map"], sent_on=DECIDED + DAY, route="post")
    letter_generate(letter=letter, by=users["map"])
    letter_send_record(letter=letter, by=users["map"], sent_on=DECIDED + DAY, route="post")
    with pytest.raises(ValidationError, match="al vastgelegd"):
        letter_send_record(letter=letter, by=users["map"], sent_on=DECIDED + DAY, route="post")
    with pytest.raises(ValidationError, match="al verzonden"):
        letter_generate(letter=letter, by=users["map"])
    assert NotificationLetter.objects.get(pk=letter.pk).sent_on == DECIDED + DAY

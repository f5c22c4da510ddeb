"""The Regieoverleg's decision: include with a case director, do not include, or hold."""

import pytest
from django.urls import reverse
from django.utils import timezone

from dossiers.models import SteeringDecision
from dossiers.workflow.states import DossierState as S

pytestmark = pytest.mark.django_db


def _post(client, dossier, **data):
    payload = {"decided_on": timezone.localdate().isoformat(), "note": "", **data}
    return client.post(reverse("dossiers:step", args=[dossier.pk]), payload)


def test_include_appoints_the_case_director_who_then_sees_the_basisdossier(
    client, users, walk, other_director
):
    dossier = walk(S.AWAITING_DECISION)
    client.force_login(users["secretaris"])
    response = _post(
        client, dossier, to=S.INCLUDED, case_director=users["regisseur"].pk, note="Opnemen"
    )
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.state == S.INCLUDED
    assert dossier.case_director == users["regisseur"]
    decision = SteeringDecision.objects.get()
    assert (decision.outcome, decision.case_director, decision.organisation) == (
        "include",
        users["regisseur"],
        users["regisseur"].organisation,
    )
    client.force_login(users["regisseur"])
    page = client.get(reverse("dossiers:inspect", args=[dossier.pk])).content.decode()
    assert "Basisdossier" in page and dossier.subject.last_name in page
    client.force_login(other_director)
    assert client.get(reverse("dossiers:inspect", args=[dossier.pk])).status_code == 404


def test_decision_without_case_director_is_refused(client, users, walk):
    dossier = walk(S.AWAITING_DECISION)
    client.force_login(users["secretaris"])
    response = _post(client, dossier, to=S.INCLUDED)
    assert response.status_code == 200
    assert "Dit is een verplicht veld." in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.state == S.AWAITING_DECISION
    assert not SteeringDecision.objects.exists()


def test_not_including_records_reason_and_destination(client, users, walk):
    dossier = walk(S.AWAITING_DECISION)
    client.force_login(users["secretaris"])
    _post(client, dossier, to=S.NOT_INCLUDED, note="Geen radicalisering", destination="Top1000")
    decision = SteeringDecision.objects.get()
    assert (decision.outcome, decision.reason, decision.destination) == (
        "not_include",
        "Geen radicalisering",
        "Top1000",
    )


def test_hold_records_what_is_missing(client, users, walk):
    dossier = walk(S.AWAITING_DECISION)
    client.force_login(users["secretaris"])
    _post(client, dossier, to=S.ON_HOLD, missing_information="Informatie van school")
    dossier.refresh_from_db()
    assert dossier.state == S.ON_HOLD
    assert SteeringDecision.objects.get().missing_information == "Informatie van school"


def test_decision_date_in_the_future_is_refused(client, users, walk):
    dossier = walk(S.AWAITING_DECISION)
    client.force_login(users["secretaris"])
    response = _post(
        client, dossier, to=S.ON_HOLD, missing_information="x", decided_on="2999-01-01"
    )
    assert "De besluitdatum kan niet in de toekomst liggen." in response.content.decode()
    assert not SteeringDecision.objects.exists()

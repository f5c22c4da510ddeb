"""The assessment framework in the Voorportaal: completeness guard, urgent signals, bad input."""

import datetime

import pytest
from django.urls import reverse

from dossiers.models import Assessment, PartnerInformation
from dossiers.services import TransitionNotAllowed, dossier_transition
from dossiers.services.assessment import ASSESSMENT_FORM_SLUG, assessment_missing
from dossiers.workflow.states import DossierState as S
from forms.selectors import form_version_current
from snippets.models import Organisation, OtherApproach, ProblemArea, RiskGroup
from tests.factories.assessment import valid_answers

pytestmark = pytest.mark.django_db


def _payload(**overrides):
    data = {
        "kader-risk_groups": [RiskGroup.objects.get(number=3).pk],
        "kader-risks": "Mogelijke uitreis",
        "kader-problem_areas": [ProblemArea.objects.first().pk],
        "kader-other_approach_checked": "on",
        "kader-other_approaches": [OtherApproach.objects.get(name="Top600").pk],
        "kader-advice": "include",
        "kader-advice_text": "Opnemen",
        "partners-TOTAL_FORMS": "1",
        "partners-INITIAL_FORMS": "0",
        "partners-0-organisation": Organisation.objects.get(short_name="Politie").pk,
        "partners-0-contact_name": "Wijkagent Fictief",
        "partners-0-requested_on": "2026-01-05",
        "partners-0-received_on": "2026-01-07",
        "partners-0-summary": "Bekend bij politie",
        **valid_answers(),
    }
    data.update(overrides)
    return data


def test_voorportaal_completes_the_framework_and_advises(client, users, walk):
    dossier = walk(S.PRE_ASSESSMENT)
    with pytest.raises(TransitionNotAllowed) as refusal:
        dossier_transition(dossier=dossier, to=S.AWAITING_DECISION, by=users["voorportaal"])
    assert "Het beoordelingskader is nog niet ingevuld." in refusal.value.reasons

    client.force_login(users["voorportaal"])
    response = client.post(reverse("dossiers:assessment", args=[dossier.pk]), _payload())
    assert response.status_code == 302
    assessment = Assessment.objects.get(dossier=dossier)
    assert list(assessment.risk_groups.values_list("number", flat=True)) == [3]
    assert assessment.form_response.dossier == dossier
    assert PartnerInformation.objects.get().contact_name == "Wijkagent Fictief"
    assert assessment_missing(dossier=dossier) == []

    dossier_transition(dossier=dossier, to=S.AWAITING_DECISION, by=users["voorportaal"])
    dossier.refresh_from_db()
    assert dossier.state == S.AWAITING_DECISION
    page = client.get(reverse("dossiers:inspect", args=[dossier.pk])).content.decode()
    assert "Wijkagent Fictief" in page and "Opnemen in de aanpak" in page


def test_urgent_signal_may_go_on_incomplete_and_is_flagged(client, users, walk):
    dossier = walk(S.PRE_ASSESSMENT)
    dossier.urgent = True
    dossier.save(update_fields=["urgent"])
    dossier_transition(dossier=dossier, to=S.AWAITING_DECISION, by=users["voorportaal"])
    dossier_transition(
        dossier=dossier, to=S.INCLUDED, by=users["secretaris"], case_director=users["regisseur"]
    )
    client.force_login(users["regisseur"])
    page = client.get(reverse("dossiers:inspect", args=[dossier.pk])).content.decode()
    assert "het basisdossier is nog onvolledig" in page
    assert reverse("dossiers:assessment", args=[dossier.pk]) in page
    response = client.post(reverse("dossiers:assessment", args=[dossier.pk]), _payload())
    assert response.status_code == 302
    assert assessment_missing(dossier=dossier) == []


def test_bad_partner_dates_and_missing_answers_save_nothing(client, users, walk):
    dossier = walk(S.PRE_ASSESSMENT)
    client.force_login(users["voorportaal"])
    late = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    response = client.post(
        reverse("dossiers:assessment", args=[dossier.pk]),
        _payload(**{"partners-0-requested_on": late}),
    )
    assert response.status_code == 200
    assert "de aanvraagdatum ligt in de toekomst" in response.content.decode()
    assert not Assessment.objects.exists()

    required = next(
        f for f in form_version_current(slug=ASSESSMENT_FORM_SLUG).fields if f.get("required")
    )
    response = client.post(
        reverse("dossiers:assessment", args=[dossier.pk]), _payload(**{required["key"]: ""})
    )
    assert response.status_code == 200
    assert not Assessment.objects.exists()


def test_others_may_not_fill_the_framework(client, users, walk, other_director):
    dossier = walk(S.PRE_ASSESSMENT)
    client.force_login(users["regisseur"])
    assert client.get(reverse("dossiers:assessment", args=[dossier.pk])).status_code == 404
    client.force_login(users["map"])
    assert client.get(reverse("dossiers:assessment", args=[dossier.pk])).status_code == 404
    included = walk(S.INCLUDED)
    client.force_login(other_director)
    assert client.get(reverse("dossiers:assessment", args=[included.pk])).status_code == 404

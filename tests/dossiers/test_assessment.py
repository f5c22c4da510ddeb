"""The assessment framework in the Voorportaal: one form, concept then submit, the guard reads
the submitted answers, urgent signals, bad input."""

import datetime

import pytest
from django.urls import reverse

from dossiers.models import Assessment, PartnerInformation
from dossiers.services import TransitionNotAllowed, dossier_transition
from dossiers.services.assessment import ASSESSMENT_FORM_SLUG, assessment_missing
from dossiers.workflow.states import DossierState as S
from forms.models import FormResponse
from forms.selectors import form_version_current
from snippets.models import Organisation, OtherApproach, ProblemArea, RiskGroup
from tests.factories.assessment import assessment_answers

pytestmark = pytest.mark.django_db


def _key(binding: str) -> str:
    version = form_version_current(slug=ASSESSMENT_FORM_SLUG)
    return next(f["key"] for f in version.fields if f.get("binding") == binding)


def _payload(action="submit", **overrides):
    data = {
        "action": action,
        "partners-TOTAL_FORMS": "1",
        "partners-INITIAL_FORMS": "0",
        "partners-0-organisation": Organisation.objects.get(short_name="Politie").pk,
        "partners-0-contact_name": "Wijkagent Fictief",
        "partners-0-requested_on": "2026-01-05",
        "partners-0-received_on": "2026-01-07",
        "partners-0-summary": "Bekend bij politie",
        **assessment_answers(
            risk_groups=[str(RiskGroup.objects.get(number=3).pk)],
            problem_areas=[str(ProblemArea.objects.first().pk)],
            other_approach_known="ja",
            other_approaches=[str(OtherApproach.objects.get(name="Top600").pk)],
        ),
    }
    data.update(overrides)
    return data


def test_voorportaal_completes_the_framework_and_advises(client, users, walk):
    dossier = walk(S.PRE_ASSESSMENT)
    with pytest.raises(TransitionNotAllowed) as refusal:
        dossier_transition(dossier=dossier, to=S.AWAITING_DECISION, by=users["voorportaal"])
    assert "Het beoordelingskader is nog niet ingevuld." in refusal.value.reasons

    client.force_login(users["voorportaal"])
    page = client.get(reverse("dossiers:assessment", args=[dossier.pk])).content.decode()
    # one form: the risk groups are asked once, from the reference data
    assert page.count('Risicogroep(en)<span class="w-required-mark"') == 1
    assert str(RiskGroup.objects.get(number=3)) in page

    response = client.post(reverse("dossiers:assessment", args=[dossier.pk]), _payload())
    assert response.status_code == 302
    assessment = Assessment.objects.get(dossier=dossier)
    assert list(assessment.risk_groups.values_list("number", flat=True)) == [3]
    assert list(assessment.other_approaches.values_list("name", flat=True)) == ["Top600"]
    assert assessment.advice == "include" and assessment.other_approach_checked
    assert assessment.form_response.dossier == dossier
    assert not assessment.form_response.is_draft
    assert PartnerInformation.objects.get().contact_name == "Wijkagent Fictief"
    assert assessment_missing(dossier=dossier) == []

    dossier_transition(dossier=dossier, to=S.AWAITING_DECISION, by=users["voorportaal"])
    dossier.refresh_from_db()
    assert dossier.state == S.AWAITING_DECISION
    page = client.get(reverse("dossiers:inspect", args=[dossier.pk])).content.decode()
    assert "Wijkagent Fictief" in page and "Opnemen in de aanpak" in page
    assert str(RiskGroup.objects.get(number=3)) in page
    assert page.count('class="structuredforms-answers"') >= 1
    assert "Nog niet ingediend" not in page


def test_a_concept_changes_nothing_and_shows_every_answer_again(client, users, walk):
    dossier = walk(S.PRE_ASSESSMENT)
    client.force_login(users["voorportaal"])
    url = reverse("dossiers:assessment", args=[dossier.pk])
    # a concept may be incomplete: only the "Nee" answers and nothing else required
    response = client.post(
        url,
        {
            "action": "draft",
            "partners-TOTAL_FORMS": "0",
            "partners-INITIAL_FORMS": "0",
            _key("other_approach_known"): "nee",
            _key("urgent"): "nee",
        },
    )
    assert response.status_code == 302
    draft = FormResponse.objects.get(dossier=dossier)
    assert draft.is_draft
    assert draft.answers[_key("other_approach_known")] is False
    assessment = Assessment.objects.get(dossier=dossier)
    assert assessment.form_response is None and not assessment.other_approach_checked
    assert "Het beoordelingskader is nog niet ingevuld." in assessment_missing(dossier=dossier)
    with pytest.raises(TransitionNotAllowed):
        dossier_transition(dossier=dossier, to=S.AWAITING_DECISION, by=users["voorportaal"])

    page = client.get(url).content.decode()
    nee = f'name="{_key("other_approach_known")}" value="nee"'
    assert nee in page
    checked = page[page.index(nee) : page.index(nee) + 200]
    assert "checked" in checked

    # submitting the concept (now complete) makes it the one response
    client.post(url, _payload())
    assert FormResponse.objects.filter(dossier=dossier).count() == 1
    assert not FormResponse.objects.get(dossier=dossier).is_draft
    assert assessment_missing(dossier=dossier) == []


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
    form = client.get(reverse("dossiers:assessment", args=[dossier.pk])).content.decode()
    spoed = f'name="{_key("urgent")}" value="ja"'
    assert "checked" in form[form.index(spoed) : form.index(spoed) + 200]
    response = client.post(
        reverse("dossiers:assessment", args=[dossier.pk]), _payload(**{_key("urgent"): "ja"})
    )
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

    response = client.post(
        reverse("dossiers:assessment", args=[dossier.pk]),
        _payload(**{_key("risk_groups"): [], "partners-0-contact_name": "Getypt blijft staan"}),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert not Assessment.objects.exists()
    # the summary at the top links to the field; what was typed is still there
    summary = page[page.index("error-summary") :]
    assert f'href="#id_{_key("risk_groups")}' in summary
    assert "Dit veld is verplicht." in summary
    assert "Getypt blijft staan" in page


def test_others_may_not_fill_the_framework(client, users, walk, other_director):
    dossier = walk(S.PRE_ASSESSMENT)
    client.force_login(users["regisseur"])
    assert client.get(reverse("dossiers:assessment", args=[dossier.pk])).status_code == 404
    client.force_login(users["map"])
    assert client.get(reverse("dossiers:assessment", args=[dossier.pk])).status_code == 404
    included = walk(S.INCLUDED)
    client.force_login(other_director)
    assert client.get(reverse("dossiers:assessment", args=[included.pk])).status_code == 404

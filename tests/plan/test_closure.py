"""Evaluations, wind-down and closure proposals, and the dossier after closing: read-only."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from dossiers.execution.services import journal_entry_add
from dossiers.models import (
    ClosureDecision,
    ClosureProposal,
    Evaluation,
    JournalEntry,
    ObligationKind,
    PlanItem,
    PlanVersion,
)
from dossiers.obligations import dossier_obligations
from dossiers.services import TransitionNotAllowed, dossier_transition
from dossiers.workflow.states import DossierState as S
from tests.factories.step_forms import step_post

pytestmark = pytest.mark.django_db
REFUSED = (302, 403)


def test_an_evaluation_records_results_per_item_and_feeds_the_plan(client, users, walk):
    dossier = walk(S.IN_EXECUTION)
    item = PlanItem.objects.get(dossier=dossier)
    item.status = "running"
    item.save()
    versions = PlanVersion.objects.filter(dossier=dossier).count()
    client.force_login(users["regisseur"])
    response = client.post(
        reverse("dossiers:evaluation_add", args=[dossier.pk]),
        step_post(
            "evaluatie",
            evaluated_on=timezone.localdate().isoformat(),
            judgement="on_track",
            judgement_note="Gaat de goede kant op",
            item_results=[
                {
                    "plan_item": item.pk,
                    "result": "Twee keer per week op school",
                    "goal_attainment": "partly",
                }
            ],
        ),
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    evaluation = Evaluation.objects.get(dossier=dossier)
    assert evaluation.form_response.version.definition.slug == "evaluatie"
    row = evaluation.items.get()
    assert (row.plan_item, row.goal_attainment) == (item, "partly")
    item.refresh_from_db()
    assert (item.result, item.goal_attainment) == ("Twee keer per week op school", "partly")
    assert PlanVersion.objects.filter(dossier=dossier).count() == versions + 1
    # The evaluation is done: the next one is due 84 days later.
    due = {o.kind: o.due_on for o in dossier_obligations(dossier=dossier)}
    assert (due[ObligationKind.EVALUATION] - evaluation.evaluated_on).days == 84
    page = client.get(reverse("dossiers:inspect", args=[dossier.pk])).content.decode()
    assert "Plan loopt goed" in page and "Doel deels bereikt" in page


def test_no_closure_without_a_proposal(users, walk):
    dossier = walk(S.IN_EXECUTION)
    with pytest.raises(TransitionNotAllowed) as refusal:
        dossier_transition(dossier=dossier, to=S.CLOSURE_PROPOSED, by=users["regisseur"])
    assert refusal.value.reasons == [
        "Stel eerst een afbouw- of afsluitvoorstel op (behaalde doelen, overwegingen)."
    ]


def test_no_decision_without_an_advised_proposal(users, walk):
    dossier = walk(S.CLOSURE_ADVISED)
    # Data from before this system: no proposal recorded (the advice is what is missing).
    ClosureProposal.objects.filter(dossier=dossier).update(advice="")
    with pytest.raises(TransitionNotAllowed) as refusal:
        dossier_transition(dossier=dossier, to=S.CLOSED, by=users["secretaris"])
    assert "zonder voorstel kan het Regieoverleg niet besluiten" in refusal.value.reasons[0]


def test_propose_closure_then_advice_and_decision_close_the_dossier_read_only(client, users, walk):
    director, secretary = users["regisseur"], users["secretaris"]
    dossier = walk(S.IN_EXECUTION)
    client.force_login(director)
    url = reverse("dossiers:closure_add", args=[dossier.pk])
    facts = {
        "kind": "close",
        "goals_achieved": "Weer naar school, werk gevonden",
        "considerations": "Geen signalen meer",
        "warm_handover": "ja",
    }
    # "Indienen" keeps a concept and asks for confirmation; nothing is proposed yet.
    response = client.post(url, step_post("afbouw-afsluitvoorstel", **facts))
    assert response.status_code == 302 and response["Location"].endswith("?bevestigen=1")
    page = client.get(response["Location"]).content.decode()
    assert "u kunt het voorstel daarna niet meer wijzigen" in page
    assert "Weer naar school, werk gevonden" in page
    assert not ClosureProposal.objects.filter(dossier=dossier).exists()
    dossier.refresh_from_db()
    assert dossier.state == S.IN_EXECUTION
    # Confirming checks the whole proposal: a warm handover needs to say to whom. The refusal
    # shows the form with the error, also when posted to the confirmation's own address.
    response = client.post(f"{url}?bevestigen=1", {"action": "confirm"})
    assert "Weet u het zeker?" not in response.content.decode()
    assert "Vermeld aan wie warm wordt overgedragen." in response.content.decode()
    assert not ClosureProposal.objects.filter(dossier=dossier).exists()
    facts["handover_to"] = "Wijkteam Noord, mevrouw Fictief"
    response = client.post(url, step_post("afbouw-afsluitvoorstel", **facts))
    assert response["Location"].endswith("?bevestigen=1")
    response = client.post(url, {"action": "confirm"})
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.state == S.CLOSURE_PROPOSED
    proposal = ClosureProposal.objects.get(dossier=dossier)

    dossier_transition(dossier=dossier, to=S.CLOSURE_ADVISED, by=secretary, note="Eens")
    proposal.refresh_from_db()
    assert proposal.advice == "Eens" and proposal.advised_at is not None
    dossier_transition(dossier=dossier, to=S.CLOSED, by=secretary, note="Besluit 7 jan")
    proposal.refresh_from_db()
    dossier.refresh_from_db()
    assert proposal.decision == ClosureDecision.CLOSE and proposal.decided_by == secretary
    assert dossier.state == S.CLOSED and dossier.closed_on == timezone.localdate()

    # Read-only for the case director: the page shows everything, offers no writing.
    page = client.get(reverse("dossiers:inspect", args=[dossier.pk])).content.decode()
    assert "Wijkteam Noord, mevrouw Fictief" in page and "besluit Regieoverleg: Afsluiten" in page
    assert "Logboekregel schrijven" not in page and "Contactpersoon toevoegen" not in page
    assert "Interventie uit de catalogus toevoegen" not in page
    for name in ("contact_add", "uvo_add", "evaluation_add", "choose"):
        assert client.get(reverse(f"dossiers:{name}", args=[dossier.pk])).status_code in REFUSED
    journal = reverse("dossiers:journal", args=[dossier.pk])
    assert client.get(journal).status_code == 200
    client.post(journal, {"kind": "other", "occurred_on": "2026-01-05", "text": "Na sluiten"})
    assert not JournalEntry.objects.filter(text="Na sluiten").exists()
    item = PlanItem.objects.get(dossier=dossier)
    assert client.get(reverse("plan_items:edit", args=[item.pk])).status_code in REFUSED
    with pytest.raises(PermissionDenied):
        journal_entry_add(
            dossier=dossier, by=director, kind="other", occurred_on=dossier.closed_on, text="x"
        )


def test_wind_down_then_close(users, walk):
    from tests.factories.plan import closure_ready

    dossier = walk(S.CLOSURE_ADVISED)
    dossier_transition(dossier=dossier, to=S.WINDING_DOWN, by=users["secretaris"])
    assert ClosureProposal.objects.get(dossier=dossier).decision == ClosureDecision.WIND_DOWN
    with pytest.raises(TransitionNotAllowed):
        dossier_transition(dossier=dossier, to=S.CLOSURE_PROPOSED, by=users["regisseur"])
    closure_ready(dossier, users["regisseur"])
    dossier_transition(dossier=dossier, to=S.CLOSURE_PROPOSED, by=users["regisseur"])
    assert ClosureProposal.objects.filter(dossier=dossier, decision="").count() == 1


def test_a_step_form_shown_again_after_a_refused_post_is_logged(client, users, walk):
    from dossiers.models import AccessLogEntry

    dossier = walk(S.IN_EXECUTION)
    client.force_login(users["regisseur"])
    before = AccessLogEntry.objects.filter(dossier_reference=dossier.reference).count()
    response = client.post(reverse("dossiers:uvo_add", args=[dossier.pk]), {"action": "submit"})
    assert (
        response.status_code == 200
        and "Het formulier is niet verwerkt" in response.content.decode()
    )
    after = AccessLogEntry.objects.filter(dossier_reference=dossier.reference).count()
    assert after == before + 1

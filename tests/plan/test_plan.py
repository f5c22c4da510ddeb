"""The plan of approach: the catalogue chooser, items, the approval path and its versions."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from dossiers.models import Dossier, PlanItem, PlanItemStatus, PlanVersion, PlanVersionKind
from dossiers.services import TransitionNotAllowed, dossier_transition
from dossiers.workflow.states import DossierState as S
from snippets.models import InterventionDomain, SpecialKind
from snippets.selectors import intervention_choices
from tests.factories.plan import item_added, uvo_held
from tests.factories.snippets import InterventionFactory, RiskGroupFactory

pytestmark = pytest.mark.django_db
REFUSED = (302, 403)  # Wagtail turns a refusal into a redirect with a message


def _versions(dossier):
    versions = PlanVersion.objects.filter(dossier=dossier).order_by("number")
    return list(versions.values_list("kind", flat=True))


def test_chooser_filters_the_catalogue_by_domain_risk_group_and_special_kind(client, users, walk):
    dossier = walk(S.INCLUDED)
    group = RiskGroupFactory(name="Testgroep reizigers")
    passport = InterventionFactory(
        name="Paspoort intrekken (test)",
        domain=InterventionDomain.JUSTICE,
        special_kind=SpecialKind.PASSPORT,
    )
    housing = InterventionFactory(name="Woonbegeleiding (test)", domain=InterventionDomain.HOUSING)
    housing.risk_groups.add(group)
    housing.save()  # a parental many-to-many is written on save
    retired = InterventionFactory(name="Uitgefaseerd (test)", active=False)
    url = reverse("dossiers:choose", args=[dossier.pk])
    client.force_login(users["regisseur"])

    page = client.get(url, {"special_kind": SpecialKind.PASSPORT}).content.decode()
    assert passport.name in page and housing.name not in page

    page = client.get(url, {"domain": InterventionDomain.HOUSING}).content.decode()
    assert housing.name in page and passport.name not in page

    other_group = RiskGroupFactory(name="Andere testgroep")
    page = client.get(url, {"risk_group": other_group.pk}).content.decode()
    assert housing.name not in page  # only for its own group
    assert passport.name in page  # no risk groups: fits every group
    assert retired.name not in client.get(url, {"q": "test"}).content.decode()


def test_case_director_adds_an_item_pinned_to_the_catalogue_revision(client, users, walk):
    dossier = walk(S.INCLUDED)
    intervention = InterventionFactory(name="Mentortraject (test)")
    revision = intervention.save_revision()
    revision.publish()
    intervention.refresh_from_db()
    client.force_login(users["regisseur"])
    url = reverse("dossiers:item_add", args=[dossier.pk])
    response = client.post(
        url,
        {
            "intervention": intervention.pk,
            "considerations": "Zoekt houvast bij een rolmodel",
            "goal": "Wekelijks contact met een mentor",
            "implementer_contact": "Fictieve mentor",
            "planned_start": "2026-02-01",
            "planned_end": "2026-01-01",
        },
    )
    assert response.status_code == 200
    assert "Het einde ligt vóór de start." in response.content.decode()
    assert not PlanItem.objects.exists()

    response = client.post(
        url,
        {
            "intervention": intervention.pk,
            "considerations": "Zoekt houvast bij een rolmodel",
            "goal": "Wekelijks contact met een mentor",
            "planned_start": "2026-02-01",
        },
    )
    assert response.status_code == 302
    item = PlanItem.objects.get(dossier=dossier)
    assert item.intervention_revision == intervention.live_revision
    assert (item.status, item.added_by) == (PlanItemStatus.PLANNED, users["regisseur"])
    version = PlanVersion.objects.get(dossier=dossier)
    assert version.by == users["regisseur"]
    assert "Mentortraject (test)" in version.summary
    assert version.items[0]["goal"] == "Wekelijks contact met een mentor"

    # Later catalogue edits do not change what the plan pinned.
    intervention.description = "Nieuwe omschrijving"
    intervention.save_revision().publish()
    item.refresh_from_db()
    assert item.intervention_revision == revision


def test_the_approval_path_from_concept_to_accorded(users, walk):
    director, secretary = users["regisseur"], users["secretaris"]
    dossier = walk(S.INCLUDED)
    # Registered last December, so the adoption decided on 7 January can predate today.
    Dossier.objects.filter(pk=dossier.pk).update(
        created_at=datetime.datetime(2025, 12, 1, 9, tzinfo=datetime.UTC)
    )

    with pytest.raises(TransitionNotAllowed) as refusal:
        dossier_transition(dossier=dossier, to=S.PLAN_SUBMITTED, by=director)
    assert refusal.value.reasons == [
        "Het eerste UVO is nog niet gehouden; dat gaat vóór het plan naar het ITAT-R.",
        "Het plan van aanpak bevat nog geen (lopende of geplande) interventies.",
    ]
    uvo_held(dossier, director)
    with pytest.raises(TransitionNotAllowed) as refusal:
        dossier_transition(dossier=dossier, to=S.PLAN_SUBMITTED, by=director)
    assert refusal.value.reasons == [
        "Het plan van aanpak bevat nog geen (lopende of geplande) interventies."
    ]
    item = item_added(dossier, director, goal="Terug naar school")
    with pytest.raises(TransitionNotAllowed):  # the case director's step, not the secretary's
        dossier_transition(dossier=dossier, to=S.PLAN_SUBMITTED, by=secretary)
    dossier_transition(dossier=dossier, to=S.PLAN_SUBMITTED, by=director, note="Klaar")
    assert _versions(dossier) == [PlanVersionKind.CHANGED, PlanVersionKind.SUBMITTED]

    # Frozen while the ITAT-R has it.
    with pytest.raises(ValidationError):
        item_added(dossier, director)

    with pytest.raises(TransitionNotAllowed) as refusal:
        dossier_transition(dossier=dossier, to=S.PLAN_ADVISED, by=secretary)
    assert refusal.value.reasons == ["Leg het advies van het ITAT-R vast."]
    dossier_transition(
        dossier=dossier, to=S.PLAN_ADVISED, by=secretary, advice="Voeg een netwerkinterventie toe"
    )
    advice = PlanVersion.objects.get(dossier=dossier, kind=PlanVersionKind.ADVICE)
    assert advice.advice == "Voeg een netwerkinterventie toe"

    # Revise after the advice, then definitive, adopted and accorded.
    item_added(dossier, director, goal="Contact met de familie herstellen")
    dossier_transition(dossier=dossier, to=S.PLAN_DEFINITIVE, by=director)
    dossier_transition(
        dossier=dossier, to=S.PLAN_ADOPTED, by=secretary, decided_on=datetime.date(2026, 1, 7)
    )
    dossier_transition(dossier=dossier, to=S.IN_EXECUTION, by=secretary)
    plan = dossier.plan
    assert plan.adopted_on == datetime.date(2026, 1, 7) and plan.accorded_on is not None
    assert _versions(dossier)[-3:] == [
        PlanVersionKind.DEFINITIVE,
        PlanVersionKind.ADOPTED,
        PlanVersionKind.ACCORDED,
    ]
    assert len(PlanVersion.objects.get(dossier=dossier, kind="adopted").items) == 2

    # After adoption the plan stays dynamic: close an item, add one, escalate when stuck.
    from dossiers.execution.plan_services import plan_item_update

    plan_item_update(item=item, by=director, data={"status": PlanItemStatus.DONE})
    item.refresh_from_db()
    assert item.closed_on is not None
    item_added(dossier, director, goal="Werk vinden")
    dossier_transition(dossier=dossier, to=S.PLAN_SUBMITTED, by=director, note="Stagnatie")
    assert _versions(dossier)[-1] == PlanVersionKind.ESCALATED


def test_no_adoption_without_recorded_advice(users, walk):
    dossier = walk(S.PLAN_DEFINITIVE)
    # E.g. a dossier migrated in this state: its advice was never recorded here.
    PlanVersion.objects.filter(dossier=dossier, kind=PlanVersionKind.ADVICE).delete()
    with pytest.raises(TransitionNotAllowed) as refusal:
        dossier_transition(dossier=dossier, to=S.PLAN_ADOPTED, by=users["secretaris"])
    assert refusal.value.reasons == [
        "Zonder vastgelegd advies van het ITAT-R kan het plan niet worden vastgesteld."
    ]
    dossier.refresh_from_db()
    assert dossier.state == S.PLAN_DEFINITIVE


def test_submission_notifies_the_secretary(users, walk, django_capture_on_commit_callbacks):
    from tests.factories.plan import plan_ready

    users["secretaris"].email = "secretaris@test.ipga.invalid"
    users["secretaris"].save()
    dossier = walk(S.INCLUDED)
    plan_ready(dossier, users["regisseur"])
    with django_capture_on_commit_callbacks(execute=True):
        dossier_transition(dossier=dossier, to=S.PLAN_SUBMITTED, by=users["regisseur"])
    assert len(mail.outbox) == 1
    assert dossier.reference in mail.outbox[0].subject
    assert mail.outbox[0].to == ["secretaris@test.ipga.invalid"]


def test_versions_page_compares_two_versions(client, users, walk):
    director = users["regisseur"]
    dossier = walk(S.IN_EXECUTION)
    item = PlanItem.objects.get(dossier=dossier)
    client.force_login(director)
    response = client.post(
        reverse("plan_items:edit", args=[item.pk]),
        {
            "considerations": item.considerations,
            "goal": item.goal,
            "planned_start": item.planned_start.isoformat(),
            "status": PlanItemStatus.STOPPED,
            "result": "Persoon weigerde deelname",
            "goal_attainment": "not_achieved",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    latest = PlanVersion.objects.filter(dossier=dossier).order_by("-number").first()
    assert latest.by == director and "status" in latest.summary
    page = client.get(reverse("dossiers:versions", args=[dossier.pk])).content.decode()
    assert "Gestopt" in page and "Gepland" in page  # was -> becomes
    assert "Persoon weigerde deelname" in page
    assert "Advies ITAT-R" in page


def test_plan_pages_are_only_for_the_director_while_the_plan_is_editable(client, users, walk):
    dossier = walk(S.PLAN_SUBMITTED)
    client.force_login(users["regisseur"])
    assert client.get(reverse("dossiers:choose", args=[dossier.pk])).status_code in REFUSED
    client.force_login(users["secretaris"])  # sees the dossier, does not direct it
    assert client.get(reverse("dossiers:versions", args=[dossier.pk])).status_code == 200
    included = walk(S.INCLUDED)
    assert client.get(reverse("dossiers:choose", args=[included.pk])).status_code in REFUSED


def test_intervention_choices_has_special_kind_filter():
    special = InterventionFactory(special_kind=SpecialKind.GGD_SCREENING)
    found = intervention_choices(special_kind=SpecialKind.GGD_SCREENING)
    assert special in found
    assert {i.special_kind for i in found} == {SpecialKind.GGD_SCREENING}


@pytest.mark.parametrize(
    ("start", "target", "subject_text"),
    [
        (S.PLAN_ADVISED, S.PLAN_DEFINITIVE, "definitief, gereed voor het Regieoverleg"),
        (S.IN_EXECUTION, S.CLOSURE_PROPOSED, "afsluitvoorstel"),
    ],
)
def test_definitive_plan_and_closure_proposal_notify_the_secretary(
    users, walk, django_capture_on_commit_callbacks, start, target, subject_text
):
    from tests.conftest import prepare_step

    users["secretaris"].email = "secretaris@test.ipga.invalid"
    users["secretaris"].save()
    dossier = walk(start)
    prepare_step(users, dossier, target, users["regisseur"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        dossier_transition(dossier=dossier, to=target, by=users["regisseur"])
    [notice] = mail.outbox
    assert subject_text in notice.subject and dossier.reference in notice.subject
    assert notice.to == ["secretaris@test.ipga.invalid"]
    assert dossier.subject.last_name not in notice.body  # no names in e-mail

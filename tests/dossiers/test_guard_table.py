"""The guards that read only the step's input, written out by hand: what each asks for, that
blank text does not count, and that the preview (the step form before anything is filled in)
asks nothing. Found by `make mutants` (docs/testing.md): ``preview`` renamed or dropped in
``needs_close_reason`` survived every workflow test."""

import datetime

import pytest
from django.utils import timezone

from dossiers.models import (
    ActionPlan,
    CaseMeeting,
    ClosureDecision,
    ClosureKind,
    ClosureProposal,
    PlanItem,
    PlanItemStatus,
    PlanVersion,
)
from dossiers.models import PlanVersionKind as V
from dossiers.workflow import guards
from dossiers.workflow.states import DossierState as S
from tests.factories.dossiers import DossierFactory, role_user
from tests.factories.plan import item_added

CLOSE_REASON = "Kies de reden van afdoening (coaching/advies, anoniem of geen zorg)."
DESTINATION = "Vermeld aan wie de melding wordt overgedragen."
MISSING = "Vermeld welke informatie nog ontbreekt."
NOTE = "Geef een toelichting (reden en bestemming)."

# guard, the field it needs, a filled-in value, the reason it gives without one
TEXT_GUARDS = [
    (guards.needs_close_reason, "close_reason", "anonymous", CLOSE_REASON),
    (guards.needs_destination, "destination", "Jeugdbescherming West", DESTINATION),
    (guards.needs_missing_information, "missing_information", "adres onbekend", MISSING),
    (guards.needs_note, "note", "Geen zorgen; terug naar de wijk", NOTE),
]


@pytest.mark.parametrize(("guard", "field", "value", "reason"), TEXT_GUARDS)
def test_a_text_guard_asks_for_its_field(guard, field, value, reason):
    assert guard(None, None, {}) == [reason]
    assert guard(None, None, {field: value}) == []
    assert guard(None, None, {"note": "x", "destination": "y"} | {field: ""}) == [reason]


@pytest.mark.parametrize(("guard", "field", "value", "reason"), TEXT_GUARDS)
def test_the_preview_of_a_step_asks_nothing(guard, field, value, reason):
    assert guard(None, None, {"preview": True}) == []
    assert guard(None, None, {"preview": False}) == [reason]


@pytest.mark.parametrize(
    ("guard", "field", "reason"),
    [
        (guards.needs_destination, "destination", DESTINATION),
        (guards.needs_missing_information, "missing_information", MISSING),
        (guards.needs_note, "note", NOTE),
    ],
)
def test_blank_text_is_no_answer(guard, field, reason):
    assert guard(None, None, {field: "   "}) == [reason]
    assert guard(None, None, {field: None}) == [reason]


# The Regieoverleg's decision on a wind-down or closure needs this dossier's own proposal, with
# the ITAT-R's advice and no decision yet. Both survivors of `make mutants` in
# ``needs_advised_closure_proposal`` (``dossier=`` dropped; ``decision=""`` dropped) fail here.
NO_ADVISED_PROPOSAL = (
    "Er ligt geen afbouw- of afsluitvoorstel met advies van het ITAT-R; zonder voorstel kan het "
    "Regieoverleg niet besluiten."
)


def _proposal(dossier, user, *, advice="", decision=""):
    return ClosureProposal.objects.create(
        dossier=dossier,
        kind=ClosureKind.CLOSE,
        goals_achieved="Doelen behaald (fictief).",
        considerations="Geen zorgen meer.",
        submitted_by=user,
        advice=advice,
        decision=decision,
    )


@pytest.mark.django_db
def test_the_closure_decision_needs_this_dossiers_advised_undecided_proposal(users):
    dossier, other = DossierFactory(), DossierFactory()
    guard = guards.needs_advised_closure_proposal
    assert guard(dossier, None, {}) == [NO_ADVISED_PROPOSAL]
    _proposal(other, users["regisseur"], advice="Afsluiten.")  # another dossier's proposal
    assert guard(dossier, None, {}) == [NO_ADVISED_PROPOSAL]
    _proposal(dossier, users["regisseur"])  # not yet advised
    assert guard(dossier, None, {}) == [NO_ADVISED_PROPOSAL]
    _proposal(dossier, users["regisseur"], advice="Afsluiten.", decision=ClosureDecision.CLOSE)
    assert guard(dossier, None, {}) == [NO_ADVISED_PROPOSAL]  # already decided on
    _proposal(dossier, users["regisseur"], advice="Afsluiten.")
    assert guard(dossier, None, {}) == []


# The guards that read the dossier's records, and the guard machinery itself, by hand. Found by
# `make mutants` (docs/testing.md) on the rule module ``dossiers/workflow/guards.py``.
#
# Mutants of ``guards.py`` left alive on purpose (equivalent):
# - ``reasons_against`` 4 and 15: ``by`` passed on as None to ``decision_date_possible`` and
#   to each guard. ``by`` is part of a guard's signature (``(dossier, by, data)``) so that a
#   guard may ask who takes the step; no guard does today (the guards here and the two in
#   ``wiring.py`` read only the dossier and the input), so no test can see the difference.
#   When a guard starts reading ``by``, its own test kills these two.
# - ``needs_open_closure_proposal`` 6: ``decision=""`` dropped from the open proposals. The
#   Regieoverleg decides only on a proposal the ITAT-R advised on
#   (``needs_advised_closure_proposal``; the effect writes the decision on that proposal), so
#   every decided proposal has advice and ``advice=""`` already leaves it out. A test would
#   need a decided proposal without advice, a row the system cannot make.

DIRECTOR_MISSING = "Bij opnemen moet een regisseur worden aangewezen."
NOT_A_DIRECTOR = "De gekozen gebruiker is geen regisseur."
NO_ORGANISATION = "De regisseur hoort bij geen organisatie."


@pytest.mark.django_db
def test_the_case_director_to_appoint(users):
    guard = guards.needs_case_director
    dossier = DossierFactory()
    assert guard(dossier, None, {"preview": True}) == []
    assert guard(dossier, None, {}) == [DIRECTOR_MISSING]
    assert guard(dossier, None, {"case_director": users["regisseur"]}) == []
    assert guard(dossier, None, {"case_director": users["itatr"]}) == [NOT_A_DIRECTOR]
    loose = role_user(users["regisseur"].groups.first().name, username="los", organisation=None)
    assert guard(dossier, None, {"case_director": loose}) == [NO_ORGANISATION]
    # the dossier's own director counts when the step names none
    dossier.case_director = users["regisseur"]
    assert guard(dossier, None, {}) == []


FIRST_UVO = "Het eerste UVO is nog niet gehouden; dat gaat vóór het plan naar het ITAT-R."
NO_ITEMS = "Het plan van aanpak bevat nog geen (lopende of geplande) interventies."


@pytest.mark.django_db
def test_the_first_uvo_is_this_dossiers_and_held_by_today(users):
    chair = users["regisseur"]
    dossier, other = DossierFactory(), DossierFactory()
    today = timezone.localdate()
    CaseMeeting.objects.create(dossier=other, held_on=today, chaired_by=chair)
    CaseMeeting.objects.create(
        dossier=dossier, held_on=today + datetime.timedelta(days=1), chaired_by=chair
    )
    assert guards.needs_first_uvo(dossier, None, {}) == [FIRST_UVO]
    CaseMeeting.objects.create(dossier=dossier, held_on=today, chaired_by=chair)
    assert guards.needs_first_uvo(dossier, None, {}) == []


@pytest.mark.django_db
def test_the_plan_needs_an_item_of_its_own_that_is_not_stopped(walk, users):
    dossier, other = walk(S.INCLUDED), walk(S.INCLUDED)
    item_added(other, users["regisseur"])
    assert guards.needs_plan_items(dossier, None, {}) == [NO_ITEMS]
    item = item_added(dossier, users["regisseur"])
    assert guards.needs_plan_items(dossier, None, {}) == []
    PlanItem.objects.filter(pk=item.pk).update(status=PlanItemStatus.STOPPED)
    assert guards.needs_plan_items(dossier, None, {}) == [NO_ITEMS]


NO_ADVICE = "Zonder vastgelegd advies van het ITAT-R kan het plan niet worden vastgesteld."


@pytest.mark.django_db
def test_adoption_needs_advice_on_the_plan_as_last_submitted():
    dossier, other = DossierFactory(), DossierFactory()
    plan = ActionPlan.objects.create(dossier=dossier)
    other_plan = ActionPlan.objects.create(dossier=other)

    def version(number, kind, of=plan):
        PlanVersion.objects.create(
            plan=of, dossier=of.dossier, number=number, kind=kind, at=timezone.now()
        )

    guard = guards.needs_advisory_advice
    version(1, V.CHANGED)
    version(1, V.SUBMITTED, of=other_plan)
    version(2, V.ADVICE, of=other_plan)
    assert guard(dossier, None, {}) == [NO_ADVICE]  # never submitted; another plan's advice
    version(2, V.SUBMITTED)
    version(3, V.CHANGED)  # a later version, but no advice
    assert guard(dossier, None, {}) == [NO_ADVICE]
    version(4, V.ADVICE)
    assert guard(dossier, None, {}) == []
    version(5, V.ESCALATED)  # sent to the ITAT-R again: the earlier advice no longer counts
    assert guard(dossier, None, {}) == [NO_ADVICE]
    version(6, V.ADVICE)
    assert guard(dossier, None, {}) == []


PROPOSE = "Stel eerst een afbouw- of afsluitvoorstel op (behaalde doelen, overwegingen)."
PROPOSE_CLOSE = "Stel eerst een afsluitvoorstel op (behaalde doelen, overwegingen)."


@pytest.mark.django_db
def test_proposing_needs_this_dossiers_open_proposal(users):
    guard = guards.needs_open_closure_proposal
    dossier = DossierFactory(state=S.IN_EXECUTION)
    other = DossierFactory(state=S.IN_EXECUTION)
    _proposal(other, users["regisseur"])
    _proposal(dossier, users["regisseur"], advice="Afsluiten.")  # advised: no longer open
    _proposal(dossier, users["regisseur"], advice="x", decision=ClosureDecision.CLOSE)
    assert guard(dossier, None, {}) == [PROPOSE]
    wind_down = ClosureProposal.objects.create(
        dossier=dossier,
        kind=ClosureKind.WIND_DOWN,
        goals_achieved="Doelen deels behaald (fictief).",
        considerations="Afbouwen.",
        submitted_by=users["regisseur"],
    )
    assert guard(dossier, None, {}) == []
    # winding down, only a proposal to close counts
    dossier.state = S.WINDING_DOWN
    assert guard(dossier, None, {}) == [PROPOSE_CLOSE]
    wind_down.delete()
    _proposal(dossier, users["regisseur"])
    assert guard(dossier, None, {}) == []


FUTURE = "De besluitdatum kan niet in de toekomst liggen."


@pytest.mark.django_db
def test_a_decision_date_from_registration_day_to_today():
    day = datetime.timedelta(days=1)
    dossier = DossierFactory()
    dossier.created_at -= 10 * day  # registered ten days ago
    today = timezone.localdate()
    created = timezone.localdate(dossier.created_at)
    guard = guards.decision_date_possible
    assert guard(dossier, None, {}) == []
    assert guard(dossier, None, {"decided_on": today}) == []
    assert guard(dossier, None, {"decided_on": created}) == []
    assert guard(dossier, None, {"decided_on": created + 5 * day}) == []
    assert guard(dossier, None, {"decided_on": today + day}) == [FUTURE]
    before = guard(dossier, None, {"decided_on": created - day})
    assert before == [
        f"De besluitdatum ligt vóór de registratie van het dossier ({created:%d-%m-%Y})."
    ]


def test_a_guard_registered_twice_is_asked_once():
    step = (S.CLOSED, S.REGISTERED)  # a step no table has
    calls = []

    def asks(dossier, by, data):
        calls.append(data)
        return ["nee"]

    assert step not in guards.GUARDS
    try:
        guards.register_guard(*step, asks)
        guards.register_guard(*step, asks)
        assert guards.GUARDS[step] == [asks]
        assert guards.reasons_against(None, *step, None, {"x": 1}) == ["nee"]
        assert calls == [{"x": 1}]
    finally:
        guards.GUARDS.pop(step, None)
    assert guards.reasons_against(None, *step, None, {}) == []


ADVICE = "Leg het advies van het ITAT-R vast."


def test_the_advice_is_the_advice_field_or_else_the_note():
    guard = guards.needs_advice_text
    assert guard(None, None, {}) == [ADVICE]
    assert guard(None, None, {"advice": "Akkoord met het plan."}) == []
    assert guard(None, None, {"note": "Akkoord met het plan."}) == []
    assert guard(None, None, {"advice": "  ", "note": ""}) == [ADVICE]
    assert guard(None, None, {"preview": True}) == []
    assert guard(None, None, {"preview": False}) == [ADVICE]


@pytest.mark.django_db
def test_the_person_must_be_known():
    assert guards.needs_subject(DossierFactory(subject=None), None, {}) == [
        "De persoon is nog niet vastgelegd."
    ]
    assert guards.needs_subject(DossierFactory(), None, {}) == []

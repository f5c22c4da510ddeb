"""The guards that read only the step's input, written out by hand: what each asks for, that
blank text does not count, and that the preview (the step form before anything is filled in)
asks nothing. Found by `make mutants` (docs/testing.md): ``preview`` renamed or dropped in
``needs_close_reason`` survived every workflow test."""

import pytest

from dossiers.models import ClosureDecision, ClosureKind, ClosureProposal
from dossiers.workflow import guards
from tests.factories.dossiers import DossierFactory

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

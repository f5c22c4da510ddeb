"""The guards that read only the step's input, written out by hand: what each asks for, that
blank text does not count, and that the preview (the step form before anything is filled in)
asks nothing. Found by `make mutants` (docs/testing.md): ``preview`` renamed or dropped in
``needs_close_reason`` survived every workflow test."""

import pytest

from dossiers.workflow import guards

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

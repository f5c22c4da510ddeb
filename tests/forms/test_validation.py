"""Answers are validated against their version: a Dutch message per field, nothing saved."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forms.models import FormResponse
from forms.rendering import build_form
from forms.services import form_response_submit, refusal_messages
from tests.factories.forms import version_with_all_types

pytestmark = pytest.mark.django_db

VALID = {
    "korte_tekst": "Kort",
    "lange_tekst": "Lang\nmet regels",
    "een_keuze": "Groen",
    "meer_keuzes": ["A, B", "C"],
    "datum": "2024-02-29",
    "getal": "12,5",
    "ja_of_nee": "nee",
    "schaal": "4",
}


@pytest.fixture
def version(db):
    return version_with_all_types()


@pytest.fixture
def author(users):
    return users["regisseur"]


def test_valid_answers_are_stored_as_structured_data(version, author):
    response = form_response_submit(version=version, data=VALID, by=author)
    response.refresh_from_db()
    assert response.version == version
    assert response.submitted_by == author
    assert response.answers == {
        "korte_tekst": "Kort",
        "lange_tekst": "Lang\nmet regels",
        "een_keuze": "Groen",
        "meer_keuzes": ["A, B", "C"],
        "datum": "2024-02-29",
        "getal": 12.5,
        "ja_of_nee": False,
        "schaal": 4,
    }
    assert "algemeen" not in response.answers  # a heading takes no answer


def test_python_values_are_accepted_like_form_input(version, author):
    data = {**VALID, "ja_of_nee": True, "schaal": 5, "getal": 7, "datum": datetime.date(2024, 1, 2)}
    answers = form_response_submit(version=version, data=data, by=author).answers
    assert answers["ja_of_nee"] is True
    assert answers["schaal"] == 5
    assert answers["getal"] == 7
    assert answers["datum"] == "2024-01-02"


def test_empty_optional_answers_are_stored_as_null(version, author):
    answers = form_response_submit(version=version, data={"korte_tekst": "x"}, by=author).answers
    assert answers["lange_tekst"] is None
    assert answers["meer_keuzes"] is None
    assert answers["ja_of_nee"] is None


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("korte_tekst", "", "Dit veld is verplicht."),
        ("korte_tekst", "x" * 256, "Gebruik hoogstens 255 tekens (nu 256)."),
        ("lange_tekst", "x" * 10_001, "Gebruik hoogstens 10000 tekens (nu 10001)."),
        ("een_keuze", "Blauw", "Kies een antwoord uit de lijst; “Blauw” staat er niet in."),
        ("meer_keuzes", ["C", "D"], "Kies een antwoord uit de lijst; “D” staat er niet in."),
        ("datum", "2023-02-29", "Vul een geldige datum in, bijvoorbeeld 31-12-2024."),
        ("getal", "veel", "Vul een getal in."),
        ("getal", "101", "Vul een getal in van hoogstens 100."),
        ("getal", "-1", "Vul een getal in van minstens 0."),
        ("ja_of_nee", "misschien", "Kies een antwoord uit de lijst; “misschien” staat er niet in."),
        ("schaal", "6", "Kies een antwoord uit de lijst; “6” staat er niet in."),
        ("korte_tekst", "a\x00b", "Tekst mag geen nul-tekens bevatten."),
    ],
)
def test_invalid_answer_is_refused_with_a_dutch_message(version, author, key, value, message):
    with pytest.raises(ValidationError) as refused:
        form_response_submit(version=version, data={**VALID, key: value}, by=author)
    messages = refusal_messages(refused.value)
    assert list(messages) == [key]
    assert messages[key] == [message]
    assert not FormResponse.objects.exists()


def test_every_required_field_gets_its_own_message(author):
    version = version_with_all_types(required=True)
    with pytest.raises(ValidationError) as refused:
        form_response_submit(version=version, data={}, by=author)
    messages = refusal_messages(refused.value)
    expected = {f["key"] for f in version.fields if f["type"] != "heading"}
    assert set(messages) == expected
    assert all(m == ["Dit veld is verplicht."] for m in messages.values())
    assert not FormResponse.objects.exists()


def test_messages_stay_dutch_when_the_user_reads_english(version, author):
    from django.utils import translation

    with translation.override("en"), pytest.raises(ValidationError) as refused:
        form_response_submit(version=version, data={**VALID, "schaal": "9"}, by=author)
    assert refusal_messages(refused.value)["schaal"] == [
        "Kies een antwoord uit de lijst; “9” staat er niet in."
    ]


def test_unbound_form_lists_headings_and_fields_in_order(version):
    form = build_form(version)
    layout = form.layout
    assert layout[0]["heading"].label == "Algemeen"
    assert [item["field"].name for item in layout[1:]] == list(VALID)
    assert not form.is_bound


# -- Property: whatever arrives, the service stores valid data or refuses; it never crashes.

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates().map(str),
    st.text(max_size=300),
    st.text(alphabet="0123456789,.-eE+", max_size=40),
    st.sampled_from(["Rood", "Groen", "A, B", "C", "ja", "nee", "1", "5", "NaN", "Infinity"]),
)
values = st.one_of(scalars, st.lists(scalars, max_size=4))
KEYS = [*VALID, "algemeen", "onbekend"]


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.dictionaries(st.sampled_from(KEYS), values, max_size=len(KEYS)))
def test_any_input_is_stored_validly_or_refused_never_crashes(version, author, data):
    before = FormResponse.objects.count()
    try:
        response = form_response_submit(version=version, data=data, by=author)
    except ValidationError as refused:
        assert refusal_messages(refused)
        assert FormResponse.objects.count() == before
        return
    assert FormResponse.objects.count() == before + 1
    json.dumps(response.answers)  # structured and JSON-native, whatever came in
    assert set(response.answers) == set(VALID)
    assert response.answers["korte_tekst"]
    assert response.answers["een_keuze"] in (None, "Rood", "Groen")
    assert response.answers["schaal"] in (None, 1, 2, 3, 4, 5)
    assert response.answers["getal"] is None or 0 <= response.answers["getal"] <= 100


@settings(max_examples=200, deadline=None)
@given(data=st.dictionaries(st.sampled_from(KEYS), values, max_size=len(KEYS)))
def test_built_form_never_crashes_on_any_field_type(data):
    from forms.services import _as_querydict

    class Version:
        definition_id = None  # a version not (yet) saved under a definition
        fields = [
            {"key": key, "type": kind, "label": key, "required": required, "choices": ["Rood"]}
            for key, kind, required in [
                ("korte_tekst", "short_text", True),
                ("lange_tekst", "long_text", False),
                ("een_keuze", "single_choice", True),
                ("meer_keuzes", "multiple_choice", False),
                ("datum", "date", True),
                ("getal", "number", False),
                ("ja_of_nee", "yes_no", True),
                ("schaal", "scale", False),
                ("algemeen", "heading", False),
            ]
        ]

    questions = {item["key"] for item in Version.fields if item["type"] != "heading"}
    required = {item["key"] for item in Version.fields if item["required"]}
    left_out = {key for key in required if key not in data or data[key] is None}

    form = build_form(Version(), _as_querydict(data))
    if form.is_valid():
        assert not left_out  # a required question left out is never accepted
        answers = form.answers()
        json.dumps(answers)
        assert set(answers) == questions
    else:
        # Errors name real questions, each with a message, and every required question left
        # out is among them; an unknown key ("onbekend") is ignored, never an error.
        assert set(form.errors) <= questions | {"__all__"}
        assert all(message.strip() for errors in form.errors.values() for message in errors)
        assert left_out <= set(form.errors)

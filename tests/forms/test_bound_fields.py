"""Bound fields: the programme team moves, relabels and surrounds them with free questions;
it cannot delete them or change what they are; the form that lacks one is not published."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from dossiers.services.assessment import ASSESSMENT_FORM_SLUG
from dossiers.step_forms import (
    ASSESSMENT_BINDINGS,
    CLOSURE_FORM_SLUG,
    EVALUATION_FORM_SLUG,
    UVO_REPORT_FORM_SLUG,
)
from dossiers.workflow.states import DossierState as S
from forms.bindings import bound_slugs
from forms.models import FormDefinition
from forms.rendering import build_form
from forms.selectors import form_version_current
from forms.services import form_version_freeze
from snippets.models import RiskGroup
from tests.forms.test_admin import _definition_post

pytestmark = pytest.mark.django_db


def _edit_url(definition):
    return reverse("wagtailsnippets_structuredforms_formdefinition:edit", args=[definition.pk])


def _post_with_rows(definition, rows_change):
    """The edit POST with a function applied to each row index/field (see ``_definition_post``)."""
    data = _definition_post(definition)
    fields = list(definition.form_fields.order_by("sort_order"))
    rows_change(data, fields)
    return data


def test_deleting_a_bound_field_is_refused_with_a_dutch_reason(client, users):
    definition = FormDefinition.objects.get(slug=ASSESSMENT_FORM_SLUG)
    client.force_login(users["programmateam"])

    def delete_risk_groups(data, fields):
        index = next(i for i, f in enumerate(fields) if f.binding == "risk_groups")
        data[f"form_fields-{index}-DELETE"] = "1"

    before = form_version_current(slug=ASSESSMENT_FORM_SLUG).number
    response = client.post(_edit_url(definition), _post_with_rows(definition, delete_risk_groups))
    page = response.content.decode()
    assert response.status_code == 200
    assert "is een gebonden veld en kan niet worden verwijderd" in page
    assert definition.form_fields.filter(binding="risk_groups").exists()
    assert form_version_current(slug=ASSESSMENT_FORM_SLUG).number == before


def test_publishing_without_a_bound_field_is_refused():
    definition = FormDefinition.objects.get(slug=ASSESSMENT_FORM_SLUG)
    definition.form_fields.filter(binding="advice").delete()
    with pytest.raises(ValidationError) as refusal:
        form_version_freeze(definition=definition)
    assert "Het gebonden veld “Advies aan het Regieoverleg” ontbreekt" in str(refusal.value)


def test_type_and_answer_list_of_a_bound_field_stay_fixed(client, users):
    definition = FormDefinition.objects.get(slug=ASSESSMENT_FORM_SLUG)
    client.force_login(users["programmateam"])

    def change_type(data, fields):
        index = next(i for i, f in enumerate(fields) if f.binding == "risk_groups")
        data[f"form_fields-{index}-field_type"] = "short_text"
        data[f"form_fields-{index}-choices"] = "Eigen lijst"

    response = client.post(_edit_url(definition), _post_with_rows(definition, change_type))
    assert response.status_code == 302
    field = definition.form_fields.get(binding="risk_groups")
    assert field.field_type == "multiple_choice" and field.choices == ""
    item = next(
        f for f in form_version_current(slug=ASSESSMENT_FORM_SLUG).fields if f.get("binding")
    )
    assert item["type"] == "multiple_choice"


def test_the_builder_shows_which_fields_are_bound_and_why(client, users):
    definition = FormDefinition.objects.get(slug=ASSESSMENT_FORM_SLUG)
    client.force_login(users["programmateam"])
    page = client.get(_edit_url(definition)).content.decode()
    assert page.count('data-binding="') == len(ASSESSMENT_BINDINGS)
    assert "het Regieoverleg besluit pas met ten minste één risicogroep" in page


def test_team_adds_a_question_moves_a_bound_field_and_the_voorportaal_sees_it(client, users, walk):
    definition = FormDefinition.objects.get(slug=ASSESSMENT_FORM_SLUG)
    client.force_login(users["programmateam"])

    def move_and_relabel(data, fields):
        index = next(i for i, f in enumerate(fields) if f.binding == "urgent")
        data[f"form_fields-{index}-ORDER"] = "0"
        data[f"form_fields-{index}-label"] = "Moet dit met spoed?"
        data[f"form_fields-{index}-help_text"] = "Spoed gaat voor."

    data = _post_with_rows(definition, move_and_relabel)
    extra = _definition_post(
        definition,
        extra=[{"field_type": "short_text", "label": "Naam van de wijkagent", "required": ""}],
    )
    last = int(extra["form_fields-TOTAL_FORMS"]) - 1
    for name in ("field_type", "label", "id", "key", "ORDER", "DELETE"):
        if f"form_fields-{last}-{name}" in extra:
            data[f"form_fields-{last}-{name}"] = extra[f"form_fields-{last}-{name}"]
    data["form_fields-TOTAL_FORMS"] = extra["form_fields-TOTAL_FORMS"]
    response = client.post(_edit_url(definition), data)
    assert response.status_code == 302, response.content.decode()[:2000]

    version = form_version_current(slug=ASSESSMENT_FORM_SLUG)
    order = [f.get("binding") or f["label"] for f in version.fields]
    assert order.index("urgent") < order.index("Bron van het signaal")
    assert order.index("urgent") < order.index("risk_groups")
    assert version.fields[order.index("urgent")]["label"] == "Moet dit met spoed?"
    assert version.fields[-1]["label"] == "Naam van de wijkagent"

    dossier = walk(S.PRE_ASSESSMENT)
    client.force_login(users["voorportaal"])
    page = client.get(reverse("dossiers:assessment", args=[dossier.pk])).content.decode()
    assert "Naam van de wijkagent" in page
    assert page.index("Moet dit met spoed?") < page.index("Risicogroep(en)")


@pytest.mark.parametrize(
    "slug", [ASSESSMENT_FORM_SLUG, UVO_REPORT_FORM_SLUG, EVALUATION_FORM_SLUG, CLOSURE_FORM_SLUG]
)
def test_every_seeded_definition_asks_each_question_once_and_holds_its_bound_fields(slug):
    assert slug in bound_slugs()
    version = form_version_current(slug=slug)
    questions = [f for f in version.fields if f["type"] != "heading"]
    labels = [f["label"].strip().lower() for f in questions]
    assert len(labels) == len(set(labels)), slug
    bindings = [f["binding"] for f in questions if f.get("binding")]
    assert len(bindings) == len(set(bindings))
    from forms.bindings import bindings_for

    assert set(bindings) == set(bindings_for(slug))
    # the answer lists of bound choice fields come from the reference data
    form = build_form(version)
    for item in questions:
        if item.get("binding") == "risk_groups":
            offered = {label for _value, label in form.fields[item["key"]].choices}
            assert offered == {str(group) for group in RiskGroup.objects.live()}


def test_a_row_type_cannot_be_a_free_question():
    from forms.models import FormField

    field = FormField(
        definition=FormDefinition.objects.get(slug=ASSESSMENT_FORM_SLUG),
        field_type="agreements",
        label="Losse afspraken",
    )
    with pytest.raises(ValidationError) as refusal:
        field.clean()
    assert "kan niet als losse vraag worden toegevoegd" in str(refusal.value)


def test_a_step_form_is_not_offered_on_the_free_fill_page(client, users):
    client.force_login(users["regisseur"])
    for slug in bound_slugs():
        version = form_version_current(slug=slug)
        url = reverse("form_responses:fill", args=[version.pk])
        assert client.get(url).status_code == 404, slug


@pytest.mark.parametrize(
    ("slug", "dropped"),
    [("uvo-verslag", "Aantal aanwezige partners"), ("evaluatie", "Welke doelen zijn bereikt?")],
)
def test_a_response_under_the_unbound_version_keeps_its_questions_and_answers(slug, dropped):
    """Structuredforms 0102 published the bound shape as a new version; what was filled in
    under version 1 stays readable under version 1, the dropped question included."""
    from forms.models import FormResponse
    from forms.rendering import answer_rows

    first = FormDefinition.objects.get(slug=slug).versions.get(number=1)
    current = form_version_current(slug=slug)
    assert current.number > 1
    assert dropped in {f["label"] for f in first.fields}
    assert dropped not in {f["label"] for f in current.fields}
    key = next(f["key"] for f in first.fields if f["label"] == dropped)
    value = (
        4
        if first.fields[[f["key"] for f in first.fields].index(key)]["type"] == "number"
        else "Oud antwoord"
    )
    old = FormResponse.objects.create(version=first, answers={key: value})
    rows = {row.label: row.value for row in answer_rows(old) if not row.is_heading}
    assert rows[dropped] == value

"""Form fields tie help text and errors to their controls; groups are fieldsets; the error
summary links to each field; the accessibility statement is public (issue 20)."""

import pytest
from django import forms
from django.template import Context, Template

pytestmark = pytest.mark.django_db


class QuestionForm(forms.Form):
    source = forms.ChoiceField(
        label="Bron van het signaal",
        choices=[("a", "School"), ("b", "Politie")],
        widget=forms.RadioSelect,
        help_text="Kies er een.",
    )
    name = forms.CharField(label="Naam", help_text="Volledige naam.")


def _render(source: str, form) -> str:
    return Template("{% load wagtailadmin_tags %}" + source).render(Context({"form": form}))


def test_group_is_a_fieldset_described_by_its_help_and_error():
    form = QuestionForm(data={})
    form.is_valid()
    html = _render("{% formattedfield form.source %}", form)
    assert '<fieldset class="w-field__wrapper' in html
    assert 'aria-describedby="id_source_helptext id_source_error"' in html
    assert 'id="id_source_helptext"' in html and 'id="id_source_error"' in html
    assert "<legend" in html and "(verplicht)" in html


def test_every_described_by_id_exists_for_a_text_field():
    form = QuestionForm(data={})
    form.is_valid()
    html = _render('{% include "wagtailadmin/shared/field.html" with field=form.name %}', form)
    assert 'aria-describedby="id_name_helptext id_name_error"' in html
    assert 'id="id_name_helptext"' in html and 'id="id_name_error"' in html


def test_error_summary_links_to_each_field():
    form = QuestionForm(data={})
    form.is_valid()
    html = Template('{% include "includes/form_error_summary.html" with form=form %}').render(
        Context({"form": form})
    )
    assert "data-error-summary" in html and 'tabindex="-1"' in html
    assert 'href="#id_source_0"' in html and 'href="#id_name"' in html
    valid = QuestionForm(data={"source": "a", "name": "Noor"})
    valid.is_valid()
    assert "data-error-summary" not in Template(
        '{% include "includes/form_error_summary.html" with form=form %}'
    ).render(Context({"form": valid}))


def test_statement_is_public_and_linked_from_the_login_page(client):
    response = client.get("/toegankelijkheid/")
    assert response.status_code == 200
    content = response.content.decode()
    for part in ("Toegankelijkheidsverklaring", "Wat is onderzocht", "Bekende uitzonderingen"):
        assert part in content
    assert "/toegankelijkheid/" in client.get("/admin/login/").content.decode()

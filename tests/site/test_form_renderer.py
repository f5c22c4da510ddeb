"""The project's form renderer writes selects in Python: the same markup as Django's templates.

Each case renders one widget twice, with Django's ``TemplatesSetting`` (the templates) and with
``adminkit.form_renderer.FormRenderer``, and compares the strings exactly.
"""

import pytest
from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from adminkit.form_renderer import FormRenderer
from dossiers.workflow.states import DossierState
from snippets.models import Organisation
from tests.factories.dossiers import OrganisationFactory

CHOICES = [
    ("", "---------"),
    ("a", "Alfa & <Beta>"),
    ('b"q', gettext_lazy("Te laat")),
    (3, mark_safe("<b>vet</b>")),  # safe text is left as it is
]
GROUPED = [
    ("Groep 1", [("x", "Eks"), ("y", "Ypsilon")]),
    ("z", "Zet"),
    (gettext_lazy("Status"), DossierState.choices[:3]),
]
ATTRS = {"id": "id_f", "class": "w-field", "required": True, "disabled": False, "data-n": 5}


class StarOption(forms.Select):
    option_template_name = "django/forms/widgets/input_option.html"


def _both(widget, name, value, attrs=None):
    templates = widget.render(name, value, attrs=attrs, renderer=TemplatesSetting())
    python = widget.render(name, value, attrs=attrs, renderer=FormRenderer())
    return templates, python


@pytest.mark.parametrize(
    ("widget", "value", "attrs"),
    [
        (forms.Select(choices=CHOICES), "a", None),
        (forms.Select(choices=CHOICES), None, ATTRS),
        (forms.Select(choices=CHOICES), 3, {"aria-describedby": 'x"y'}),
        (forms.Select(choices=GROUPED), "z", None),
        (forms.SelectMultiple(choices=GROUPED), ["x", "included"], ATTRS),
        (forms.SelectMultiple(choices=DossierState.choices), [], None),
        (forms.NullBooleanSelect(), True, None),
        (forms.Select(choices=[]), "", None),
    ],
)
def test_a_select_is_written_as_the_templates_write_it(widget, value, attrs):
    templates, python = _both(widget, "keuze", value, attrs)
    assert python == templates
    assert "<select" in python


@pytest.mark.django_db
def test_a_model_choice_select_is_written_as_the_templates_write_it():
    OrganisationFactory(name="GGD & Co", short_name="G&C")
    OrganisationFactory(name='Politie "Oost"', short_name="PO")
    field = forms.ModelChoiceField(queryset=Organisation.objects.order_by("name"))
    templates, python = _both(field.widget, "organisatie", None, None)
    assert python == templates
    assert "G&amp;C" in python


def test_options_with_a_template_of_their_own_are_left_to_the_templates(monkeypatch):
    calls = []
    original = TemplatesSetting.render

    def counting(self, template_name, context, request=None):
        calls.append(template_name)
        return original(self, template_name, context, request=request)

    monkeypatch.setattr(TemplatesSetting, "render", counting)
    widget = StarOption(choices=[("a", "A")])
    html = widget.render("f", "a", renderer=FormRenderer())
    assert calls == ["django/forms/widgets/select.html"]
    assert 'type="select"' in html or "<input" in html


def test_selects_are_written_without_their_templates(monkeypatch):
    """The point of the renderer: no template is rendered for a stock select."""
    calls = []
    monkeypatch.setattr(
        TemplatesSetting, "render", lambda self, name, context, request=None: calls.append(name)
    )
    html = forms.Select(choices=CHOICES).render("f", "a", renderer=FormRenderer())
    assert calls == []
    assert '<option value="a" selected>Alfa &amp; &lt;Beta&gt;</option>' in html


def test_the_project_uses_the_renderer(settings):
    assert settings.FORM_RENDERER == "adminkit.form_renderer.FormRenderer"

"""Factories for structured forms; versions are made by publishing through Wagtail."""

import factory
from factory.django import DjangoModelFactory

from forms.models import FieldType, FormDefinition, FormField, FormVersion
from forms.selectors import form_version_current


class FormDefinitionFactory(DjangoModelFactory):
    class Meta:
        model = FormDefinition

    title = factory.Sequence(lambda n: f"Testformulier {n}")
    slug = factory.Sequence(lambda n: f"testformulier-{n}")
    live = False


class FormFieldFactory(DjangoModelFactory):
    class Meta:
        model = FormField

    definition = factory.SubFactory(FormDefinitionFactory)
    field_type = FieldType.SHORT_TEXT
    label = factory.Sequence(lambda n: f"Vraag {n}")
    sort_order = factory.Sequence(int)


def publish(definition: FormDefinition, *, user=None) -> FormVersion:
    """Publish ``definition`` the way the admin does (revision, then publish)."""
    definition.save_revision(user=user).publish(user=user)
    return form_version_current(slug=definition.slug)


def add_field(definition: FormDefinition, **kwargs) -> None:
    """Append a field in memory; it is saved with the next revision, as in the admin."""
    kwargs.setdefault("sort_order", definition.form_fields.count())
    definition.form_fields.add(FormField(**kwargs))


ALL_TYPES = [
    {"field_type": FieldType.HEADING, "label": "Algemeen", "help_text": "Uitleg bij de kop"},
    {"field_type": FieldType.SHORT_TEXT, "label": "Korte tekst", "required": True},
    {"field_type": FieldType.LONG_TEXT, "label": "Lange tekst"},
    {"field_type": FieldType.SINGLE_CHOICE, "label": "Eén keuze", "choices": "Rood\nGroen"},
    {"field_type": FieldType.MULTIPLE_CHOICE, "label": "Meer keuzes", "choices": "A, B\nC"},
    {"field_type": FieldType.DATE, "label": "Datum"},
    {"field_type": FieldType.NUMBER, "label": "Getal", "min_value": 0, "max_value": 100},
    {"field_type": FieldType.YES_NO, "label": "Ja of nee"},
    {"field_type": FieldType.SCALE, "label": "Schaal"},
]


def version_with_all_types(*, required: bool = False) -> FormVersion:
    """A published form with one field of every type (all required when ``required``)."""
    definition = FormDefinitionFactory()
    for order, spec in enumerate(ALL_TYPES):
        spec = dict(spec)
        if required and spec["field_type"] != FieldType.HEADING:
            spec["required"] = True
        add_field(definition, sort_order=order, **spec)
    return publish(definition)


#: free copies of the seeded evaluation and UVO forms (their questions of version 1, nothing
#: bound): the form engine's tests use them, the steps use the bound originals
FREE_EVALUATION, FREE_UVO = "vrij-evaluatie", "vrij-uvo"


def free_forms() -> None:
    from django.apps import apps
    from django.utils import timezone

    from forms import seed

    for slug, (_, title, intro, fields) in (
        (FREE_EVALUATION, seed.EVALUATION),
        (FREE_UVO, seed.UVO_REPORT),
    ):
        if not FormDefinition.objects.filter(slug=slug).exists():
            seed.create_form(apps, slug, title, intro, fields, timezone.now())

"""Build a Django form from a frozen ``FormVersion`` (through Wagtail's ``FormBuilder``).

Every error message is set here, in Dutch, so a refusal reads the same in every language and
every context (a view, a service call from a job, a test). This module reads versions and
responses through their attributes only and imports no models: ``forms.models`` sits below it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from forms.bindings import binding_choices, binding_labels
from forms.rows import AgreementsField, PlanItemResultsField
from forms.schema import HEADING, ROW_TYPES

if TYPE_CHECKING:
    from forms.models import FormResponse, FormVersion

SHORT_TEXT_MAX = 255
LONG_TEXT_MAX = 10_000
SCALE = range(1, 6)
MANY_OPTIONS = 8  # a longer list of checkboxes is shown in columns
YES, NO = "ja", "nee"

REQUIRED = _("Dit veld is verplicht.")
NO_NULL = _("Tekst mag geen nul-tekens bevatten.")
TEXT_MESSAGES = {
    "required": REQUIRED,
    "max_length": _("Gebruik hoogstens %(limit_value)d tekens (nu %(show_value)d)."),
    "null_characters_not_allowed": NO_NULL,
}
CHOICE_MESSAGES = {
    "required": REQUIRED,
    "invalid_choice": _("Kies een antwoord uit de lijst; “%(value)s” staat er niet in."),
    "invalid_list": _("Geef een lijst van antwoorden."),
}
DATE_MESSAGES = {
    "required": REQUIRED,
    "invalid": _("Vul een geldige datum in, bijvoorbeeld 31-12-2024."),
}
NUMBER_MESSAGES = {
    "required": REQUIRED,
    "invalid": _("Vul een getal in."),
    "min_value": _("Vul een getal in van minstens %(limit_value)s."),
    "max_value": _("Vul een getal in van hoogstens %(limit_value)s."),
    "max_digits": _("Gebruik hoogstens %(max)s cijfers."),
    "max_decimal_places": _("Gebruik hoogstens %(max)s cijfers achter de komma."),
    "max_whole_digits": _("Gebruik hoogstens %(max)s cijfers voor de komma."),
}


@dataclass(frozen=True)
class SchemaField:
    """A frozen field in the shape ``FormBuilder`` expects (``field_type``, ``clean_name``...)."""

    clean_name: str
    field_type: str
    label: str
    help_text: str = ""
    required: bool = False
    choices: tuple[str, ...] = ()
    min_value: str | None = None
    max_value: str | None = None
    default_value: None = None
    binding: str = ""
    slug: str = ""

    @classmethod
    def from_schema(cls, item: dict, *, slug: str = "", draft: bool = False) -> SchemaField:
        return cls(
            binding=item.get("binding", ""),
            slug=slug,
            clean_name=item["key"],
            field_type=item["type"],
            label=item["label"],
            help_text=item.get("help_text", ""),
            required=bool(item.get("required")) and not draft,
            choices=tuple(item.get("choices") or ()),
            min_value=item.get("min_value"),
            max_value=item.get("max_value"),
        )


class StructuredForm(BaseForm):
    """A form built from a version; ``layout`` interleaves headings and fields in order."""

    version: FormVersion = None
    schema_fields: tuple[SchemaField, ...] = ()

    @property
    def layout(self) -> list[dict]:
        """Items for the template: headings (label, help text) and bound fields, in order."""
        items = []
        for schema_field in self.schema_fields:
            if schema_field.field_type == HEADING:
                items.append({"heading": schema_field})
            else:
                items.append({"field": self[schema_field.clean_name]})
        return items

    @property
    def sections(self) -> list[dict]:
        """The fields grouped under their headings (a first section without a heading if any)."""
        sections: list[dict] = []
        for schema_field in self.schema_fields:
            if schema_field.field_type == HEADING:
                sections.append({"heading": schema_field, "fields": []})
                continue
            if not sections:
                sections.append({"heading": None, "fields": []})
            sections[-1]["fields"].append(self[schema_field.clean_name])
        for number, section in enumerate(sections, start=1):
            section["number"] = number
            section["has_errors"] = any(field.errors for field in section["fields"])
        return sections

    def bound_answers(self) -> dict:
        """The cleaned answers of the bound fields, keyed by binding name."""
        return {
            f.binding: _to_json(self.cleaned_data.get(f.clean_name))
            for f in self.schema_fields
            if f.binding and f.field_type != HEADING
        }

    def answers(self) -> dict:
        """The cleaned data as JSON-ready answers keyed by field key (headings left out)."""
        return {key: _to_json(value) for key, value in self.cleaned_data.items()}


class StructuredFormBuilder(FormBuilder):
    """Wagtail's builder with this project's field types and Dutch messages.

    ``dossier``: the dossier the form is filled for; a bound field whose answer list is per
    dossier (its contacts, its plan items) offers that dossier's options.
    """

    def __init__(self, fields, dossier=None):
        super().__init__(fields)
        self.dossier = dossier

    def create_agreements_field(self, field, options):
        return AgreementsField(error_messages={"required": REQUIRED}, **options)

    def create_plan_item_results_field(self, field, options):
        items = binding_choices(field.slug, field.binding, self.dossier) or []
        goals = binding_choices(field.slug, field.binding, source_of="row_source") or []
        return PlanItemResultsField(
            items=items, goal_choices=goals, error_messages={"required": REQUIRED}, **options
        )

    def create_short_text_field(self, field, options):
        return _text_field(options, SHORT_TEXT_MAX, forms.TextInput)

    def create_long_text_field(self, field, options):
        return _text_field(options, LONG_TEXT_MAX, forms.Textarea(attrs={"rows": 5}))

    def create_single_choice_field(self, field, options):
        options["choices"] = self.get_formatted_field_choices(field)
        return forms.ChoiceField(
            widget=forms.RadioSelect, error_messages=CHOICE_MESSAGES, **options
        )

    def create_multiple_choice_field(self, field, options):
        options["choices"] = self.get_formatted_field_choices(field)
        many = {"class": "structuredforms-many"} if len(options["choices"]) > MANY_OPTIONS else {}
        return forms.MultipleChoiceField(
            widget=forms.CheckboxSelectMultiple(attrs=many),
            error_messages=CHOICE_MESSAGES,
            **options,
        )

    def create_date_field(self, field, options):
        widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        return forms.DateField(widget=widget, error_messages=DATE_MESSAGES, **options)

    def create_number_field(self, field, options):
        number = forms.DecimalField(
            max_digits=15,
            decimal_places=4,
            localize=True,
            error_messages=NUMBER_MESSAGES,
            **options,
        )
        if field.min_value is not None:
            number.validators.append(MinValueValidator(Decimal(field.min_value)))
        if field.max_value is not None:
            number.validators.append(MaxValueValidator(Decimal(field.max_value)))
        return number

    def create_yes_no_field(self, field, options):
        return forms.TypedChoiceField(
            choices=[(YES, _("Ja")), (NO, _("Nee"))],
            coerce=lambda value: value == YES,
            empty_value=None,
            widget=forms.RadioSelect,
            error_messages=CHOICE_MESSAGES,
            **options,
        )

    def create_scale_field(self, field, options):
        return forms.TypedChoiceField(
            choices=[(str(step), str(step)) for step in SCALE],
            coerce=int,
            empty_value=None,
            widget=forms.RadioSelect(attrs={"class": "structuredforms-scale"}),
            error_messages=CHOICE_MESSAGES,
            **options,
        )

    def get_formatted_field_choices(self, field):
        bound = binding_choices(field.slug, field.binding, self.dossier) if field.binding else None
        if bound is not None:
            return bound
        return [(choice, choice) for choice in field.choices]

    def get_field_options(self, field):
        options = super().get_field_options(field)
        options.pop("initial", None)
        return options

    @property
    def formfields(self):
        # Headings take no input; the form's ``layout`` shows them between the fields.
        return {
            field.clean_name: self.get_create_field_function(field.field_type)(
                field, self.get_field_options(field)
            )
            for field in self.fields
            if field.field_type != HEADING
        }

    def get_form_class(self):
        attrs = {**self.formfields, "schema_fields": tuple(self.fields)}
        return type("StructuredVersionForm", (StructuredForm,), attrs)


def _text_field(options, limit, widget):
    text = forms.CharField(max_length=limit, widget=widget, error_messages=TEXT_MESSAGES, **options)
    return text


def _to_json(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if value in ("", [], None):
        return None
    return value


def build_form(
    version: FormVersion,
    data=None,
    *,
    answers: dict | None = None,
    draft: bool = False,
    dossier=None,
) -> StructuredForm:
    """The Django form for ``version``, bound to ``data`` when given; validates every answer.

    ``answers`` (stored JSON) become the initial values, shown exactly as saved; ``draft``
    makes every question optional (a draft is checked for well-formed answers only);
    ``dossier`` gives the per-dossier answer lists (contacts, plan items).
    """
    slug = version.definition.slug if version.definition_id else ""
    schema_fields = [
        SchemaField.from_schema(item, slug=slug, draft=draft) for item in version.fields
    ]
    form_class = StructuredFormBuilder(schema_fields, dossier=dossier).get_form_class()
    form = form_class(data=data, prefix=None, initial=initial_from_answers(version, answers))
    form.version = version
    return form


def initial_from_answers(version: FormVersion, answers: dict | None) -> dict:
    """Stored answers as the values a browser would send back: "nee", "0", lists of text."""
    initial = {}
    for item in version.fields:
        if item["type"] == HEADING or not answers or item["key"] not in answers:
            continue
        value = answers[item["key"]]
        if value is None:
            continue
        if item["type"] in ROW_TYPES:
            initial[item["key"]] = value
        elif isinstance(value, bool):
            initial[item["key"]] = YES if value else NO
        elif isinstance(value, list):
            initial[item["key"]] = [str(v) for v in value]
        else:
            initial[item["key"]] = str(value) if isinstance(value, int | float) else value
    return initial


def _row_text(kind: str, row: dict, labels: dict) -> str:
    """One row of a repeating answer as a line of text."""
    if kind == "agreements":
        return _("%(what)s – %(who)s, uiterlijk %(due)s") % {
            "what": row.get("description", ""),
            "who": row.get("owner", ""),
            "due": _dutch_date(row),
        }
    goal = labels.get(row.get("goal_attainment") or "", "")
    return " – ".join(part for part in (row.get("label", ""), goal, row.get("result", "")) if part)


def _dutch_date(row: dict) -> str:
    try:
        return f"{datetime.date.fromisoformat(row.get('due_on', '')):%d-%m-%Y}"
    except (TypeError, ValueError):
        return str(row.get("due_on", ""))


@dataclass
class AnswerRow:
    """One line of a response shown from its pinned version."""

    label: str
    help_text: str = ""
    is_heading: bool = False
    kind: str = ""
    value: object = None
    values: list = field(default_factory=list)


def answer_rows(response: FormResponse) -> list[AnswerRow]:
    """The questions of the response's own version, each with the answer given (or none)."""
    rows = []
    slug = response.version.definition.slug
    for item in response.version.fields:
        if item["type"] == HEADING:
            rows.append(AnswerRow(item["label"], item.get("help_text", ""), is_heading=True))
            continue
        value = response.answers.get(item["key"])
        labels = {}
        if item.get("binding"):
            given = value if isinstance(value, list) else [value]
            source_of = "row_source" if item["type"] == "plan_item_results" else "source"
            labels = binding_labels(slug, item["binding"], given, source_of=source_of)
        rows.append(
            AnswerRow(item["label"], kind=item["type"], **_display(item["type"], value, labels))
        )
    return rows


def _display(kind: str, value, labels: dict | None = None) -> dict:
    labels = labels or {}
    if value is None or value == []:
        return {}
    if kind in ROW_TYPES:
        return {"value": True, "values": [_row_text(kind, row, labels) for row in value]}
    if kind == "multiple_choice":
        return {"value": True, "values": [labels.get(str(v), v) for v in value]}
    if kind == "single_choice":
        return {"value": labels.get(str(value), value)}
    if kind == "date":
        try:
            return {"value": datetime.date.fromisoformat(value)}
        except (TypeError, ValueError):
            return {"value": value}
    if kind == "yes_no":
        return {"value": _("Ja") if value else _("Nee")}
    return {"value": value}

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from forms.panels import BindingPanel
from forms.schema import CHOICE_TYPES, ROW_TYPES, parse_choices


class FieldType(models.TextChoices):
    SHORT_TEXT = "short_text", _("Korte tekst")
    LONG_TEXT = "long_text", _("Lange tekst")
    SINGLE_CHOICE = "single_choice", _("Eén keuze")
    MULTIPLE_CHOICE = "multiple_choice", _("Meerdere keuzes")
    DATE = "date", _("Datum")
    NUMBER = "number", _("Getal")
    YES_NO = "yes_no", _("Ja/nee")
    SCALE = "scale", _("Schaal 1 tot 5")
    HEADING = "heading", _("Tussenkop met toelichting")
    AGREEMENTS = "agreements", _("Afsprakenlijst (gebonden veld)")
    PLAN_ITEM_RESULTS = "plan_item_results", _("Doelbereik per interventie (gebonden veld)")


key_validator = RegexValidator(
    r"^[a-z][a-z0-9_]*$",
    _("Alleen kleine letters, cijfers en liggende streepjes; begin met een letter."),
)


class FormField(Orderable):
    """One question (or section heading) of a form definition, in the order shown."""

    definition = ParentalKey(
        "structuredforms.FormDefinition", on_delete=models.CASCADE, related_name="form_fields"
    )
    field_type = models.CharField(
        _("soort veld"), max_length=20, choices=FieldType.choices, default=FieldType.SHORT_TEXT
    )
    label = models.CharField(_("vraag of kop"), max_length=255)
    key = models.CharField(
        _("sleutel"),
        max_length=50,
        blank=True,
        validators=[key_validator],
        help_text=_(
            "Vaste naam van het antwoord in rapportages; leeg laten om hem af te leiden "
            "van de vraag. Niet wijzigen als het formulier al gebruikt wordt."
        ),
    )
    help_text = models.TextField(_("toelichting"), blank=True, max_length=2000)
    required = models.BooleanField(_("verplicht"), default=False)
    choices = models.TextField(
        _("antwoordmogelijkheden"),
        blank=True,
        help_text=_("Eén antwoord per regel; alleen bij “Eén keuze” en “Meerdere keuzes”."),
    )
    min_value = models.DecimalField(
        _("minimum"), max_digits=15, decimal_places=4, null=True, blank=True
    )
    max_value = models.DecimalField(
        _("maximum"), max_digits=15, decimal_places=4, null=True, blank=True
    )
    binding = models.CharField(
        _("gebonden aan"),
        max_length=40,
        blank=True,
        editable=False,
        help_text=_("Het gegeven waar het systeem mee werkt; vastgelegd door het systeem."),
    )

    panels = [
        BindingPanel(),
        FieldRowPanel([FieldPanel("field_type"), FieldPanel("required")]),
        FieldPanel("label"),
        FieldPanel("help_text"),
        FieldPanel("choices"),
        FieldRowPanel([FieldPanel("min_value"), FieldPanel("max_value")]),
        FieldPanel("key"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("veld")
        verbose_name_plural = _("velden")

    def __str__(self):
        return self.label

    def clean(self):
        """Derive the key, and refuse settings that make no sense for the field type."""
        if not self.key and self.label:
            self.key = derive_key(self.label)
        if self.binding:
            # Type, answer list and "required" of a bound field are the system's, not the form's.
            return
        self._check_settings()

    def _check_settings(self):
        errors = {}
        if self.field_type in ROW_TYPES:
            errors["field_type"] = _(
                "Dit soort veld hoort bij een gebonden veld van het systeem en kan niet als "
                "losse vraag worden toegevoegd."
            )
        if self.field_type in CHOICE_TYPES and not parse_choices(self.choices):
            errors["choices"] = _("Geef minstens één antwoordmogelijkheid.")
        if self.field_type not in CHOICE_TYPES and self.choices.strip():
            errors["choices"] = _("Antwoordmogelijkheden horen alleen bij een keuzeveld.")
        if self.field_type != FieldType.NUMBER and (
            self.min_value is not None or self.max_value is not None
        ):
            errors["min_value"] = _("Een minimum en maximum horen alleen bij een getal.")
        elif (
            self.min_value is not None
            and self.max_value is not None
            and self.min_value > self.max_value
        ):
            errors["max_value"] = _("Het maximum moet groter zijn dan het minimum.")
        if self.field_type == FieldType.HEADING and self.required:
            errors["required"] = _("Een tussenkop kan niet verplicht zijn.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if not self.key:
            self.key = derive_key(self.label)
        super().save(*args, **kwargs)


def derive_key(label: str) -> str:
    """A stable answer key from a question, e.g. “Datum UVO” -> “datum_uvo”."""
    key = slugify(label).replace("-", "_")[:50].strip("_")
    if not key or not key[0].isalpha():
        key = f"vraag_{key}"[:50].strip("_")
    return key

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import PreviewableMixin
from wagtail.search import index

from snippets.letters import placeholder_help, unknown_placeholders
from snippets.models.base import CatalogueContent, LiveQuerySet


class LetterRecipientKind(models.TextChoices):
    """Who a notification letter goes to, and how (docs/spec/domain.md, "Notification letter")."""

    SUBJECT = "subject", _("Persoon, op het ingeschreven adres")
    SUBJECT_HANDOVER = "subject_handover", _("Persoon, persoonlijk overhandigd")
    PARENT = "parent", _("Ouder of (gezins)voogd van een minderjarige")
    FAMILY = "family", _("Familielid (gezinsaanpak)")
    DETAINED = "detained", _("Persoon in detentie, via de casemanager van de PI/JJI")


def _demo_values() -> dict[str, str]:
    """Fictional values for the preview."""
    from django.utils import formats

    today = timezone.localdate()
    return {
        "naam": "J. de Vries",
        "adres": "J. de Vries\nVoorbeeldstraat 1\n1011 AA Amsterdam",
        "datum": formats.date_format(today, "j F Y"),
        "datum_besluit": formats.date_format(today - datetime.timedelta(days=7), "j F Y"),
        "naam_persoon": "Sam de Vries",
        "regisseur": "A. Bakker",
        "organisatie_regisseur": "Reclassering Nederland",
        "instelling": "PI Voorbeeldstad",
        "kenmerk": f"{today.year}-00001",
    }


class LetterTemplate(PreviewableMixin, CatalogueContent):
    """The wording of one kind of notification letter; the programme team edits and publishes.

    Letters are made from the published version; a draft changes nothing until published.
    """

    recipient_kind = models.CharField(
        _("soort ontvanger"), max_length=30, choices=LetterRecipientKind.choices, unique=True
    )
    title = models.CharField(_("naam"), max_length=200)
    subject_line = models.CharField(
        _("onderwerp (betreft)"), max_length=255, help_text=_("Mag plaatshouders bevatten.")
    )
    body = RichTextField(
        _("tekst"),
        features=["bold", "italic", "ol", "ul", "link"],
        help_text=_("Plaatshouders: %(list)s") % {"list": placeholder_help()},
    )

    objects = LiveQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("recipient_kind"),
        FieldPanel("subject_line"),
        FieldPanel("body"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("briefsjabloon")
        verbose_name_plural = _("briefsjablonen")
        ordering = ["recipient_kind"]

    def __str__(self):
        return self.title

    def clean(self):
        """Refuse a placeholder the system does not know: it would stay in the letter."""
        super().clean()
        errors = {}
        for field in ("subject_line", "body"):
            unknown = unknown_placeholders(getattr(self, field))
            if unknown:
                errors[field] = _(
                    "Onbekende plaatshouder: %(names)s. Toegestaan zijn: %(allowed)s."
                ) % {
                    "names": ", ".join(f"{{{{ {name} }}}}" for name in unknown),
                    "allowed": ", ".join(f"{{{{ {n} }}}}" for n in _allowed()),
                }
        if errors:
            raise ValidationError(errors)

    def get_preview_template(self, request, mode_name, **kwargs):
        return "snippets/letter_document.html"

    def get_preview_context(self, request, mode_name, **kwargs):
        from snippets.letters import letter_document_context

        context = super().get_preview_context(request, mode_name, **kwargs)
        context.update(letter_document_context(template=self, values=_demo_values()))
        context["preview"] = True
        return context


def _allowed():
    from snippets.letters import PLACEHOLDERS

    return list(PLACEHOLDERS)

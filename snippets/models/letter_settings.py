from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField

DEFAULT_SENDER = (
    "Gemeente Amsterdam\nMeld- en Adviespunt IPGA Radicalisering\nPostbus 00000\n1000 AA Amsterdam"
)
DEFAULT_SIGNATURE = (
    "<p>Met vriendelijke groet,</p><p>de burgemeester van Amsterdam,<br/>namens deze,</p>"
    "<p>het hoofd van het Meld- en Adviespunt IPGA Radicalisering</p>"
)


@register_setting(icon="mail")
class LetterSettings(BaseGenericSetting):
    """What every notification letter shares: the sender block and the mayor's signature."""

    sender_block = models.TextField(
        _("afzender"), default=DEFAULT_SENDER, help_text=_("Bovenaan elke brief.")
    )
    place = models.CharField(_("plaats van ondertekening"), max_length=100, default="Amsterdam")
    signature_block = RichTextField(
        _("ondertekening namens de burgemeester"),
        default=DEFAULT_SIGNATURE,
        features=["bold", "italic"],
        help_text=_("Vult de plaatshouder {{ ondertekening }}."),
    )
    signer_name = models.CharField(
        _("naam ondertekenaar"),
        max_length=200,
        blank=True,
        help_text=_("Staat onder de ondertekening, bijvoorbeeld de naam van het hoofd."),
    )
    signer_function = models.CharField(_("functie ondertekenaar"), max_length=200, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linksboven op elke brief (PNG of JPEG)."),
    )
    contact_footer = models.TextField(
        _("contactgegevens (voettekst)"),
        blank=True,
        help_text=_("Onderaan elke pagina: telefoon, e-mail, website."),
    )

    panels = [
        FieldPanel("sender_block"),
        FieldPanel("logo"),
        FieldPanel("place"),
        FieldPanel("signature_block"),
        FieldPanel("signer_name"),
        FieldPanel("signer_function"),
        FieldPanel("contact_footer"),
    ]

    class Meta:
        verbose_name = _("briefinstellingen")

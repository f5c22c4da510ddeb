from django.db import models
from django.utils.translation import gettext_lazy as _
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

    class Meta:
        verbose_name = _("briefinstellingen")

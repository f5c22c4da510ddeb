from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="time")
class ProgrammeSettings(BaseGenericSetting):
    """Deadline rules of the programme (docs/spec/domain.md); a change moves open obligations
    only."""

    letter_days = models.PositiveSmallIntegerField(
        _("notificatiebrief: dagen na besluit opnemen"), default=21
    )
    advisory_lead_days = models.PositiveSmallIntegerField(
        _("ITAT-R: minimaal dagen na toewijzing"), default=35
    )
    uvo_interval_days = models.PositiveSmallIntegerField(
        _("UVO: dagen tussen twee UVO's"), default=56
    )
    evaluation_interval_days = models.PositiveSmallIntegerField(
        _("evaluatie: dagen na vaststelling of vorige evaluatie"), default=84
    )
    reminder_before_days = models.PositiveSmallIntegerField(
        _("herinnering: dagen voor de uiterste datum"), default=7
    )
    escalation_after_days = models.PositiveSmallIntegerField(
        _("escalatie: dagen na de uiterste datum"), default=1
    )
    retention_years_included = models.PositiveSmallIntegerField(
        _("bewaartermijn na afsluiting (jaren)"),
        default=5,
        help_text=_(
            "Zo lang na de afsluiting blijft een dossier dat in de aanpak was bewaard; daarna "
            "wordt het verwijderd en blijven alleen geanonimiseerde monitorcijfers over."
        ),
    )
    retention_months_not_included = models.PositiveSmallIntegerField(
        _("bewaartermijn melding zonder opname (maanden)"),
        default=12,
        help_text=_(
            "Voor meldingen die zijn afgedaan, overgedragen of niet opgenomen: zo lang na die "
            "afhandeling worden ze bewaard."
        ),
    )
    export_lifetime_days = models.PositiveSmallIntegerField(
        _("bewaartermijn exportbestanden (dagen)"),
        default=7,
        help_text=_(
            "Partnerexports en geüploade importbestanden worden na zoveel dagen verwijderd, met "
            "hun opdracht; bij verwijdering van een dossier gaan de exports meteen."
        ),
    )
    sender_email = models.EmailField(
        _("afzender herinneringen"), blank=True, help_text=_("Leeg: het standaardadres.")
    )

    class Meta:
        verbose_name = _("programma-instellingen")

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseMeeting(models.Model):
    """An implementers meeting (uitvoerdersoverleg, UVO) the case director chairs."""

    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name=_("dossier"),
        on_delete=models.CASCADE,
        related_name="case_meetings",
    )
    held_on = models.DateField(_("datum"))
    participant_organisations = models.ManyToManyField(
        "catalogue.Organisation",
        verbose_name=_("deelnemende organisaties"),
        blank=True,
        related_name="+",
    )
    participant_contacts = models.ManyToManyField(
        "dossiers.Contact",
        verbose_name=_("deelnemende contactpersonen"),
        blank=True,
        related_name="case_meetings",
    )
    report = models.ForeignKey(
        "structuredforms.FormResponse",
        verbose_name=_("verslag"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    escalation = models.BooleanField(
        _("escalatie"),
        default=False,
        help_text=_("De uitvoering stagneert; het plan gaat terug naar het ITAT-R."),
    )
    escalation_note = models.TextField(_("toelichting escalatie"), blank=True)
    chaired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("voorzitter"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    # Stored by dossiers.services.terms for the monitor: days from the previous UVO to this one,
    # when this one counts towards the UVO term (a previous UVO, the dossier in execution on
    # this day); else empty. In time when at most the interval (obligations.uvo_due).
    term_days = models.PositiveIntegerField(
        _("dagen sinds de vorige UVO"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("UVO")
        verbose_name_plural = _("UVO's")
        ordering = ["-held_on", "-pk"]
        # The obligations engine and the monitor read a dossier's UVOs by date, and the monitor
        # counts a period's UVOs and their terms from the index alone (issue 17).
        indexes = [
            models.Index(fields=["dossier", "held_on", "id"], name="uvo_dossier_held_idx"),
            models.Index(fields=["held_on", "term_days", "dossier"], name="uvo_held_term_idx"),
        ]

    def __str__(self):
        return str(_("UVO %(date)s") % {"date": f"{self.held_on:%d-%m-%Y}"})


class MeetingAgreement(models.Model):
    """An agreement made in a UVO: what, who, by when; shown until it is done."""

    case_meeting = models.ForeignKey(
        CaseMeeting,
        verbose_name=_("UVO"),
        on_delete=models.CASCADE,
        related_name="agreements",
    )
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name=_("dossier"),
        on_delete=models.CASCADE,
        related_name="agreements",
    )
    description = models.CharField(_("afspraak"), max_length=500)
    owner = models.CharField(_("wie"), max_length=200)
    due_on = models.DateField(_("uiterlijk"))
    done_on = models.DateField(_("gedaan op"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgevinkt door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.description

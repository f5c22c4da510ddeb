import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from snippets.models import Institution, LetterRecipientKind

# Kinds whose letter goes by post to an address unless it is handed over personally.
ADDRESS_KINDS = frozenset(
    {LetterRecipientKind.SUBJECT, LetterRecipientKind.PARENT, LetterRecipientKind.FAMILY}
)


class LetterRoute(models.TextChoices):
    POST = "post", _("Per post naar het adres")
    HANDOVER = "handover", _("Persoonlijk overhandigd, afgestemd met de regisseur")
    INSTITUTION = "institution", _("Via de PI/JJI, uitgereikt door de casemanager")


def letter_path(instance, filename):
    return f"brieven/{instance.dossier_id}/{filename}"


class NotificationLetter(models.Model):
    """One notification letter of a dossier: proposed on inclusion, generated, sent (register).

    The rendered PDF stays with the dossier in private storage and is served only through the
    access-checked, logged download view.
    """

    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name=_("dossier"),
        on_delete=models.CASCADE,
        related_name="letters",
    )
    recipient_kind = models.CharField(
        _("soort ontvanger"), max_length=30, choices=LetterRecipientKind.choices
    )
    recipient_subject = models.ForeignKey(
        "dossiers.Subject",
        verbose_name=_("ontvanger (persoon)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recipient_relative = models.ForeignKey(
        "dossiers.Relative",
        verbose_name=_("ontvanger (familielid)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="letters",
    )
    recipient_name = models.CharField(_("naam ontvanger"), max_length=260)
    street = models.CharField(_("straat en huisnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("woonplaats"), max_length=100, blank=True)
    institution = models.CharField(_("PI/JJI"), max_length=200, blank=True)
    template = models.ForeignKey(
        "catalogue.LetterTemplate",
        verbose_name=_("sjabloon"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    template_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("versie sjabloon"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    file = models.FileField(_("brief (PDF)"), upload_to=letter_path, blank=True)
    generated_at = models.DateTimeField(_("gemaakt op"), null=True, blank=True)
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gemaakt door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    sent_on = models.DateField(_("verzonden op"), null=True, blank=True)
    route = models.CharField(_("route"), max_length=20, choices=LetterRoute.choices, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verzonden door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    send_note = models.CharField(_("toelichting verzending"), max_length=255, blank=True)
    sent_recorded_at = models.DateTimeField(_("verzending vastgelegd op"), null=True, blank=True)
    created_at = models.DateTimeField(_("voorgesteld op"), auto_now_add=True)

    class Meta:
        verbose_name = _("notificatiebrief")
        verbose_name_plural = _("notificatiebrieven")
        ordering = ["dossier", "pk"]
        default_permissions = ("view",)
        permissions = [
            ("send_letters", _("Notificatiebrieven maken en verzending vastleggen (MAP)")),
        ]

    def __str__(self):
        return f"{self.get_recipient_kind_display()}: {self.recipient_name}"

    @property
    def needs_address(self) -> bool:
        return self.recipient_kind in ADDRESS_KINDS or self.recipient_kind == (
            LetterRecipientKind.DETAINED
        )

    @property
    def has_address(self) -> bool:
        return bool(self.street.strip() and self.city.strip())

    @property
    def address_lines(self) -> list[str]:
        lines = [self.recipient_name]
        if self.recipient_kind == LetterRecipientKind.DETAINED:
            found = Institution.objects.filter(name=self.institution).first()
            function = (found.case_manager_function if found else "") or _("casemanager")
            lines = [
                str(
                    _("t.a.v. de %(function)s, voor %(name)s")
                    % {"function": function.lower(), "name": self.recipient_name}
                ),
                self.institution,
            ]
        if self.street:
            lines.append(self.street)
        if self.postcode or self.city:
            lines.append(f"{self.postcode}  {self.city}".strip())
        return [line for line in lines if line]

    def due_date(self, letter_days: int) -> datetime.date | None:
        if self.dossier.included_on is None:
            return None
        return self.dossier.included_on + datetime.timedelta(days=letter_days)

    @property
    def register_status(self) -> str:
        """Open, overdue, sent or sent late; needs the ``due_on`` annotation (listings)."""
        due = getattr(self, "due_on", None)
        if self.sent_on:
            late = due is not None and self.sent_on > due
            return str(_("Te laat verzonden") if late else _("Verzonden"))
        if due is not None and timezone.localdate() > due:
            return str(_("Niet verzonden, termijn verstreken"))
        return str(_("Nog niet verzonden"))

    def is_late(self, *, letter_days: int, today: datetime.date) -> bool:
        """Sent after the deadline, or not sent while the deadline has passed."""
        due = self.due_date(letter_days)
        if due is None:
            return False
        return (self.sent_on or today) > due

from django.conf import settings
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _


class SignalChannel(models.TextChoices):
    PHONE = "phone", _("Telefoon")
    EMAIL = "email", _("E-mail")
    LETTER = "letter", _("Brief")
    IN_PERSON = "in_person", _("Persoonlijk")
    POLICE = "police", _("Politiesysteem")
    OTHER = "other", _("Anders")


class SourceType(models.TextChoices):
    TEACHER = "teacher", _("Docent of school")
    PROFESSIONAL = "professional", _("Professional")
    PARENT = "parent", _("Ouder of familielid")
    AIVD = "aivd", _("AIVD-ambtsbericht")
    ANONYMOUS = "anonymous", _("Anoniem")
    OTHER = "other", _("Anders")


class Urgency(models.TextChoices):
    NORMAL = "normal", _("Normaal")
    URGENT = "urgent", _("Spoed")


class TriageCloseReason(models.TextChoices):
    COACHING = "coaching", _("Melder heeft coaching of advies nodig")
    ANONYMOUS = "anonymous", _("Anonieme melding")
    NO_CONCERN = "no_concern", _("Geen zorg over radicalisering")


class Signal(models.Model):
    """A signal (melding) about possible radicalisation; belongs to the case it opened or joined."""

    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name=_("dossier"),
        on_delete=models.CASCADE,
        related_name="signals",
    )
    received_on = models.DateField(_("ontvangen op"))
    channel = models.CharField(_("kanaal"), max_length=20, choices=SignalChannel.choices)
    source_type = models.CharField(_("soort melder"), max_length=20, choices=SourceType.choices)
    reporter_name = models.CharField(_("naam melder"), max_length=200, blank=True)
    reporter_organisation = models.CharField(_("organisatie melder"), max_length=200, blank=True)
    reporter_contact = models.CharField(
        _("contactgegevens melder"),
        max_length=200,
        blank=True,
        help_text=_("Telefoonnummer of e-mailadres; leeg bij een anonieme melding."),
    )
    concern = models.TextField(
        _("zorg"), help_text=_("Wat is er gezien of gehoord, wanneer en door wie?")
    )
    person_first_name = models.CharField(_("voornaam betrokkene"), max_length=100, blank=True)
    person_last_name = models.CharField(_("achternaam betrokkene"), max_length=150, blank=True)
    person_birth_date = models.DateField(_("geboortedatum betrokkene"), null=True, blank=True)
    person_details = models.TextField(
        _("overige gegevens betrokkene(n)"),
        blank=True,
        help_text=_("Bijvoorbeeld adres, school of andere betrokkenen, voor zover bekend."),
    )
    urgency = models.CharField(
        _("urgentie"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geregistreerd door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    registered_at = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)
    triage_close_reason = models.CharField(
        _("reden afdoening"), max_length=20, choices=TriageCloseReason.choices, blank=True
    )
    regular_track_destination = models.CharField(
        _("overgedragen aan"),
        max_length=200,
        blank=True,
        help_text=_("Aan wie is de melding overgedragen (regulier traject)?"),
    )
    external_reference = models.CharField(
        _("kenmerk oud systeem"),
        max_length=100,
        blank=True,
        help_text=_("Het kenmerk uit het vorige registratiesysteem (migratie-import)."),
    )

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["external_reference"],
                condition=~models.Q(external_reference=""),
                name="unique_signal_external_reference",
            )
        ]

    def __str__(self):
        return _("Melding van %(date)s") % {"date": date_format(self.received_on, "j F Y")}

    @property
    def person_name(self) -> str:
        return f"{self.person_first_name} {self.person_last_name}".strip()


def attachment_path(instance, filename):
    return f"meldingen/{instance.signal.dossier_id}/{filename}"


class SignalAttachment(models.Model):
    """A file sent with a signal; type and size are checked on upload (uploads.py)."""

    signal = models.ForeignKey(
        Signal, verbose_name=_("melding"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("bestand"), upload_to=attachment_path)
    original_name = models.CharField(_("bestandsnaam"), max_length=255)
    uploaded_at = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")

    def __str__(self):
        return self.original_name

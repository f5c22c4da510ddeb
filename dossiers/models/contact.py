from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactKind(models.TextChoices):
    PRIVATE = "private", _("Privé (familie, vrienden, buurt)")
    PROFESSIONAL = "professional", _("Professioneel")


class Contact(models.Model):
    """A person around the subject (contactpersoon), private or professional."""

    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name=_("dossier"),
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=ContactKind.choices)
    role = models.CharField(
        _("rol"), max_length=200, help_text=_("Bijvoorbeeld moeder, mentor, reclasseringswerker.")
    )
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)
    details = models.TextField(
        _("gegevens"), blank=True, help_text=_("Telefoon, e-mail, adres, bereikbaarheid.")
    )
    sharing_note = models.TextField(
        _("wat mag gedeeld worden"),
        blank=True,
        help_text=_("Welke informatie mag met deze persoon gedeeld worden, en welke niet?"),
    )
    active = models.BooleanField(_("actief"), default=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")
        ordering = ["-active", "name", "pk"]

    def __str__(self):
        return f"{self.name} ({self.role})"

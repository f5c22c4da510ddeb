import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Gender(models.TextChoices):
    FEMALE = "f", _("Vrouw")
    MALE = "m", _("Man")
    OTHER = "x", _("Anders / onbekend")


class Subject(models.Model):
    """The person in the approach: this is where personal data lives."""

    first_name = models.CharField(_("voornaam"), max_length=100)
    last_name = models.CharField(_("achternaam"), max_length=150)
    birth_date = models.DateField(_("geboortedatum"), null=True, blank=True)
    gender = models.CharField(
        _("geslacht"), max_length=1, choices=Gender.choices, default=Gender.OTHER
    )
    street = models.CharField(_("straat en huisnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("woonplaats"), max_length=100, blank=True)
    detained_in = models.ForeignKey(
        "catalogue.Institution",
        verbose_name=_("gedetineerd in (PI/JJI)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leeg als de persoon niet gedetineerd is; bepaalt de route van de brief."),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        indexes = [models.Index(fields=["last_name", "birth_date"])]

    def __str__(self):
        return f"{self.first_name} {self.last_name}"

    def age_on(self, day: datetime.date) -> int | None:
        if not self.birth_date:
            return None
        before_birthday = (day.month, day.day) < (self.birth_date.month, self.birth_date.day)
        return day.year - self.birth_date.year - before_birthday

    @property
    def is_minor(self) -> bool:
        age = self.age_on(timezone.localdate())
        return age is not None and age < 18

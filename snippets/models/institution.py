from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class InstitutionKind(models.TextChoices):
    PI = "pi", _("Penitentiaire inrichting (PI)")
    JJI = "jji", _("Justitiële jeugdinrichting (JJI)")


class InstitutionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Institution(index.Indexed, models.Model):
    """A PI or JJI: where a detained person gets the notification letter (handbook ch. 2),
    handed over by the institution's case manager. Reference data the programme team keeps."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    kind = models.CharField(_("soort"), max_length=10, choices=InstitutionKind.choices)
    street = models.CharField(_("straat en huisnummer of postbus"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=10)
    city = models.CharField(_("plaats"), max_length=100)
    case_manager_function = models.CharField(
        _("functie van de casemanager"),
        max_length=120,
        default=_("Casemanager"),
        help_text=_("Staat boven het adres: ‘t.a.v. de …’ van de inrichting."),
    )
    active = models.BooleanField(
        _("actief"), default=True, help_text=_("Uitvinken als de inrichting niet meer bestaat.")
    )

    objects = InstitutionQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("street"),
        FieldPanel("postcode"),
        FieldPanel("city"),
        FieldPanel("case_manager_function"),
        FieldPanel("active"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("inrichting (PI/JJI)")
        verbose_name_plural = _("inrichtingen (PI/JJI)")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def address_lines(self) -> list[str]:
        return [line for line in (self.street, f"{self.postcode}  {self.city}".strip()) if line]

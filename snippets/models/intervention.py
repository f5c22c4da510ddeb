from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from snippets.models.base import CatalogueContent, LiveQuerySet


class InterventionDomain(models.TextChoices):
    """Where an intervention comes from: criminal justice, care, or the social domain."""

    JUSTICE = "justice", _("Straf")
    CARE = "care", _("Zorg")
    WORK = "work", _("Sociaal domein: werk")
    HOUSING = "housing", _("Sociaal domein: wonen")
    INCOME = "income", _("Sociaal domein: inkomen en schulden")
    EDUCATION = "education", _("Sociaal domein: onderwijs")
    NETWORK = "network", _("Sociaal domein: gezin en netwerk")
    IDEOLOGY = "ideology", _("Ideologie en levensbeschouwing")


SOCIAL_DOMAINS = frozenset(
    {
        InterventionDomain.WORK,
        InterventionDomain.HOUSING,
        InterventionDomain.INCOME,
        InterventionDomain.EDUCATION,
        InterventionDomain.NETWORK,
    }
)


class SpecialKind(models.TextChoices):
    """The special interventions the monitor counts separately (bijzondere interventies)."""

    NONE = "", _("Geen")
    PASSPORT = "passport", _("Paspoortmaatregel")
    GGD_SCREENING = "ggd_screening", _("GGD-screening")
    SPECIALIST_POOL = "specialist_pool", _("Pool specialisten")


class InterventionQuerySet(LiveQuerySet):
    def available(self):
        """Published and not retired: what a case director may add to a plan today."""
        return self.filter(live=True, active=True)


class Intervention(CatalogueContent):
    """A catalogue item (instrumentenkoffer) a case director can put in a plan of approach.

    Retiring (``active = False``) keeps the row, so plans that used it stay readable.
    """

    name = models.CharField(_("naam"), max_length=200, unique=True)
    description = models.TextField(
        _("omschrijving"), help_text=_("Wat de interventie inhoudt en wat ze kan opleveren.")
    )
    domain = models.CharField(_("domein"), max_length=20, choices=InterventionDomain.choices)
    organisations = ParentalManyToManyField(
        "catalogue.Organisation",
        verbose_name=_("uitvoerende organisaties"),
        related_name="interventions",
        blank=True,
        help_text=_("De organisaties die deze interventie kunnen uitvoeren."),
    )
    risk_groups = ParentalManyToManyField(
        "catalogue.RiskGroup",
        verbose_name=_("risicogroepen"),
        related_name="interventions",
        blank=True,
        help_text=_("Voor welke risicogroepen de interventie geschikt is; leeg is alle."),
    )
    typical_duration_weeks = models.PositiveSmallIntegerField(
        _("gebruikelijke duur (weken)"),
        null=True,
        blank=True,
        help_text=_("Hoe lang de interventie meestal loopt; leeg als dat niet vast staat."),
    )
    special_kind = models.CharField(
        _("bijzondere interventie"),
        max_length=20,
        choices=SpecialKind.choices,
        default=SpecialKind.NONE,
        blank=True,
        help_text=_("Bijzondere interventies worden in de monitor apart geteld."),
    )
    active = models.BooleanField(
        _("in gebruik"),
        default=True,
        help_text=_(
            "Uitvinken om de interventie uit te faseren: ze is dan niet meer te kiezen, "
            "maar blijft zichtbaar in bestaande plannen."
        ),
    )

    objects = InterventionQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("domain"), FieldPanel("special_kind")]),
        FieldPanel("typical_duration_weeks"),
        MultiFieldPanel(
            [FieldPanel("organisations"), FieldPanel("risk_groups")],
            heading=_("Uitvoering en doelgroep"),
        ),
        FieldPanel("active"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
        index.FilterField("domain"),
        index.FilterField("active"),
    ]

    class Meta:
        verbose_name = _("interventie")
        verbose_name_plural = _("interventies")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_social_domain(self) -> bool:
        return self.domain in SOCIAL_DOMAINS

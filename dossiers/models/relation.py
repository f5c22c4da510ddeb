from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RelationKind(models.TextChoices):
    """What the relative is to the dossier's person: "<relative> is <kind> van <person>"."""

    PARENT = "parent", _("Ouder")
    GUARDIAN = "guardian", _("(Gezins)voogd")
    CHILD = "child", _("Kind")
    WARD = "ward", _("Pupil (onder voogdij)")
    SIBLING = "sibling", _("Broer of zus")
    PARTNER = "partner", _("Partner")
    FAMILY = "family", _("Ander familielid")


#: the same relation read from the other side: "A is ouder van B" is "B is kind van A"
INVERSE_KIND = {
    RelationKind.PARENT: RelationKind.CHILD,
    RelationKind.CHILD: RelationKind.PARENT,
    RelationKind.GUARDIAN: RelationKind.WARD,
    RelationKind.WARD: RelationKind.GUARDIAN,
    RelationKind.SIBLING: RelationKind.SIBLING,
    RelationKind.PARTNER: RelationKind.PARTNER,
    RelationKind.FAMILY: RelationKind.FAMILY,
}
#: kinds that can hold parental authority over the dossier's person
AUTHORITY_KINDS = frozenset({RelationKind.PARENT, RelationKind.GUARDIAN})


class Relative(models.Model):
    """A relative recorded on a dossier as a person (handbook ch. 2, risk group 5).

    The relative needs no dossier of their own. When they are also the person of another
    dossier, ``linked_subject`` keeps that link; that dossier's own page then reads the
    relation from the other side (``INVERSE_KIND``).
    """

    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name=_("dossier"),
        on_delete=models.CASCADE,
        related_name="relatives",
    )
    kind = models.CharField(_("relatie"), max_length=20, choices=RelationKind.choices)
    first_name = models.CharField(_("voornaam"), max_length=100, blank=True)
    last_name = models.CharField(_("achternaam"), max_length=150)
    birth_date = models.DateField(_("geboortedatum"), null=True, blank=True)
    street = models.CharField(_("straat en huisnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("woonplaats"), max_length=100, blank=True)
    parental_authority = models.BooleanField(
        _("heeft gezag"),
        default=False,
        help_text=_(
            "Bij een ouder of voogd: heeft deze persoon het gezag over de persoon van dit "
            "dossier? Bij een kind of pupil: heeft de persoon van dit dossier het gezag?"
        ),
    )
    in_family_approach = models.BooleanField(
        _("valt onder de gezinsaanpak"),
        default=False,
        help_text=_("Alleen van belang als voor dit dossier een gezinsaanpak is besloten."),
    )
    linked_subject = models.ForeignKey(
        "dossiers.Subject",
        verbose_name=_("ook persoon in een ander dossier"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recorded_as_relative",
    )
    note = models.CharField(_("toelichting"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("familielid")
        verbose_name_plural = _("familieleden")
        ordering = ["dossier", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "linked_subject"],
                condition=models.Q(linked_subject__isnull=False),
                name="relative_linked_once_per_dossier",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def has_address(self) -> bool:
        return bool(self.street.strip() and self.city.strip())

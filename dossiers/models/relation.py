from django.db import models
from django.utils.translation import gettext_lazy as _


class RelationKind(models.TextChoices):
    PARENT = "parent", _("Ouder van")
    SIBLING = "sibling", _("Broer of zus van")
    PARTNER = "partner", _("Partner van")
    FAMILY = "family", _("Ander familielid van")


class SubjectRelation(models.Model):
    """A family link between two subjects (risk group 5, the family approach)."""

    subject = models.ForeignKey(
        "dossiers.Subject",
        verbose_name=_("persoon"),
        on_delete=models.CASCADE,
        related_name="relations",
    )
    related = models.ForeignKey(
        "dossiers.Subject",
        verbose_name=_("gerelateerde persoon"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("relatie"), max_length=20, choices=RelationKind.choices)
    note = models.CharField(_("toelichting"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("familierelatie")
        verbose_name_plural = _("familierelaties")
        constraints = [
            models.UniqueConstraint(fields=["subject", "related"], name="unique_subject_relation"),
            models.CheckConstraint(
                condition=~models.Q(subject=models.F("related")), name="relation_not_to_self"
            ),
        ]

    def __str__(self):
        return f"{self.subject} – {self.get_kind_display()} – {self.related}"

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImmutableQuerySet(models.QuerySet):
    """Refuses bulk changes: a published version is a record, not a draft."""

    def update(self, **kwargs):
        raise ValidationError(_("Een gepubliceerde formulierversie kan niet worden gewijzigd."))

    def delete(self):
        raise ValidationError(_("Een gepubliceerde formulierversie kan niet worden verwijderd."))


class FormVersion(models.Model):
    """A published form frozen as a schema; responses pin one so they stay readable."""

    definition = models.ForeignKey(
        "structuredforms.FormDefinition",
        verbose_name=_("formulierdefinitie"),
        on_delete=models.PROTECT,
        related_name="versions",
    )
    number = models.PositiveIntegerField(_("versie"))
    published_at = models.DateTimeField(_("gepubliceerd op"))
    schema = models.JSONField(_("velden"))

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        verbose_name = _("formulierversie")
        verbose_name_plural = _("formulierversies")
        ordering = ["definition", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["definition", "number"], name="form_version_unique")
        ]

    def __str__(self):
        return f"{self.title} (versie {self.number})"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(_("Een gepubliceerde formulierversie kan niet worden gewijzigd."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Een gepubliceerde formulierversie kan niet worden verwijderd."))

    @property
    def title(self) -> str:
        return self.schema.get("title", "")

    @property
    def fields(self) -> list[dict]:
        return self.schema.get("fields", [])

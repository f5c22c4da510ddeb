from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class FormResponse(models.Model):
    """Answers to one form version, keyed by field key; optionally part of a dossier."""

    version = models.ForeignKey(
        "structuredforms.FormVersion",
        verbose_name=_("formulierversie"),
        on_delete=models.PROTECT,
        related_name="responses",
    )
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name=_("dossier"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="form_responses",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingevuld door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="form_responses",
    )
    submitted_at = models.DateTimeField(_("ingevuld op"), default=timezone.now)
    answers = models.JSONField(_("antwoorden"), default=dict, encoder=DjangoJSONEncoder)
    is_draft = models.BooleanField(
        _("concept"),
        default=False,
        help_text=_("Een concept is opgeslagen maar niet ingediend: het telt nergens als gedaan."),
    )
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True, null=True)

    class Meta:
        verbose_name = _("ingevuld formulier")
        verbose_name_plural = _("ingevulde formulieren")
        ordering = ["-submitted_at", "-pk"]

    def __str__(self):
        return f"{self.version.title} – {timezone.localtime(self.submitted_at):%d-%m-%Y %H:%M}"

from django.db import models
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import BaseLogEntry
from wagtail.models.audit_log import ModelLogEntryManager


class DossierLogEntryManager(ModelLogEntryManager):
    #: callable(user) -> the dossiers ``user`` may see: ``access.dossiers_for``, set by
    #: ``DossiersConfig.ready()`` (models import no access module); unset, nothing is viewable
    dossiers_for = None

    def viewable_by_user(self, user):
        """Only entries of dossiers in ``user``'s scope (Wagtail checks the content type only)."""
        dossiers_for = type(self).dossiers_for
        if dossiers_for is None:
            return self.none()
        visible = (
            dossiers_for(user)
            .annotate(pk_text=Cast("pk", models.CharField(max_length=255)))
            .values("pk_text")
        )
        return self.filter(object_id__in=visible)


class DossierLogEntry(BaseLogEntry):
    """Wagtail's change log of dossiers, apart from other models so "site history" is scoped.

    Registered for ``Dossier`` by the ``register_log_actions`` hook in ``dossiers.wagtail_hooks``.
    """

    object_id = models.CharField(max_length=255, db_index=True)

    objects = DossierLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("logregel dossier")
        verbose_name_plural = _("logregels dossiers")

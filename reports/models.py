"""The monitor's models: the permission anchor, and the facts kept of deleted cases."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Monitor(models.Model):
    """Anchor for ``monitor.view_monitor``; aggregate figures are computed, never stored."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_monitor", _("De monitor (geaggregeerde cijfers) inzien"))]
        verbose_name = _("monitor")

    def __str__(self):
        return str(self._meta.verbose_name)


class MonitorFact(models.Model):
    """What the monitor still needs of a case after retention deleted it: no name, no reference.

    Written by ``dossiers.services.retention`` in the transaction that deletes the case; the
    monitor's selectors add these to the figures of the live dossiers (docs/adr/0007).
    ``data`` holds the dates and categories the figures count (see ``reports.facts``).
    """

    created_on = models.DateField(_("aangemaakt op"))
    data = models.JSONField(_("feiten"))

    class Meta:
        verbose_name = _("monitorfeit")
        verbose_name_plural = _("monitorfeiten")
        default_permissions = ()

    def __str__(self):
        return f"{self._meta.verbose_name} {self.pk}"

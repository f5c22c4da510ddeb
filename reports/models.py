"""The monitor has no table of its own: this unmanaged model only carries its permission."""

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

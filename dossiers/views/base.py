"""Shared bits of the small admin views that act on one dossier."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class DossierActionMixin:
    """Breadcrumbs Home > Dossiers > <dossier> > <action>, and the dossier in the context."""

    inspect_url_name = None

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Start")},
            {"url": reverse("dossiers:index"), "label": _("Dossiers")},
            {
                "url": reverse(self.inspect_url_name, args=[self.object.pk]),
                "label": str(self.object),
            },
            {"url": "", "label": self.get_page_title()},
        ]

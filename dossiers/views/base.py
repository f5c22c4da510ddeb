"""Shared bits of the small admin views that act on one dossier."""

from django.core.exceptions import ValidationError
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet


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


def form_add_service_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: per field where the form has it."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, field_messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, field_messages)


class ReadOnlyModelViewSet(ModelViewSet):
    """A listing (and inspection, if enabled) that nobody edits: logs, imported lists.

    Only the index, results and inspect URLs exist, and no page links to add, edit, delete,
    history or usage views.
    """

    copy_view_enabled = False
    search_backend_name = None
    list_per_page = 50
    form_fields = []

    def get_urlpatterns(self):
        patterns = [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]
        if self.inspect_view_enabled:
            patterns.append(path("inspect/<str:pk>/", self.inspect_view, name="inspect"))
        return patterns

    def register_admin_url_finder(self):
        """No edit URL to link to: Wagtail's usage pages of other objects that refer to these
        rows would fail to reverse one (500), so no admin URL finder is registered."""

    def get_common_view_kwargs(self, **kwargs):
        kwargs = super().get_common_view_kwargs(**kwargs)
        hidden = ["add", "edit", "delete", "history", "usage"]
        if not self.inspect_view_enabled:
            hidden.append("inspect")
        return {**kwargs, **{f"{name}_url_name": None for name in hidden}}

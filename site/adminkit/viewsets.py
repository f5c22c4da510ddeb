"""Index views and viewsets the apps share: formula-safe exports, logged listings, read-only.

``SafeExportIndexView`` is the one listing whose ``?export=`` goes through the safe writer
(``reports.listing_export``); ``LoggedIndexView`` also logs every page and export of personal
data; ``ReadOnlyModelViewSet`` is a listing (and inspection) nobody edits.
"""

from django.urls import path
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from adminkit.logged_views import LoggedListingMixin, LoggedObjectMixin
from reports.listing_export import ListingExportMixin


class SafeExportIndexView(ListingExportMixin, generic.IndexView):
    """A listing whose xlsx/csv export is formula-safe (``?export=`` only where the viewset
    sets ``list_export``)."""


class LoggedIndexView(LoggedListingMixin, SafeExportIndexView):
    """A listing of personal data: formula-safe exports, every page and export logged."""


class LoggedInspectView(LoggedObjectMixin, generic.InspectView):
    """An inspect page of personal data: every read logged."""


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

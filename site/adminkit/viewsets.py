"""Index views and viewsets the apps share: formula-safe exports, logged listings, read-only.

``SafeExportIndexView`` is the one listing whose ``?export=`` goes through the safe writer
(``reports.listing_export``); ``LoggedIndexView`` also logs every page and export of personal
data; ``ReadOnlyModelViewSet`` is a listing (and inspection) nobody edits.
"""

from django.contrib.admin.utils import quote
from django.urls import NoReverseMatch, path, reverse
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from adminkit.logged_views import LoggedListingMixin, LoggedObjectMixin
from reports.listing_export import ListingExportMixin

# Placeholders for a row's key in a reversed URL: a text key, and a number for ``<int:pk>``
ROW_KEYS = ("__row_key__", "9090909090909090")


class SafeExportIndexView(ListingExportMixin, generic.IndexView):
    """A listing whose xlsx/csv export is formula-safe (``?export=`` only where the viewset
    sets ``list_export``).

    Wagtail asks the permission policy for every row's links and buttons (about six questions
    a row) and reverses each row's URLs (about 0.1 ms each with the admin's many URL patterns);
    the user and their roles are the same for the whole request, so each question is answered
    once per page, and each URL name is reversed once, the row's key put in its place.
    """

    def get_edit_url(self, instance):
        if self.edit_url_name and self.user_has_permission("change"):
            return self._row_url(self.edit_url_name, instance)

    def get_copy_url(self, instance):
        if self.copy_url_name and self.user_has_permission("add"):
            return self._row_url(self.copy_url_name, instance)

    def get_inspect_url(self, instance):
        if self.inspect_url_name and self.user_has_any_permission(
            {"add", "change", "delete", "view"}
        ):
            return self._row_url(self.inspect_url_name, instance)

    def get_delete_url(self, instance):
        if self.delete_url_name and self.user_has_permission("delete"):
            return self._row_url(self.delete_url_name, instance)

    def _row_url(self, name: str, instance) -> str:
        patterns = self.__dict__.setdefault("_row_url_patterns", {})
        if name not in patterns:
            patterns[name] = None  # no placeholder fits the URL's key: reversed per row
            for key in ROW_KEYS:
                try:
                    patterns[name] = (key, reverse(name, args=(key,)))
                    break
                except NoReverseMatch:
                    continue
        if patterns[name] is None:
            return reverse(name, args=(quote(instance.pk),))
        key, url = patterns[name]
        return url.replace(key, str(quote(instance.pk)))

    def user_has_permission(self, permission):
        return self._memo(permission, super().user_has_permission)

    def user_has_any_permission(self, permissions):
        return self._memo(frozenset(permissions), super().user_has_any_permission)

    def _memo(self, question, ask):
        answers = self.__dict__.setdefault("_permission_answers", {})
        if question not in answers:
            answers[question] = ask(question)
        return answers[question]


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

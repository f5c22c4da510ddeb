"""View mixins that write the access log for every read and export of personal data.

The rows are written by the project's recorder (``adminkit.access_log``).
"""

from adminkit.access_log import EXPORT, VIEW
from adminkit.access_log import record as access_log_record


class LoggedListingMixin:
    """Logs one row per listing page (with its row count) and one per export."""

    log_description = ""

    def render_to_response(self, context, **response_kwargs):
        rows = context.get("object_list")
        count = len(rows) if rows is not None and not self.is_export else None
        if self.is_export:
            count = context["object_list"].count()
        access_log_record(
            request=self.request,
            action=EXPORT if self.is_export else VIEW,
            description=self.log_description or str(self.model._meta.verbose_name_plural),
            row_count=count,
        )
        return super().render_to_response(context, **response_kwargs)


class LoggedObjectMixin:
    """Logs one row for the dossier whose personal data the view shows."""

    def get_logged_dossier(self):
        return getattr(self.object, "dossier", self.object)

    def get_log_description(self) -> str:
        return f"{self.object._meta.verbose_name}: {self.object}"

    def _log_read(self, request) -> None:
        access_log_record(
            request=request,
            dossier=self.get_logged_dossier(),
            description=self.get_log_description(),
        )

    def get(self, request, *args, **kwargs):
        if getattr(self, "object", None) is None:  # edit views load it only in get()
            self.object = self.get_object()
        self._log_read(request)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        """A POST that renders the page again (a form with errors) shows the data once more,
        so it is a read too; a POST that redirects has shown nothing."""
        handler = getattr(super(), "post", None)
        if handler is None:
            return self.http_method_not_allowed(request, *args, **kwargs)
        response = handler(request, *args, **kwargs)
        if response.status_code == 200 and getattr(self, "object", None) is not None:
            self._log_read(request)
        return response


class LoggedExportMixin:
    """Logs one row per export (with its row count); for listings whose pages are not logged
    (administration lists: users, reminders, the access log itself)."""

    log_description = ""

    def render_to_response(self, context, **response_kwargs):
        if self.is_export:
            access_log_record(
                request=self.request,
                action=EXPORT,
                description=self.log_description or str(self.model._meta.verbose_name_plural),
                row_count=context["object_list"].count(),
            )
        return super().render_to_response(context, **response_kwargs)

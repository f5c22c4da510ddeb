"""The access log as administrators see it: pseudonymous (docs/roles.md, ADR 0004).

Administrators see the dossier number, the reader, the kind of object read, when and why,
never the subject's name. Resolving the names behind one row is the separate permission
``dossiers.resolve_accesslog_names`` (role "Toezicht privacy"); every lookup asks for a reason
and is itself written to the access log.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import InspectView
from wagtail.admin.widgets.button import Button

from dossiers import access
from dossiers.models import AccessAction, AccessLogEntry
from dossiers.services.access_log import access_log_record

RESOLVE_PERMISSION = "dossiers.resolve_accesslog_names"

# What administrators see of a row; never subject_name, subject_id_snapshot, the full
# description (it may name a letter's recipient or a contact) or the query string.
PSEUDONYMOUS_FIELDS = [
    "at",
    "username",
    "organisation",
    "action",
    "dossier_reference",
    "what",
    "purpose",
    "row_count",
    "request_id",
    "path_without_query",
]


class AccessLogInspectView(InspectView):
    """One row, pseudonymous; a "Naam opzoeken" button for Toezicht privacy only."""

    fields = PSEUDONYMOUS_FIELDS

    def get_field_label(self, field_name, field):
        labels = {"what": _("Wat"), "path_without_query": _("Adres (zonder zoekterm)")}
        if field_name in labels:
            return labels[field_name]
        return super().get_field_label(field_name, field)

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if access.has_permission(self.request.user, RESOLVE_PERMISSION):
            buttons.append(
                Button(
                    _("Naam opzoeken"),
                    url=reverse("access_log:resolve", args=[self.object.pk]),
                    icon_name="view",
                    priority=30,
                )
            )
        return buttons


class ResolveForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden"),
        max_length=200,
        help_text=_("Bijvoorbeeld het nummer van het incident of het verzoek. Wordt gelogd."),
    )


class ResolveNamesView(WagtailAdminTemplateMixin, FormView):
    """Shows the names behind one access-log row after a reason is given; logs the lookup."""

    template_name = "reports/access_log_resolve.html"
    form_class = ResolveForm
    page_title = _("Naam opzoeken in de toegangslog")
    header_icon = "history"

    def dispatch(self, request, *args, **kwargs):
        if not access.has_permission(request.user, RESOLVE_PERMISSION):
            raise PermissionDenied
        self.entry = get_object_or_404(AccessLogEntry, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Start")},
            {"url": reverse("access_log:index"), "label": _("Toegangslog")},
            {"url": reverse("access_log:inspect", args=[self.entry.pk]), "label": str(self.entry)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(entry=self.entry, **kwargs)

    def form_valid(self, form):
        access_log_record(
            request=self.request,
            action=AccessAction.VIEW,
            description=_("Toegangslog: namen opgezocht bij regel %(pk)s") % {"pk": self.entry.pk},
            purpose=form.cleaned_data["reason"],
        )
        return self.render_to_response(
            self.get_context_data(form=form, resolved=True, reason=form.cleaned_data["reason"])
        )

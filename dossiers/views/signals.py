"""Registering a signal, with the duplicate check before anything is saved."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from adminkit.logged_views import LoggedObjectMixin
from adminkit.viewsets import LoggedIndexView
from dossiers import access
from dossiers.models import AccessAction, Dossier, Signal, SignalAttachment
from dossiers.selectors import duplicate_candidates, other_approach_matches
from dossiers.services import access_log_record, signal_register
from dossiers.views.base import form_add_service_errors

NEW_PERSON = "new"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class SignalForm(forms.ModelForm):
    attachments = MultipleFileField(
        label=gettext_lazy("Bijlagen"),
        required=False,
        help_text=gettext_lazy(
            "PDF, Word (docx), ODT, afbeelding (png/jpg) of tekst; max. 10 MB per bestand."
        ),
    )
    link_to = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Signal
        fields = [
            "received_on",
            "channel",
            "source_type",
            "urgency",
            "reporter_name",
            "reporter_organisation",
            "reporter_contact",
            "person_first_name",
            "person_last_name",
            "person_birth_date",
            "person_details",
            "concern",
        ]
        widgets = {
            "received_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "person_birth_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["received_on"].initial = timezone.localdate


class SignalRegisterView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Register a signal; when the person may be known, show the matches and let the user choose."""

    permission_required = "add"
    template_name = "dossiers/signal_register.html"
    form_class = SignalForm
    page_title = gettext_lazy("Nieuwe melding")
    header_icon = "warning"
    model = Signal
    index_url_name = None
    dossier_url_name = "dossiers:inspect"

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Start")},
            {"url": reverse(self.index_url_name), "label": _("Meldingen")},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("candidates", [])
        context.setdefault("list_matches", [])
        context["new_person"] = NEW_PERSON
        return context

    def form_valid(self, form):
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("attachments", "link_to")}
        choice = form.cleaned_data.get("link_to") or ""
        candidates = duplicate_candidates(
            first_name=data["person_first_name"],
            last_name=data["person_last_name"],
            birth_date=data["person_birth_date"],
        )
        list_matches = other_approach_matches(
            user=self.request.user,
            first_name=data["person_first_name"],
            last_name=data["person_last_name"],
            birth_date=data["person_birth_date"],
        )
        if (candidates or list_matches) and not choice:
            return self.show_candidates(form, candidates, list_matches)
        link_to = None
        if choice and choice != NEW_PERSON:
            link_to = Dossier.objects.filter(
                pk__in=[c.dossier_id for c in candidates], pk=choice
            ).first()
            if link_to is None:
                form.add_error(None, _("Kies een van de getoonde dossiers of ‘nieuwe persoon’."))
                return self.show_candidates(form, candidates, list_matches)
        try:
            signal = signal_register(
                by=self.request.user,
                data=data,
                attachments=form.cleaned_data["attachments"],
                link_to=link_to,
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
            return self.form_invalid(form)
        if link_to is not None:
            messages.success(
                self.request,
                _("Melding gekoppeld aan bestaand dossier %(ref)s.") % {"ref": link_to.reference},
            )
            return redirect(self.index_url_name)
        messages.success(
            self.request,
            _("Melding geregistreerd in dossier %(ref)s.") % {"ref": signal.dossier.reference},
        )
        return redirect(self.dossier_url_name, signal.dossier_id)

    def show_candidates(self, form, candidates, list_matches=()):
        log_list_matches(self.request, list_matches)
        for candidate in candidates:
            access_log_record(
                request=self.request,
                action=AccessAction.VIEW,
                dossier=Dossier.objects.select_related("subject").get(pk=candidate.dossier_id),
                description=_("Dubbelcheck bij melding: mogelijke match"),
            )
        if form.cleaned_data.get("attachments"):
            messages.warning(self.request, _("Voeg de bijlagen opnieuw toe bij het bevestigen."))
        return self.render_to_response(
            self.get_context_data(form=form, candidates=candidates, list_matches=list_matches)
        )


def log_list_matches(request, list_matches) -> None:
    """One access-log row per person of another approach's list that the user is shown."""
    for match in list_matches:
        access_log_record(
            request=request,
            action=AccessAction.VIEW,
            description=_("Dubbelcheck: %(name)s op lijst %(approach)s (%(ref)s)")
            % {"name": match.name, "approach": match.other_approach, "ref": match.reference},
        )


class SignalIndexView(LoggedIndexView):
    log_description = gettext_lazy("Meldingenlijst")


class SignalInspectView(LoggedObjectMixin, generic.InspectView):
    template_name = "dossiers/signal_inspect.html"


def attachment_download(request, pk):
    """Serve one attachment of a signal the user may see; logged, never cached, else 404."""
    attachment = get_object_or_404(
        access.children_for(
            request.user, SignalAttachment.objects.all(), dossier_path="signal__dossier"
        ).select_related("signal__dossier__subject"),
        pk=pk,
    )
    access_log_record(
        request=request,
        action=AccessAction.DOWNLOAD,
        dossier=attachment.signal.dossier,
        description=_("Bijlage: %(name)s") % {"name": attachment.original_name},
    )
    return FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name
    )

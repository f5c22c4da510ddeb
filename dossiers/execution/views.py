"""Executing the plan: the logbook, contacts, UVOs with agreements, evaluations, proposals."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, View
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import BaseObjectMixin

from adminkit.logged_views import LoggedObjectMixin
from adminkit.viewsets import LoggedIndexView
from dossiers import access
from dossiers.execution.plan_services import directed_dossier_check
from dossiers.execution.plan_views import DATE_INPUT, DossierPageMixin
from dossiers.execution.selectors import journal_of
from dossiers.execution.services import (
    agreement_done,
    contact_save,
    journal_entry_add,
)
from dossiers.models import (
    CaseMeeting,
    Contact,
    JournalEntry,
    MeetingAgreement,
)
from dossiers.views.base import form_add_service_errors

JOURNAL_PAGE_SIZE = 50


class DirectorWriteMixin:
    """Writing on a dossier page: only its case director, and only while it is open."""

    def dispatch(self, request, *args, **kwargs):
        if not access.directed_dossiers_for(request.user).filter(pk=self.object.pk).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# --- logbook ------------------------------------------------------------------------------


class JournalEntryForm(forms.ModelForm):
    corrects = forms.IntegerField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = JournalEntry
        fields = ["kind", "occurred_on", "text"]
        widgets = {"occurred_on": DATE_INPUT, "text": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["occurred_on"].initial = timezone.localdate


class JournalView(DossierPageMixin, FormView):
    """The whole logbook, newest first, paged; the case director adds lines and corrections."""

    template_name = "dossiers/journal.html"
    form_class = JournalEntryForm
    page_title = gettext_lazy("Logboek")
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not access.has_permission(request.user, "dossiers.view_journalentry"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def may_write(self) -> bool:
        return access.directed_dossiers_for(self.request.user).filter(pk=self.object.pk).exists()

    def get_initial(self):
        corrects = self.request.GET.get("corrects", "")
        return {"corrects": corrects} if corrects.isdigit() else {}

    def get_context_data(self, **kwargs):
        page = Paginator(journal_of(dossier=self.object), JOURNAL_PAGE_SIZE).get_page(
            self.request.GET.get("p")
        )
        corrected = None
        if (corrects := self.get_initial().get("corrects")) is not None:
            corrected = JournalEntry.objects.filter(dossier=self.object, pk=corrects).first()
        return super().get_context_data(
            page=page, may_write=self.may_write, corrected=corrected, **kwargs
        )

    def form_valid(self, form):
        directed_dossier_check(dossier=self.object, by=self.request.user)
        corrects = None
        if form.cleaned_data.get("corrects"):
            corrects = JournalEntry.objects.filter(
                dossier=self.object, pk=form.cleaned_data["corrects"]
            ).first()
            if corrects is None:
                raise Http404
        try:
            journal_entry_add(
                dossier=self.object,
                by=self.request.user,
                kind=form.cleaned_data["kind"],
                occurred_on=form.cleaned_data["occurred_on"],
                text=form.cleaned_data["text"],
                corrects=corrects,
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("De logboekregel is vastgelegd."))
        return redirect(self.plan_url_names["journal"], self.object.pk)


class JournalEntryIndexView(LoggedIndexView):
    log_description = gettext_lazy("Logboekregels")


# --- contacts -----------------------------------------------------------------------------


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["name", "kind", "role", "organisation", "details", "sharing_note", "active"]
        widgets = {
            "details": forms.Textarea(attrs={"rows": 3}),
            "sharing_note": forms.Textarea(attrs={"rows": 3}),
        }


class ContactAddView(DirectorWriteMixin, DossierPageMixin, FormView):
    template_name = "dossiers/dossier_form.html"
    form_class = ContactForm
    page_title = gettext_lazy("Contactpersoon toevoegen")
    header_icon = "user"

    def form_valid(self, form):
        try:
            contact_save(dossier=self.object, by=self.request.user, data=form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Contactpersoon toegevoegd."))
        return redirect(self.inspect_url_name, self.object.pk)


class ContactEditView(LoggedObjectMixin, generic.EditView):
    """Change a contact of an open dossier one directs (``contact_save``)."""

    def dispatch(self, request, *args, **kwargs):
        contact = self.get_object()  # scoped: out of scope is 404
        directed = access.directed_dossiers_for(request.user)
        if not directed.filter(pk=contact.dossier_id).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        stored = Contact.objects.get(pk=self.object.pk)
        try:
            contact_save(
                dossier=stored.dossier, by=self.request.user, data=form.cleaned_data, contact=stored
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Contactpersoon bijgewerkt."))
        return redirect("dossiers:inspect", stored.dossier_id)


# --- UVO ----------------------------------------------------------------------------------


class CaseMeetingInspectView(LoggedObjectMixin, generic.InspectView):
    template_name = "dossiers/case_meeting_inspect.html"

    def get_context_data(self, **kwargs):
        may_write = access.directed_dossiers_for(self.request.user).filter(
            pk=self.object.dossier_id
        )
        return super().get_context_data(
            agreements=self.object.agreements.select_related("done_by"),
            may_write=may_write.exists(),
            **kwargs,
        )


class EvaluationInspectView(LoggedObjectMixin, generic.InspectView):
    template_name = "dossiers/evaluation_inspect.html"

    def get_context_data(self, **kwargs):
        rows = self.object.items.select_related("plan_item__intervention")
        return super().get_context_data(rows=rows, **kwargs)


class AgreementDoneView(BaseObjectMixin, View):
    """POST: tick off one agreement of this UVO (``agreement`` in the form data)."""

    model = CaseMeeting
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        chosen = request.POST.get("agreement", "")
        agreement = MeetingAgreement.objects.filter(
            case_meeting=self.object, pk=int(chosen) if chosen.isdigit() else 0
        ).first()
        if agreement is None:
            raise Http404
        agreement_done(agreement=agreement, by=request.user)
        messages.success(request, _("Afspraak afgevinkt."))
        return redirect("dossiers:inspect", self.object.dossier_id)

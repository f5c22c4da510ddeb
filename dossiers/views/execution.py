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

from dossiers import access
from dossiers.logged_views import LoggedListingMixin, LoggedObjectMixin
from dossiers.models import (
    CaseMeeting,
    ClosureKind,
    Contact,
    GoalAttainment,
    JournalEntry,
    Judgement,
    MeetingAgreement,
    PlanItemStatus,
)
from dossiers.obligations import EXECUTION_STATES
from dossiers.selectors.plan import journal_of, plan_items_of
from dossiers.services.closure import (
    EVALUATION_FORM_SLUG,
    PROPOSAL_STATES,
    closure_propose,
    evaluation_record,
)
from dossiers.services.execution import (
    UVO_REPORT_FORM_SLUG,
    agreement_done,
    case_meeting_record,
    contact_save,
    journal_entry_add,
)
from dossiers.services.plan import directed_dossier_check
from dossiers.views.base import form_add_service_errors
from dossiers.views.plan import DATE_INPUT, DossierPageMixin
from dossiers.workflow.services import TransitionNotAllowed
from reports.listing_export import ListingExportMixin
from snippets.selectors import organisation_list

JOURNAL_PAGE_SIZE = 50


class DirectorWriteMixin:
    """Writing on a dossier page: only its case director, and only while it is open."""

    def dispatch(self, request, *args, **kwargs):
        if not access.directed_dossiers_for(request.user).filter(pk=self.object.pk).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _structured(slug: str, data=None):
    from forms.rendering import build_form
    from forms.selectors import form_version_current

    return build_form(form_version_current(slug=slug), data)


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


class JournalEntryIndexView(ListingExportMixin, LoggedListingMixin, generic.IndexView):
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


class CaseMeetingForm(forms.Form):
    held_on = forms.DateField(label=gettext_lazy("Datum UVO"), widget=DATE_INPUT)
    organisations = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Deelnemende organisaties"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    contacts = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Deelnemende contactpersonen"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    escalation = forms.BooleanField(
        label=gettext_lazy("Escalatie: de uitvoering stagneert"), required=False
    )
    escalation_note = forms.CharField(
        label=gettext_lazy("Toelichting escalatie"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, dossier, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["held_on"].initial = timezone.localdate
        self.fields["organisations"].queryset = organisation_list()
        contacts = Contact.objects.filter(dossier=dossier, active=True)
        if contacts.exists():
            self.fields["contacts"].queryset = contacts
        else:
            del self.fields["contacts"]


class AgreementForm(forms.Form):
    description = forms.CharField(label=gettext_lazy("Afspraak"), max_length=500)
    owner = forms.CharField(label=gettext_lazy("Wie"), max_length=200)
    due_on = forms.DateField(label=gettext_lazy("Uiterlijk"), widget=DATE_INPUT)


AgreementFormSet = forms.formset_factory(AgreementForm, extra=3)


class CaseMeetingAddView(DirectorWriteMixin, DossierPageMixin, FormView):
    """Record a UVO: participants, agreements (owner, due date), the report form, escalation."""

    template_name = "dossiers/case_meeting_add.html"
    form_class = CaseMeetingForm
    page_title = gettext_lazy("UVO vastleggen")
    header_icon = "group"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "prefix": "uvo", "dossier": self.object}

    def get_context_data(self, **kwargs):
        data = self.request.POST if self.request.method == "POST" else None
        kwargs.setdefault("agreements", AgreementFormSet(data, prefix="afspraken"))
        kwargs.setdefault("report", _structured(UVO_REPORT_FORM_SLUG, data))
        return super().get_context_data(**kwargs)

    def form_valid(self, form):
        agreements = AgreementFormSet(self.request.POST, prefix="afspraken")
        report = _structured(UVO_REPORT_FORM_SLUG, self.request.POST)
        if not (agreements.is_valid() and report.is_valid()):
            return self.render_to_response(
                self.get_context_data(form=form, agreements=agreements, report=report)
            )
        try:
            case_meeting_record(
                dossier=self.object,
                by=self.request.user,
                agreements=[f.cleaned_data for f in agreements if f.cleaned_data],
                report_data=self.request.POST,
                **form.cleaned_data,
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
            return self.render_to_response(
                self.get_context_data(form=form, agreements=agreements, report=report)
            )
        messages.success(self.request, _("Het UVO is vastgelegd."))
        return redirect(self.inspect_url_name, self.object.pk)


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


# --- evaluation and proposals -------------------------------------------------------------


class EvaluationForm(forms.Form):
    evaluated_on = forms.DateField(label=gettext_lazy("Datum evaluatie"), widget=DATE_INPUT)
    judgement = forms.ChoiceField(label=gettext_lazy("Oordeel"), choices=Judgement.choices)
    judgement_note = forms.CharField(
        label=gettext_lazy("Toelichting oordeel"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evaluated_on"].initial = timezone.localdate
        self.items = items
        for item in items:
            self.fields[f"result_{item.pk}"] = forms.CharField(
                label=_("Resultaat: %(name)s") % {"name": item.intervention.name},
                required=False,
                initial=item.result,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"goal_{item.pk}"] = forms.ChoiceField(
                label=_("Doelbereik: %(name)s") % {"name": item.intervention.name},
                choices=GoalAttainment.choices,
                required=False,
                initial=item.goal_attainment,
            )

    def item_rows(self) -> list[dict]:
        return [
            {
                "plan_item": item,
                "result": self.cleaned_data.get(f"result_{item.pk}", ""),
                "goal_attainment": self.cleaned_data.get(f"goal_{item.pk}", ""),
            }
            for item in self.items
        ]


class EvaluationAddView(DirectorWriteMixin, DossierPageMixin, FormView):
    """The evaluation form, per intervention its result and goal attainment, and a verdict."""

    template_name = "dossiers/evaluation_add.html"
    form_class = EvaluationForm
    page_title = gettext_lazy("Evaluatie vastleggen")
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        if self.object.state not in EXECUTION_STATES:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        items = [
            i for i in plan_items_of(dossier=self.object) if i.status != PlanItemStatus.PLANNED
        ] or list(plan_items_of(dossier=self.object))
        return {**super().get_form_kwargs(), "prefix": "evaluatie", "items": items}

    def get_context_data(self, **kwargs):
        data = self.request.POST if self.request.method == "POST" else None
        kwargs.setdefault("report", _structured(EVALUATION_FORM_SLUG, data))
        return super().get_context_data(**kwargs)

    def form_valid(self, form):
        report = _structured(EVALUATION_FORM_SLUG, self.request.POST)
        if not report.is_valid():
            return self.render_to_response(self.get_context_data(form=form, report=report))
        try:
            evaluation_record(
                dossier=self.object,
                by=self.request.user,
                evaluated_on=form.cleaned_data["evaluated_on"],
                judgement=form.cleaned_data["judgement"],
                judgement_note=form.cleaned_data["judgement_note"],
                form_data=self.request.POST,
                items=form.item_rows(),
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
            return self.render_to_response(self.get_context_data(form=form, report=report))
        messages.success(self.request, _("De evaluatie is vastgelegd."))
        return redirect(self.inspect_url_name, self.object.pk)


class ClosureProposalForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Soort voorstel"), choices=ClosureKind.choices)
    goals_achieved = forms.CharField(
        label=gettext_lazy("Behaalde doelen"), widget=forms.Textarea(attrs={"rows": 3})
    )
    considerations = forms.CharField(
        label=gettext_lazy("Overwegingen"), widget=forms.Textarea(attrs={"rows": 3})
    )
    warm_handover = forms.BooleanField(label=gettext_lazy("Warme overdracht"), required=False)
    handover_to = forms.CharField(
        label=gettext_lazy("Overdracht aan"),
        required=False,
        max_length=200,
        help_text=gettext_lazy("Bij warme overdracht: aan wie (organisatie en persoon)?"),
    )


class ClosureProposalAddView(DirectorWriteMixin, DossierPageMixin, FormView):
    """Write a wind-down or closure proposal and submit it to the ITAT-R (one step)."""

    template_name = "dossiers/dossier_form.html"
    form_class = ClosureProposalForm
    page_title = gettext_lazy("Afbouw- of afsluitvoorstel indienen")
    header_icon = "resubmit"

    def dispatch(self, request, *args, **kwargs):
        if self.object.state not in PROPOSAL_STATES:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            closure_propose(dossier=self.object, by=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
            return self.form_invalid(form)
        except TransitionNotAllowed as refusal:
            for reason in refusal.reasons:
                form.add_error(None, reason)
            return self.form_invalid(form)
        messages.success(self.request, _("Het voorstel is ingediend voor het ITAT-R."))
        return redirect(self.inspect_url_name, self.object.pk)

"""Filling in the assessment framework: the one form, and the information of partners."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin

from adminkit.logged_views import LoggedObjectMixin
from dossiers.models import Assessment, PartnerInformation
from dossiers.services.assessment import (
    assessment_draft,
    assessment_may_edit,
    assessment_missing,
    assessment_save,
    assessment_version,
)
from dossiers.views.base import DossierActionMixin


class PartnerInformationForm(forms.ModelForm):
    class Meta:
        model = PartnerInformation
        fields = ["organisation", "contact_name", "requested_on", "received_on", "summary"]
        widgets = {
            "requested_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "received_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "summary": forms.Textarea(attrs={"rows": 2}),
        }


PartnerFormSet = forms.modelformset_factory(
    PartnerInformation, form=PartnerInformationForm, extra=2, can_delete=True
)


class AssessmentEditView(
    LoggedObjectMixin, DossierActionMixin, BaseObjectMixin, WagtailAdminTemplateMixin, TemplateView
):
    """One page for the whole framework; saved in one transaction by ``assessment_save``.

    The page shows the signal's personal data and the partners' information: every GET is logged.
    """

    template_name = "dossiers/assessment_edit.html"
    page_title = gettext_lazy("Beoordelingskader")
    header_icon = "clipboard-list"
    inspect_url_name = None
    model = None

    def dispatch(self, request, *args, **kwargs):
        if not assessment_may_edit(dossier=self.object, user=request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.object)

    def get_log_description(self) -> str:
        return _("Beoordelingskader: %(dossier)s") % {"dossier": self.object}

    def _forms(self, data=None, *, draft: bool = False):
        from forms.rendering import build_form

        assessment = Assessment.objects.filter(dossier=self.object).first()
        partners = (
            PartnerInformation.objects.filter(assessment=assessment)
            if assessment
            else PartnerInformation.objects.none()
        )
        version = assessment_version(dossier=self.object)
        saved = assessment_draft(dossier=self.object) or (
            assessment.form_response if assessment and assessment.form_response_id else None
        )
        answers = dict(saved.answers) if saved is not None else {}
        if saved is None:
            # The urgency the intake recorded, until the Voorportaal answers the question.
            urgent_key = next(
                (f["key"] for f in version.fields if f.get("binding") == "urgent"), None
            )
            if urgent_key:
                answers[urgent_key] = bool(self.object.urgent)
        structured = build_form(version, data, answers=answers, draft=draft)
        return structured, PartnerFormSet(data, queryset=partners, prefix="partners")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "structured_form" not in kwargs:
            structured, partner_formset = self._forms()
            context.update(structured_form=structured, partner_formset=partner_formset)
        context.update(
            object=self.object,
            inspect_url_name=self.inspect_url_name,
            missing=assessment_missing(dossier=self.object),
            draft=assessment_draft(dossier=self.object),
            intro=context["structured_form"].version.schema.get("intro", ""),
        )
        return context

    def post(self, request, *args, **kwargs):
        submit = request.POST.get("action") == "submit"
        structured, partner_formset = self._forms(request.POST, draft=not submit)
        if all([structured.is_valid(), partner_formset.is_valid()]):
            partners = [
                {k: v for k, v in f.cleaned_data.items() if k not in ("id", "DELETE")}
                for f in partner_formset.forms
                if f.cleaned_data and not f.cleaned_data.get("DELETE")
            ]
            try:
                assessment_save(
                    dossier=self.object,
                    by=request.user,
                    form_data=request.POST,
                    partners=partners,
                    submit=submit,
                )
            except ValidationError as error:
                for message in error.messages:
                    structured.add_error(None, message)
            else:
                if submit:
                    messages.success(request, _("Het beoordelingskader is ingediend."))
                    return redirect(self.inspect_url_name, self.object.pk)
                messages.success(
                    request,
                    _("Het concept is opgeslagen. Het telt pas mee als u het indient."),
                )
                return redirect(request.path)
        context = self.get_context_data(structured_form=structured, partner_formset=partner_formset)
        return self.render_to_response(context)

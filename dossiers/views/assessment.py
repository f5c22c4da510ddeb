"""Filling in the assessment framework: framework, partner information and the questions."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin

from dossiers.logged_views import LoggedObjectMixin
from dossiers.models import Assessment, PartnerInformation
from dossiers.services.assessment import (
    ASSESSMENT_FORM_SLUG,
    assessment_may_edit,
    assessment_missing,
    assessment_save,
)
from dossiers.views.base import DossierActionMixin
from snippets.selectors import other_approach_choices, problem_area_choices, risk_group_list


class AssessmentForm(forms.ModelForm):
    class Meta:
        model = Assessment
        fields = [
            "risk_groups",
            "risks",
            "problem_areas",
            "other_approach_checked",
            "other_approaches",
            "other_approach_note",
            "advice",
            "advice_text",
        ]
        widgets = {
            "risk_groups": forms.CheckboxSelectMultiple,
            "problem_areas": forms.CheckboxSelectMultiple,
            "other_approaches": forms.CheckboxSelectMultiple,
            "risks": forms.Textarea(attrs={"rows": 3}),
            "other_approach_note": forms.Textarea(attrs={"rows": 2}),
            "advice_text": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["risk_groups"].queryset = risk_group_list()
        self.fields["problem_areas"].queryset = problem_area_choices()
        self.fields["other_approaches"].queryset = other_approach_choices()


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

    def _forms(self, data=None):
        from forms.rendering import build_form
        from forms.selectors import form_version_current

        assessment = Assessment.objects.filter(dossier=self.object).first()
        partners = (
            PartnerInformation.objects.filter(assessment=assessment)
            if assessment
            else PartnerInformation.objects.none()
        )
        version = form_version_current(slug=ASSESSMENT_FORM_SLUG)
        initial = (
            assessment.form_response.answers if assessment and assessment.form_response_id else None
        )
        structured = build_form(version, data)
        if data is None and initial:
            structured.initial = initial
        return (
            AssessmentForm(data, instance=assessment, prefix="kader"),
            PartnerFormSet(data, queryset=partners, prefix="partners"),
            structured,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "assessment_form" not in kwargs:
            assessment_form, partner_formset, structured = self._forms()
            context.update(
                assessment_form=assessment_form,
                partner_formset=partner_formset,
                structured_form=structured,
            )
        context.update(
            object=self.object,
            inspect_url_name=self.inspect_url_name,
            missing=assessment_missing(dossier=self.object),
        )
        return context

    def post(self, request, *args, **kwargs):
        assessment_form, partner_formset, structured = self._forms(request.POST)
        valid = all([assessment_form.is_valid(), partner_formset.is_valid(), structured.is_valid()])
        if valid:
            partners = [
                {k: v for k, v in f.cleaned_data.items() if k not in ("id", "DELETE")}
                for f in partner_formset.forms
                if f.cleaned_data and not f.cleaned_data.get("DELETE")
            ]
            try:
                assessment_save(
                    dossier=self.object,
                    by=request.user,
                    data=assessment_form.cleaned_data,
                    partners=partners,
                    form_data=request.POST,
                )
            except ValidationError as error:
                for message in error.messages:
                    assessment_form.add_error(None, message)
            else:
                messages.success(request, _("Het beoordelingskader is opgeslagen."))
                return redirect(self.inspect_url_name, self.object.pk)
        context = self.get_context_data(
            assessment_form=assessment_form,
            partner_formset=partner_formset,
            structured_form=structured,
        )
        return self.render_to_response(context)

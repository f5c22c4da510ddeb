"""Admin views of a dossier: the scoped listing, the dossier page and taking a step."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin

from dossiers import access
from dossiers.logged_views import LoggedListingMixin, LoggedObjectMixin
from dossiers.models import User
from dossiers.selectors import dossier_history, dossier_steps_for
from dossiers.services import TransitionNotAllowed, dossier_transition
from dossiers.workflow.states import DossierState


class DossierIndexView(LoggedListingMixin, generic.IndexView):
    log_description = gettext_lazy("Dossierlijst")


class DossierInspectView(LoggedObjectMixin, generic.InspectView):
    template_name = "dossiers/dossier_inspect.html"
    step_url_name = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["subject"] = self.object.subject
        context["history"] = dossier_history(dossier=self.object)
        context["steps"] = dossier_steps_for(dossier=self.object, user=self.request.user)
        context["step_url_name"] = self.step_url_name
        return context


class StepForm(forms.Form):
    to = forms.ChoiceField(label=gettext_lazy("Stap"), choices=DossierState.choices)
    note = forms.CharField(
        label=gettext_lazy("Toelichting"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=4000,
    )
    case_director = forms.ModelChoiceField(
        label=gettext_lazy("Regisseur"),
        queryset=User.objects.none(),
        required=False,
        help_text=gettext_lazy("Alleen bij opnemen: de regisseur die het dossier krijgt."),
    )

    def __init__(self, *args, dossier, user, **kwargs):
        super().__init__(*args, **kwargs)
        steps = dossier_steps_for(dossier=dossier, user=user)
        self.fields["to"].choices = [(s.transition.target, s.transition.label) for s in steps]
        if any(s.transition.target == DossierState.INCLUDED for s in steps):
            self.fields["case_director"].queryset = access.case_directors()
        else:
            del self.fields["case_director"]


class DossierStepView(BaseObjectMixin, WagtailAdminTemplateMixin, FormView):
    """Takes one step of the state machine; the service checks permission and guards."""

    template_name = "dossiers/dossier_step.html"
    form_class = StepForm
    page_title = gettext_lazy("Volgende stap")
    inspect_url_name = None
    model = None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(dossier=self.object, user=self.request.user)
        if self.request.method == "GET" and "to" in self.request.GET:
            kwargs["initial"] = {"to": self.request.GET["to"]}
        return kwargs

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object"] = self.object
        context["inspect_url_name"] = self.inspect_url_name
        return context

    def form_valid(self, form):
        data = {}
        if form.cleaned_data.get("case_director"):
            data["case_director"] = form.cleaned_data["case_director"]
        try:
            dossier_transition(
                dossier=self.object,
                to=form.cleaned_data["to"],
                by=self.request.user,
                note=form.cleaned_data["note"],
                **data,
            )
        except TransitionNotAllowed as refusal:
            for reason in refusal.reasons:
                form.add_error(None, reason)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Dossier %(ref)s staat nu op “%(state)s”.")
            % {"ref": self.object.reference, "state": self.object.get_state_display()},
        )
        return redirect(self.inspect_url_name, self.object.pk)

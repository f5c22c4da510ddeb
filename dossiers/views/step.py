"""Taking one step of the state machine from the dossier page, with the inputs that step needs."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin

from adminkit.logged_views import LoggedObjectMixin
from dossiers import access
from dossiers.models import TriageCloseReason, User
from dossiers.selectors import (
    dossier_steps_for,
    duplicate_candidates,
    other_approach_matches,
)
from dossiers.services import (
    TransitionNotAllowed,
    dossier_transition,
    signal_triage,
    steering_decide,
)
from dossiers.services.decisions import OUTCOME_STATES
from dossiers.services.intake import TRIAGE_OUTCOMES
from dossiers.views.base import DossierActionMixin
from dossiers.workflow.states import DossierState as S

DECISION_FOR_STATE = {state: outcome for outcome, state in OUTCOME_STATES.items()}
#: the extra inputs each target state asks for, beyond the note
STEP_FIELDS = {
    S.TRIAGE_CLOSED: ["close_reason"],
    S.REGULAR_TRACK: ["destination"],
    S.NOT_INCLUDED: ["decided_on", "destination"],
    S.ON_HOLD: ["decided_on", "missing_information"],
    S.INCLUDED: ["decided_on", "case_director", "other_approach_confirmed"],
    S.PLAN_ADOPTED: ["decided_on"],
    S.CLOSED: ["decided_on"],
    S.WINDING_DOWN: ["decided_on"],
}
#: steps whose note is the ITAT-R's advice (kept with the plan version or the proposal)
ADVICE_STEPS = frozenset({S.PLAN_ADVISED, S.CLOSURE_ADVISED})


class StepForm(forms.Form):
    to = forms.ChoiceField(label=gettext_lazy("Stap"), widget=forms.HiddenInput)
    close_reason = forms.ChoiceField(
        label=gettext_lazy("Reden van afdoening"), choices=TriageCloseReason.choices
    )
    destination = forms.CharField(
        label=gettext_lazy("Overgedragen aan / bestemming"),
        max_length=200,
        help_text=gettext_lazy("Bijvoorbeeld het wijkteam, Veilig Thuis of de jeugdbescherming."),
    )
    missing_information = forms.CharField(
        label=gettext_lazy("Ontbrekende informatie"), widget=forms.Textarea(attrs={"rows": 3})
    )
    decided_on = forms.DateField(
        label=gettext_lazy("Datum besluit Regieoverleg"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    case_director = forms.ModelChoiceField(
        label=gettext_lazy("Regisseur"),
        queryset=User.objects.none(),
        help_text=gettext_lazy(
            "De regisseur die het dossier krijgt; de organisatie volgt uit de regisseur."
        ),
    )
    other_approach_confirmed = forms.BooleanField(
        label=gettext_lazy("Opnemen ondanks de vermelding bij een andere aanpak"),
        required=False,
        help_text=gettext_lazy(
            "Alleen nodig als de persoon op een lijst van een andere aanpak staat."
        ),
    )
    note = forms.CharField(
        label=gettext_lazy("Toelichting"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=4000,
    )

    def __init__(self, *args, dossier, user, target, **kwargs):
        super().__init__(*args, **kwargs)
        steps = dossier_steps_for(dossier=dossier, user=user)
        self.fields["to"].choices = [(s.transition.target, s.transition.label) for s in steps]
        wanted = set(STEP_FIELDS.get(target, []))
        for name in (
            "close_reason",
            "destination",
            "missing_information",
            "decided_on",
            "case_director",
            "other_approach_confirmed",
        ):
            if name not in wanted:
                del self.fields[name]
        if "case_director" in self.fields:
            self.fields["case_director"].queryset = access.case_directors()
        if target in (S.NOT_INCLUDED,):
            self.fields["note"].required = True
            self.fields["note"].label = gettext_lazy("Reden")
        if target in ADVICE_STEPS and dossier.state in (S.PLAN_SUBMITTED, S.CLOSURE_PROPOSED):
            self.fields["note"].required = True
            self.fields["note"].label = gettext_lazy("Advies van het ITAT-R")

    def clean_decided_on(self):
        day = self.cleaned_data["decided_on"]
        if day > timezone.localdate():
            raise ValidationError(_("De besluitdatum kan niet in de toekomst liggen."))
        return day


def _person(dossier) -> dict | None:
    """Name and birth date of the person concerned: the subject, else the latest signal."""
    if dossier.subject_id:
        subject = dossier.subject
        return {
            "first_name": subject.first_name,
            "last_name": subject.last_name,
            "birth_date": subject.birth_date,
        }
    signal = dossier.signals.order_by("-received_on", "-pk").first()
    if signal is None or not signal.person_last_name:
        return None
    return {
        "first_name": signal.person_first_name,
        "last_name": signal.person_last_name,
        "birth_date": signal.person_birth_date,
    }


class DossierStepView(
    LoggedObjectMixin, DossierActionMixin, BaseObjectMixin, WagtailAdminTemplateMixin, FormView
):
    """One step; the service checks permission, guards and the row lock."""

    template_name = "dossiers/dossier_step.html"
    form_class = StepForm
    page_title = gettext_lazy("Volgende stap")
    inspect_url_name = None
    model = None

    @property
    def target(self):
        return self.request.POST.get("to") or self.request.GET.get("to") or ""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(dossier=self.object, user=self.request.user, target=self.target)
        kwargs.setdefault("initial", {})["to"] = self.target
        return kwargs

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        steps = {
            s.transition.target: s
            for s in dossier_steps_for(dossier=self.object, user=self.request.user)
        }
        context.update(
            object=self.object, inspect_url_name=self.inspect_url_name, step=steps.get(self.target)
        )
        if self.target == S.PRE_ASSESSMENT and self.object.state == S.REGISTERED:
            context.update(self.duplicate_check())
        if self.target == S.INCLUDED and self.object.state == S.AWAITING_DECISION:
            from dossiers.selectors.duplicates import dossier_list_matches

            context["list_matches"] = dossier_list_matches(self.object)
        return context

    def duplicate_check(self) -> dict:
        """On forwarding to the Voorportaal: other cases and list entries of the same person."""
        from dossiers.views.signals import log_list_matches

        person = _person(self.object)
        if person is None:
            return {}
        candidates = [c for c in duplicate_candidates(**person) if c.dossier_id != self.object.pk]
        visible = set(
            access.dossiers_for(self.request.user)
            .filter(pk__in=[c.dossier_id for c in candidates])
            .values_list("pk", flat=True)
        )
        list_matches = other_approach_matches(user=self.request.user, **person)
        log_list_matches(self.request, list_matches)
        return {
            "duplicate_check": True,
            "candidates": [c for c in candidates if c.dossier_id in visible],
            "hidden_candidates": len(candidates) - len(visible),
            "list_matches": list_matches,
        }

    def take_step(self, data):
        target, by, dossier = data["to"], self.request.user, self.object
        if target in TRIAGE_OUTCOMES and dossier.state == S.REGISTERED:
            return signal_triage(
                dossier=dossier,
                outcome=target,
                by=by,
                note=data["note"],
                close_reason=data.get("close_reason", ""),
                destination=data.get("destination", ""),
            )
        if dossier.state == S.AWAITING_DECISION:
            return steering_decide(
                dossier=dossier,
                outcome=DECISION_FOR_STATE[target],
                by=by,
                decided_on=data["decided_on"],
                case_director=data.get("case_director"),
                reason=data["note"],
                destination=data.get("destination", ""),
                missing_information=data.get("missing_information", ""),
                other_approach_confirmed=data.get("other_approach_confirmed", False),
            )
        extra = {"decided_on": data["decided_on"]} if data.get("decided_on") else {}
        return dossier_transition(dossier=dossier, to=target, by=by, note=data["note"], **extra)

    def form_valid(self, form):
        try:
            self.take_step(form.cleaned_data)
        except TransitionNotAllowed as refusal:
            for reason in refusal.reasons:
                form.add_error(None, reason)
            return self.form_invalid(form)
        self.object.refresh_from_db()
        messages.success(
            self.request,
            _("Dossier %(ref)s staat nu op “%(state)s”.")
            % {"ref": self.object.reference, "state": self.object.get_state_display()},
        )
        if not access.dossiers_for(self.request.user).filter(pk=self.object.pk).exists():
            # The step took the dossier out of the user's scope: back to their queues, not a 404.
            return redirect("wagtailadmin_home")
        return redirect(self.inspect_url_name, self.object.pk)

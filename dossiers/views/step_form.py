"""The pages of a step that is one programme-team form: the UVO, the evaluation, the proposal.

Each page shows the form's published version (or the version its concept was started under),
saves a concept without changing anything else, and submits through the step's service, which
reads the facts from the bound answers. A step that changes the dossier's state asks for a
confirmation first, saying what will happen; the concept keeps the answers meanwhile.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from dossiers import access
from dossiers.execution.plan_views import DossierPageMixin
from dossiers.execution.services import case_meeting_submit
from dossiers.models import ObligationKind
from dossiers.obligations import EXECUTION_STATES
from dossiers.services.closure import (
    PROPOSAL_STATES,
    closure_proposal_submit,
    evaluation_submit,
)
from dossiers.services.step_forms import step_form_draft, step_form_save_draft, step_form_version
from dossiers.step_forms import CLOSURE_FORM_SLUG, EVALUATION_FORM_SLUG, UVO_REPORT_FORM_SLUG
from dossiers.workflow.services import TransitionNotAllowed

CONFIRM_PARAMETER = "bevestigen"


class StepFormView(DossierPageMixin, TemplateView):
    """One step form of a dossier the user directs: concept, submit, optional confirmation."""

    template_name = "dossiers/step_form.html"
    slug = ""
    allowed_states = EXECUTION_STATES
    deadline_kind = ""
    submit_label = gettext_lazy("Indienen")
    submitted_message = ""
    #: set for a step that changes the dossier's state: what the confirmation says will happen
    confirmation = ""
    #: bound date fields that start at today on a new form
    today_bindings: tuple[str, ...] = ()

    def dispatch(self, request, *args, **kwargs):
        directed = access.directed_dossiers_for(request.user).filter(pk=self.object.pk)
        in_state = self.allowed_states is None or self.object.state in self.allowed_states
        if not directed.exists() or not in_state:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def draft(self):
        if not hasattr(self, "_draft"):
            self._draft = step_form_draft(dossier=self.object, slug=self.slug)
        return self._draft

    @property
    def confirming(self) -> bool:
        return bool(self.confirmation) and self.request.GET.get(CONFIRM_PARAMETER) == "1"

    def build(self, data=None, *, draft: bool = False):
        from forms.rendering import build_form

        version = step_form_version(dossier=self.object, slug=self.slug)
        if self.draft is not None:
            answers = dict(self.draft.answers)
        else:
            today = timezone.localdate().isoformat()
            answers = {
                f["key"]: today for f in version.fields if f.get("binding") in self.today_bindings
            }
        return build_form(version, data, answers=answers, draft=draft, dossier=self.object)

    def get_context_data(self, **kwargs):
        form = kwargs.pop("form", None) or self.build()
        # After a refused confirmation the form comes back with its errors, not the question.
        confirming = self.confirming and self.draft is not None and not form.errors
        return super().get_context_data(
            form=form,
            draft=self.draft,
            intro=form.version.schema.get("intro", ""),
            submit_label=self.submit_label,
            confirmation=self.confirmation,
            confirming=confirming,
            deadline_kind=self.deadline_kind,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action", "")
        if action == "confirm" and self.confirmation:
            return self.submit(form=None)
        submit = action == "submit"
        form = self.build(request.POST, draft=not submit)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        if not submit or self.confirmation:
            try:
                self._draft = step_form_save_draft(
                    dossier=self.object, by=request.user, slug=self.slug, data=request.POST
                )
            except ValidationError as error:
                add_bound_errors(form, error)
                return self.render_to_response(self.get_context_data(form=form))
            if submit:
                return redirect(f"{request.path}?{CONFIRM_PARAMETER}=1")
            messages.success(
                request, _("Het concept is opgeslagen. Het telt pas mee als u het indient.")
            )
            return redirect(request.path)
        return self.submit(form=form)

    def submit(self, form):
        """Take the step through its service; a refusal is shown on the form, nothing lost."""
        try:
            self.take_step(form.data if form is not None else None)
        except (ValidationError, TransitionNotAllowed) as error:
            if form is None:  # a confirmed concept: show it as a filled-in form
                from forms.services import as_form_data

                answers = self.draft.answers if self.draft is not None else {}
                form = self.build(as_form_data(answers))
                form.is_valid()
            if isinstance(error, TransitionNotAllowed):
                for reason in error.reasons:
                    form.add_error(None, reason)
            else:
                add_bound_errors(form, error)
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(self.request, self.submitted_message)
        if not access.dossiers_for(self.request.user).filter(pk=self.object.pk).exists():
            return redirect("wagtailadmin_home")
        return redirect(self.inspect_url_name, self.object.pk)

    def take_step(self, data) -> None:
        raise NotImplementedError


def add_bound_errors(form, error: ValidationError) -> None:
    """A service's refusal beside the question it is about (by binding or key), else on top."""
    if not hasattr(error, "error_dict"):
        for message in error.messages:
            form.add_error(None, message)
        return
    keys = {f.binding: f.clean_name for f in form.schema_fields if f.binding}
    for name, field_messages in error.message_dict.items():
        key = keys.get(name, name)
        form.add_error(key if key in form.fields else None, field_messages)


class CaseMeetingAddView(StepFormView):
    """Record a UVO: participants, agreements (who, what, by when), escalation, the report."""

    slug = UVO_REPORT_FORM_SLUG
    allowed_states = None  # from inclusion on: the first UVO comes before the plan
    page_title = gettext_lazy("UVO vastleggen")
    header_icon = "group"
    deadline_kind = ObligationKind.UVO
    today_bindings = ("held_on",)
    submit_label = gettext_lazy("UVO vastleggen")
    submitted_message = gettext_lazy("Het UVO is vastgelegd.")
    handbook_topic = "implementers-meeting"

    def take_step(self, data) -> None:
        case_meeting_submit(dossier=self.object, by=self.request.user, data=data)


class EvaluationAddView(StepFormView):
    """The evaluation: per intervention its result and goal attainment, and a judgement."""

    slug = EVALUATION_FORM_SLUG
    page_title = gettext_lazy("Evaluatie vastleggen")
    header_icon = "tasks"
    deadline_kind = ObligationKind.EVALUATION
    today_bindings = ("evaluated_on",)
    submit_label = gettext_lazy("Evaluatie vastleggen")
    submitted_message = gettext_lazy("De evaluatie is vastgelegd.")
    handbook_topic = "evaluation"

    def take_step(self, data) -> None:
        evaluation_submit(dossier=self.object, by=self.request.user, data=data)


class ClosureProposalAddView(StepFormView):
    """A wind-down or closure proposal: saved as a concept, submitted after a confirmation."""

    slug = CLOSURE_FORM_SLUG
    allowed_states = PROPOSAL_STATES
    page_title = gettext_lazy("Afbouw- of afsluitvoorstel")
    header_icon = "resubmit"
    submit_label = gettext_lazy("Indienen bij het ITAT-R…")
    submitted_message = gettext_lazy("Het voorstel is ingediend voor het ITAT-R.")
    confirmation = gettext_lazy(
        "Het voorstel wordt ingediend bij het ITAT-R en het dossier krijgt de status "
        "“Afbouw- of afsluitvoorstel ingediend”; u kunt het voorstel daarna niet meer wijzigen."
    )
    handbook_topic = "wind-down-and-closure"

    def take_step(self, data) -> None:
        closure_proposal_submit(dossier=self.object, by=self.request.user)

"""The plan of approach: choosing from the catalogue, adding and editing items, versions."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin

from adminkit.logged_views import LoggedObjectMixin
from adminkit.viewsets import LoggedIndexView
from dossiers import access
from dossiers.execution.plan_services import (
    PLANNING_FIELDS,
    plan_item_add,
    plan_item_update,
    plan_may_edit,
)
from dossiers.execution.selectors import plan_version_diff, plan_versions_of
from dossiers.models import PlanItem
from dossiers.services import access_log_record
from dossiers.views.base import DossierActionMixin, form_add_service_errors
from snippets.models import InterventionDomain, SpecialKind
from snippets.selectors import intervention_choices, organisation_list, risk_group_list

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DossierPageMixin(DossierActionMixin, BaseObjectMixin, WagtailAdminTemplateMixin):
    """A page about one dossier (``pk``), reached from the dossier page; scoped by the viewset."""

    inspect_url_name = None
    plan_url_names: dict = {}
    model = None

    def get_page_subtitle(self):
        return str(self.object)

    def get(self, request, *args, **kwargs):
        """Every page about a dossier shows its personal data: one access-log row per read."""
        self._log_read()
        return super().get(request, *args, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        """A form shown again after a refused POST shows the same data: logged as well."""
        if self.request.method != "GET":
            self._log_read()
        return super().render_to_response(context, **response_kwargs)

    def _log_read(self) -> None:
        access_log_record(
            request=self.request,
            dossier=self.object,
            description=f"{self.get_page_title()}: {self.object}",
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object,
            inspect_url_name=self.inspect_url_name,
            urls=self.plan_url_names,
            **kwargs,
        )


class PlanWriteMixin:
    """Only the case director of an open dossier, while the plan is not with a meeting."""

    def dispatch(self, request, *args, **kwargs):
        if not plan_may_edit(dossier=self.object, user=request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class InterventionFilterForm(forms.Form):
    domain = forms.ChoiceField(
        label=gettext_lazy("Domein"),
        required=False,
        choices=[("", gettext_lazy("Alle domeinen")), *InterventionDomain.choices],
    )
    risk_group = forms.ModelChoiceField(
        label=gettext_lazy("Risicogroep"),
        required=False,
        queryset=None,
        empty_label=gettext_lazy("Alle risicogroepen"),
    )
    special_kind = forms.ChoiceField(
        label=gettext_lazy("Bijzondere interventie"),
        required=False,
        choices=[("", gettext_lazy("Alle")), *SpecialKind.choices[1:]],
    )
    q = forms.CharField(label=gettext_lazy("Zoek op naam"), required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["risk_group"].queryset = risk_group_list()


class InterventionChooseView(PlanWriteMixin, DossierPageMixin, TemplateView):
    """The catalogue, filtered by domain, risk group and special kind: pick one for the plan."""

    template_name = "dossiers/plan_choose.html"
    page_title = gettext_lazy("Interventie kiezen")
    header_icon = "list-ul"

    def get_context_data(self, **kwargs):
        data = self.request.GET if self.request.GET else None
        if data is None:
            assessment = getattr(self.object, "assessment", None)
            first_group = assessment.risk_groups.order_by("number").first() if assessment else None
            data = {"risk_group": first_group.pk if first_group else ""}
        form = InterventionFilterForm(data)
        choices = intervention_choices().none()
        if form.is_valid():
            choices = intervention_choices(
                domain=form.cleaned_data["domain"] or None,
                risk_group=form.cleaned_data["risk_group"],
                special_kind=form.cleaned_data["special_kind"] or None,
            )
            if form.cleaned_data["q"]:
                choices = choices.filter(name__icontains=form.cleaned_data["q"])
        return super().get_context_data(filter_form=form, choices=choices, **kwargs)


class PlanItemForm(forms.ModelForm):
    class Meta:
        model = PlanItem
        fields = list(PLANNING_FIELDS)
        widgets = {
            "considerations": forms.Textarea(attrs={"rows": 3}),
            "goal": forms.Textarea(attrs={"rows": 3}),
            "planned_start": DATE_INPUT,
            "planned_end": DATE_INPUT,
        }

    def __init__(self, *args, intervention=None, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = organisation_list()
        if intervention is not None and intervention.organisations.exists():
            organisations = intervention.organisations.filter(live=True).order_by("name")
            if len(organisations) == 1:
                self.fields["implementer_organisation"].initial = organisations[0].pk
        self.fields["implementer_organisation"].queryset = organisations
        self.fields["planned_start"].initial = timezone.localdate


class PlanItemAddView(PlanWriteMixin, DossierPageMixin, FormView):
    """Add the chosen catalogue intervention with its considerations, goal and planning."""

    template_name = "dossiers/plan_item_add.html"
    form_class = PlanItemForm
    page_title = gettext_lazy("Interventie toevoegen aan het plan")
    header_icon = "plus"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        chosen = request.POST.get("intervention") or request.GET.get("intervention") or ""
        self.intervention = (
            intervention_choices().filter(pk=chosen).first() if chosen.isdigit() else None
        )

    def get(self, request, *args, **kwargs):
        if self.intervention is None:
            return redirect(self.plan_url_names["choose"], self.object.pk)
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "intervention": self.intervention}

    def get_context_data(self, **kwargs):
        return super().get_context_data(intervention=self.intervention, **kwargs)

    def form_valid(self, form):
        if self.intervention is None:
            form.add_error(None, _("Kies eerst een interventie uit de catalogus."))
            return self.form_invalid(form)
        try:
            plan_item_add(
                dossier=self.object,
                by=self.request.user,
                intervention=self.intervention,
                **form.cleaned_data,
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("“%(name)s” staat in het plan.") % {"name": self.intervention.name},
        )
        return redirect(self.inspect_url_name, self.object.pk)


class PlanVersionsView(DossierPageMixin, TemplateView):
    """Every version of the plan (who, when, why) and the difference between any two."""

    template_name = "dossiers/plan_versions.html"
    page_title = gettext_lazy("Versies van het plan van aanpak")
    header_icon = "history"

    def dispatch(self, request, *args, **kwargs):
        if not access.has_permission(request.user, "dossiers.view_planversion"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        versions = list(plan_versions_of(dossier=self.object))
        by_number = {v.number: v for v in versions}
        newer = by_number.get(_number(self.request.GET.get("b"))) or (
            versions[0] if versions else None
        )
        older = by_number.get(_number(self.request.GET.get("a"))) or (
            versions[1] if len(versions) > 1 else None
        )
        if older and newer and older.number > newer.number:
            older, newer = newer, older
        diff = plan_version_diff(older=older, newer=newer) if older and newer else []
        return super().get_context_data(
            versions=versions, older=older, newer=newer, diff=diff, **kwargs
        )


def _number(value) -> int | None:
    return int(value) if value and str(value).isdigit() else None


class PlanItemIndexView(LoggedIndexView):
    log_description = gettext_lazy("Ingezette interventies")


class PlanItemInspectView(LoggedObjectMixin, generic.InspectView):
    pass


class PlanItemEditView(LoggedObjectMixin, generic.EditView):
    """Change planning, status or result; through ``plan_item_update``, so it is versioned."""

    def dispatch(self, request, *args, **kwargs):
        item = self.get_object()  # scoped: out of scope is 404
        if not plan_may_edit(dossier=item.dossier, user=request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        stored = PlanItem.objects.select_related("intervention").get(pk=self.object.pk)
        try:
            self.object = plan_item_update(
                item=stored, by=self.request.user, data=form.cleaned_data
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("De interventie is bijgewerkt."))
        return redirect("dossiers:inspect", self.object.dossier_id)

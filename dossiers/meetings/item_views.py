"""Admin views of one agenda item: move up/down, remove, record the decision.

They live in a ``ScopedViewSetMixin`` viewset, so an item of a dossier out of the user's
scope is 404 before anything else (and the IDOR walker visits them). Without
``manage_agenda`` they are 404 too.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from dossiers import access
from dossiers.meetings import agenda
from dossiers.meetings.decisions import agenda_item_decide, decision_choices
from dossiers.meetings.views import MANAGE_PERMISSION
from dossiers.models import AgendaItem, User
from dossiers.services import TransitionNotAllowed, access_log_record
from dossiers.views.base import form_add_service_errors


class AgendaItemMixin:
    """The item from the URL, in the user's scope (``scope`` is set by the viewset)."""

    model = AgendaItem
    scope = None

    def dispatch(self, request, *args, **kwargs):
        if not access.has_permission(request.user, MANAGE_PERMISSION):
            raise Http404
        queryset = (
            type(self)
            .scope(request.user, AgendaItem.objects.all())
            .select_related("meeting__series", "dossier__subject", "dossier__case_director")
        )
        self.item = queryset.filter(pk=kwargs["pk"]).first()
        if self.item is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def back(self):
        return redirect("agendas:detail", self.item.meeting_id)


class AgendaItemMoveView(AgendaItemMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            agenda.agenda_item_move(
                item=self.item, by=request.user, up=request.POST.get("direction") == "up"
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return self.back()


class AgendaItemRemoveView(AgendaItemMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            agenda.agenda_item_remove(item=self.item, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Dossier %(ref)s is van de agenda gehaald.")
                % {"ref": self.item.dossier.reference},
            )
        return self.back()


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=gettext_lazy("Besluit"), widget=forms.RadioSelect)
    note = forms.CharField(
        label=gettext_lazy("Toelichting"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=4000,
        help_text=gettext_lazy("Bij niet opnemen: de reden."),
    )
    case_director = forms.ModelChoiceField(
        label=gettext_lazy("Regisseur"),
        queryset=User.objects.none(),
        required=False,
        help_text=gettext_lazy("Alleen bij opnemen: wie het dossier krijgt."),
    )
    destination = forms.CharField(
        label=gettext_lazy("Bestemming"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Alleen bij niet opnemen: waar gaat de casus naartoe?"),
    )
    missing_information = forms.CharField(
        label=gettext_lazy("Ontbrekende informatie"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=gettext_lazy("Alleen bij aanhouden: welke informatie is nog nodig?"),
    )

    other_approach_confirmed = forms.BooleanField(
        label=gettext_lazy("Opnemen ondanks de vermelding bij een andere aanpak"),
        required=False,
        help_text=gettext_lazy("Alleen nodig bij opnemen als de persoon op een lijst staat."),
    )

    def __init__(self, *args, item, matches=(), **kwargs):
        super().__init__(*args, **kwargs)
        if not matches:
            del self.fields["other_approach_confirmed"]
        choices = decision_choices(item)
        self.fields["decision"].choices = choices
        values = {value for value, _label in choices}
        if "include" in values:
            self.fields["case_director"].queryset = access.case_directors()
        else:
            del self.fields["case_director"]
        if "not_include" not in values:
            del self.fields["destination"]
        if "hold" not in values:
            del self.fields["missing_information"]


class AgendaItemDecideView(AgendaItemMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "dossiers/agendaitem_decide.html"
    form_class = DecisionForm
    page_title = gettext_lazy("Besluit vastleggen")
    header_icon = "date"

    def get(self, request, *args, **kwargs):
        access_log_record(
            request=request,
            dossier=self.item.dossier,
            description=_("Agendapunt: %(item)s") % {"item": self.item},
        )
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "item": self.item, "matches": self.matches}

    @cached_property
    def matches(self):
        from dossiers.selectors.duplicates import dossier_list_matches

        return dossier_list_matches(self.item.dossier) if self.item.kind == "decision" else []

    def get_page_subtitle(self):
        return self.item.dossier.reference

    def get_breadcrumbs_items(self):
        meeting = self.item.meeting
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Start")},
            {"url": reverse("agendas:index"), "label": _("Agenda's")},
            {"url": reverse("agendas:detail", args=[meeting.pk]), "label": str(meeting)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            item=self.item, dossier=self.item.dossier, list_matches=self.matches, **kwargs
        )

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            agenda_item_decide(
                item=self.item,
                decision=data["decision"],
                by=self.request.user,
                note=data["note"],
                case_director=data.get("case_director"),
                destination=data.get("destination", ""),
                missing_information=data.get("missing_information", ""),
                other_approach_confirmed=data.get("other_approach_confirmed", False),
            )
        except TransitionNotAllowed as refusal:
            for reason in refusal.reasons:
                form.add_error(None, reason)
            return self.form_invalid(form)
        except ValidationError as error:
            form_add_service_errors(form, error)
            return self.form_invalid(form)
        dossier = self.item.dossier
        dossier.refresh_from_db()
        messages.success(
            self.request,
            _("Besluit vastgelegd; dossier %(ref)s staat nu op “%(state)s”.")
            % {"ref": dossier.reference, "state": dossier.get_state_display()},
        )
        return self.back()

"""Recording relatives on a dossier, the family approach and the dossier's UVO interval.

The same relative form serves the dossier page (Voorportaal, case director) and the MAP's
letter register (the MAP needs a minor's parents for the letters; ADR 0008 scope).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, View
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin

from dossiers.models import RelationKind, Relative
from dossiers.services.intervals import uvo_interval_may_set, uvo_interval_set
from dossiers.services.relations import (
    RELATIVE_FIELDS,
    family_approach_may_set,
    family_approach_set,
    relative_add,
    relative_may_record,
    relative_remove,
    relative_update,
)
from dossiers.views.base import DossierActionMixin, form_add_service_errors

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RelativeForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Relatie"),
        choices=RelationKind.choices,
        help_text=gettext_lazy("Wat is dit familielid van de persoon van dit dossier?"),
    )
    first_name = forms.CharField(label=gettext_lazy("Voornaam"), max_length=100, required=False)
    last_name = forms.CharField(label=gettext_lazy("Achternaam"), max_length=150, required=False)
    birth_date = forms.DateField(
        label=gettext_lazy("Geboortedatum"), required=False, widget=DATE_INPUT
    )
    street = forms.CharField(
        label=gettext_lazy("Straat en huisnummer"), max_length=200, required=False
    )
    postcode = forms.CharField(label=gettext_lazy("Postcode"), max_length=10, required=False)
    city = forms.CharField(label=gettext_lazy("Woonplaats"), max_length=100, required=False)
    parental_authority = forms.BooleanField(
        label=gettext_lazy("Heeft gezag"),
        required=False,
        help_text=gettext_lazy(
            "Ouder of voogd met (ouderlijk) gezag over de persoon: krijgt bij een minderjarige "
            "een eigen brief."
        ),
    )
    related_reference = forms.CharField(
        label=gettext_lazy("Ook persoon in dossier (dossiernummer)"),
        max_length=20,
        required=False,
        help_text=gettext_lazy(
            "Alleen invullen als dit familielid zelf een dossier heeft dat u mag inzien, "
            "bijvoorbeeld 2026-00012. Naam en adres worden dan daarvan overgenomen als u ze "
            "leeg laat."
        ),
    )
    note = forms.CharField(label=gettext_lazy("Toelichting"), max_length=255, required=False)

    def clean(self):
        data = super().clean()
        if not data.get("last_name") and not data.get("related_reference"):
            self.add_error("last_name", _("Vul de achternaam in."))
        return data


class RelativeAddMixin:
    """Shared by both entry points; ``back_url()`` says where to return."""

    form_class = RelativeForm
    template_name = "dossiers/relation_add.html"
    page_title = gettext_lazy("Familielid vastleggen")

    def get_dossier(self):
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not relative_may_record(dossier=self.get_dossier(), user=request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            dossier=self.get_dossier(), cancel_url=self.back_url(), **kwargs
        )

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        reference = data.pop("related_reference", "")
        try:
            relative_add(
                dossier=self.get_dossier(),
                by=self.request.user,
                data=data,
                related_reference=reference,
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Familielid vastgelegd."))
        return redirect(self.back_url())


class RelationAddView(
    DossierActionMixin, RelativeAddMixin, BaseObjectMixin, WagtailAdminTemplateMixin, FormView
):
    """From the dossier page."""

    inspect_url_name = None
    model = None

    def get_dossier(self):
        return self.object

    def get_page_subtitle(self):
        return str(self.object)

    def back_url(self):
        return reverse(self.inspect_url_name, args=[self.object.pk])


class RelativeEditView(DossierActionMixin, BaseObjectMixin, WagtailAdminTemplateMixin, FormView):
    """Change a relative recorded on this dossier (``?familielid=<id>``): a new address, a
    changed authority. A link to the relative's own dossier is made when adding, not here."""

    form_class = RelativeForm
    template_name = "dossiers/relation_add.html"
    page_title = gettext_lazy("Familielid wijzigen")
    inspect_url_name = None
    model = None

    def dispatch(self, request, *args, **kwargs):
        if not relative_may_record(dossier=self.object, user=request.user):
            raise PermissionDenied
        chosen = request.POST.get("familielid") or request.GET.get("familielid") or ""
        self.relative = Relative.objects.filter(
            dossier=self.object, pk=int(chosen) if chosen.isdigit() else 0
        ).first()
        if self.relative is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.object)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        del form.fields["related_reference"]
        form.fields["familielid"] = forms.IntegerField(
            widget=forms.HiddenInput, initial=self.relative.pk
        )
        return form

    def get_initial(self):
        return {name: getattr(self.relative, name) for name in RELATIVE_FIELDS}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            dossier=self.object,
            cancel_url=reverse(self.inspect_url_name, args=[self.object.pk]),
            submit_label=_("Opslaan"),
            **kwargs,
        )

    def form_valid(self, form):
        data = {name: form.cleaned_data[name] for name in RELATIVE_FIELDS if name in form.fields}
        try:
            relative_update(relative=self.relative, by=self.request.user, data=data)
        except ValidationError as error:
            form_add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Familielid bijgewerkt."))
        return redirect(self.inspect_url_name, self.object.pk)


class RelativeRemoveView(DossierActionMixin, BaseObjectMixin, View):
    """POST: remove a relative recorded on this dossier by mistake."""

    http_method_names = ["post"]
    inspect_url_name = None
    model = None

    def post(self, request, *args, **kwargs):
        if not relative_may_record(dossier=self.object, user=request.user):
            raise PermissionDenied
        relative = Relative.objects.filter(
            dossier=self.object, pk=request.POST.get("relative")
        ).first()
        if relative is None:
            raise Http404
        relative_remove(relative=relative, by=request.user)
        messages.success(request, _("Familielid verwijderd."))
        return redirect(self.inspect_url_name, self.object.pk)


class FamilyApproachForm(forms.Form):
    decided = forms.BooleanField(label=gettext_lazy("Gezinsaanpak"), required=False)
    decided_on = forms.DateField(
        label=gettext_lazy("Besloten op"), required=False, widget=DATE_INPUT
    )
    reason = forms.CharField(
        label=gettext_lazy("Reden"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    covered = forms.MultipleChoiceField(
        label=gettext_lazy("Familieleden in de gezinsaanpak"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Zij krijgen ook een notificatiebrief."),
    )

    def __init__(self, *args, relatives, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["covered"].choices = [
            (str(r.pk), f"{r.name} ({r.get_kind_display().lower()})") for r in relatives
        ]

    def clean(self):
        data = super().clean()
        if data.get("decided") and not data.get("decided_on"):
            self.add_error("decided_on", _("Vul de datum van het besluit in."))
        return data


class FamilyApproachView(DossierActionMixin, BaseObjectMixin, WagtailAdminTemplateMixin, FormView):
    form_class = FamilyApproachForm
    template_name = "dossiers/relation_add.html"
    page_title = gettext_lazy("Gezinsaanpak")
    inspect_url_name = None
    model = None

    def dispatch(self, request, *args, **kwargs):
        if not family_approach_may_set(dossier=self.object, user=request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.object)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "relatives": list(self.object.relatives.all())}

    def get_initial(self):
        dossier = self.object
        return {
            "decided": dossier.family_approach_on is not None,
            "decided_on": dossier.family_approach_on or timezone.localdate(),
            "reason": dossier.family_approach_reason,
            "covered": [
                str(pk)
                for pk in dossier.relatives.filter(in_family_approach=True).values_list(
                    "pk", flat=True
                )
            ],
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            dossier=self.object,
            cancel_url=reverse(self.inspect_url_name, args=[self.object.pk]),
            submit_label=_("Opslaan"),
            **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            family_approach_set(
                dossier=self.object,
                by=self.request.user,
                decided_on=data["decided_on"] if data["decided"] else None,
                reason=data["reason"],
                covered=[int(pk) for pk in data["covered"]],
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Gezinsaanpak opgeslagen."))
        return redirect(self.inspect_url_name, self.object.pk)


class UvoIntervalForm(forms.Form):
    days = forms.IntegerField(
        label=gettext_lazy("Dagen tussen twee UVO's"),
        required=False,
        min_value=7,
        max_value=182,
        help_text=gettext_lazy("Leeg: het interval uit de programma-instellingen."),
    )
    reason = forms.CharField(label=gettext_lazy("Reden"), max_length=255, required=False)


class UvoIntervalView(DossierActionMixin, BaseObjectMixin, WagtailAdminTemplateMixin, FormView):
    form_class = UvoIntervalForm
    template_name = "dossiers/relation_add.html"
    page_title = gettext_lazy("UVO-interval van dit dossier")
    inspect_url_name = None
    model = None

    def dispatch(self, request, *args, **kwargs):
        if not uvo_interval_may_set(dossier=self.object, user=request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.object)

    def get_initial(self):
        return {"days": self.object.uvo_interval_days, "reason": self.object.uvo_interval_reason}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            dossier=self.object,
            cancel_url=reverse(self.inspect_url_name, args=[self.object.pk]),
            submit_label=_("Opslaan"),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            uvo_interval_set(dossier=self.object, by=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("UVO-interval opgeslagen."))
        return redirect(self.inspect_url_name, self.object.pk)

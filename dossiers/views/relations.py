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


class RelativeFormMixin:
    """The relative form's page, for adding and changing alike: only who may record relatives
    (403), the dossier and the way back in the context, a service's errors on the form.

    A view says which dossier (``get_dossier``), where to return (``back_url``) and what to
    write (``save(data)``, through a service)."""

    form_class = RelativeForm
    template_name = "dossiers/relation_add.html"
    submit_label = None  # the template's "Toevoegen"
    success_message = ""

    def get_dossier(self):
        raise NotImplementedError

    def back_url(self) -> str:
        raise NotImplementedError

    def save(self, data: dict) -> None:
        raise NotImplementedError

    def find_objects(self, request) -> None:
        """After the permission check, before the form: load what the URL names (404)."""

    def dispatch(self, request, *args, **kwargs):
        if not relative_may_record(dossier=self.get_dossier(), user=request.user):
            raise PermissionDenied
        self.find_objects(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            dossier=self.get_dossier(),
            cancel_url=self.back_url(),
            submit_label=self.submit_label,
            **kwargs,
        )

    def form_valid(self, form):
        try:
            self.save(dict(form.cleaned_data))
        except ValidationError as error:
            form_add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect(self.back_url())


class RelativeAddMixin(RelativeFormMixin):
    """Adding a relative, from the dossier page and from the MAP's letter register."""

    page_title = gettext_lazy("Familielid vastleggen")
    success_message = gettext_lazy("Familielid vastgelegd.")

    def save(self, data: dict) -> None:
        reference = data.pop("related_reference", "")
        relative_add(
            dossier=self.get_dossier(),
            by=self.request.user,
            data=data,
            related_reference=reference,
        )


class DossierRelativeView(
    DossierActionMixin, RelativeFormMixin, BaseObjectMixin, WagtailAdminTemplateMixin, FormView
):
    """The relative form on the dossier page's own URLs (the dossier's pk in the URL)."""

    inspect_url_name = None
    model = None

    def get_dossier(self):
        return self.object

    def get_page_subtitle(self):
        return str(self.object)

    def back_url(self) -> str:
        return reverse(self.inspect_url_name, args=[self.object.pk])


class RelationAddView(RelativeAddMixin, DossierRelativeView):
    """Add a relative, from the dossier page."""


class RelativeEditView(DossierRelativeView):
    """Change a relative recorded on this dossier (``?familielid=<id>``): a new address, a
    changed authority. A link to the relative's own dossier is made when adding, not here."""

    page_title = gettext_lazy("Familielid wijzigen")
    submit_label = gettext_lazy("Opslaan")
    success_message = gettext_lazy("Familielid bijgewerkt.")

    def find_objects(self, request) -> None:
        chosen = request.POST.get("familielid") or request.GET.get("familielid") or ""
        self.relative = Relative.objects.filter(
            dossier=self.object, pk=int(chosen) if chosen.isdigit() else 0
        ).first()
        if self.relative is None:
            raise Http404

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        del form.fields["related_reference"]
        form.fields["familielid"] = forms.IntegerField(
            widget=forms.HiddenInput, initial=self.relative.pk
        )
        return form

    def get_initial(self):
        return {name: getattr(self.relative, name) for name in RELATIVE_FIELDS}

    def save(self, data: dict) -> None:
        changed = {name: value for name, value in data.items() if name in RELATIVE_FIELDS}
        relative_update(relative=self.relative, by=self.request.user, data=changed)


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

"""Adding a family link from the dossier page."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin

from dossiers.models import RelationKind
from dossiers.services.relations import relation_may_add, subject_relation_add
from dossiers.views.base import DossierActionMixin, form_add_service_errors


class RelationForm(forms.Form):
    related_reference = forms.CharField(
        label=gettext_lazy("Dossiernummer van het familielid"),
        max_length=20,
        help_text=gettext_lazy("Bijvoorbeeld 2026-00012; u moet dat dossier zelf kunnen inzien."),
    )
    kind = forms.ChoiceField(label=gettext_lazy("Relatie"), choices=RelationKind.choices)
    note = forms.CharField(label=gettext_lazy("Toelichting"), max_length=255, required=False)


class RelationAddView(DossierActionMixin, BaseObjectMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "dossiers/relation_add.html"
    form_class = RelationForm
    page_title = gettext_lazy("Familierelatie toevoegen")
    inspect_url_name = None
    model = None

    def dispatch(self, request, *args, **kwargs):
        if not relation_may_add(dossier=self.object, user=request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object, inspect_url_name=self.inspect_url_name, **kwargs
        )

    def form_valid(self, form):
        try:
            subject_relation_add(dossier=self.object, by=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Familierelatie toegevoegd."))
        return redirect(self.inspect_url_name, self.object.pk)

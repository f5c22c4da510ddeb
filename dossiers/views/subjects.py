"""Keeping the person's details from the dossier page."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin

from adminkit.logged_views import LoggedObjectMixin
from dossiers.models import Subject
from dossiers.services.subjects import SUBJECT_FIELDS, subject_may_edit, subject_update
from dossiers.views.base import DossierActionMixin, form_add_service_errors


class SubjectForm(forms.ModelForm):
    class Meta:
        model = Subject
        fields = list(SUBJECT_FIELDS)
        widgets = {"birth_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        from django.db.models import Q

        from snippets.models import Institution

        super().__init__(*args, **kwargs)
        current = self.instance.detained_in_id if self.instance else None
        self.fields["detained_in"].queryset = Institution.objects.filter(
            Q(active=True) | Q(pk=current)
        )


class SubjectEditView(
    LoggedObjectMixin, DossierActionMixin, BaseObjectMixin, WagtailAdminTemplateMixin, FormView
):
    template_name = "dossiers/subject_edit.html"
    form_class = SubjectForm
    page_title = gettext_lazy("Persoonsgegevens bijwerken")
    header_icon = "user"
    inspect_url_name = None
    model = None

    def dispatch(self, request, *args, **kwargs):
        if not subject_may_edit(dossier=self.object, user=request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.object)

    def get_log_description(self) -> str:
        return _("Persoonsgegevens: %(dossier)s") % {"dossier": self.object}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.object.subject}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object, inspect_url_name=self.inspect_url_name, **kwargs
        )

    def form_valid(self, form):
        try:
            subject_update(dossier=self.object, by=self.request.user, data=form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Persoonsgegevens bijgewerkt."))
        return redirect(self.inspect_url_name, self.object.pk)

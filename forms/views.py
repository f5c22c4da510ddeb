"""Admin views to fill in a published form; later issues embed ``build_form`` in their pages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic import InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from adminkit.logged_views import LoggedObjectMixin
from adminkit.viewsets import LoggedIndexView
from forms.bindings import bound_slugs
from forms.models import FormResponse, FormVersion
from forms.rendering import build_form
from forms.selectors import form_definitions_fillable, form_version_current
from forms.services import form_response_submit


class FormResponseIndexView(LoggedIndexView):
    log_description = gettext_lazy("Ingevulde formulieren")

    @property
    def add_item_label(self):
        return _("Formulier invullen")


class FormResponseInspectView(LoggedObjectMixin, InspectView):
    template_name = "structuredforms/formresponse_inspect.html"


class FormPickView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Lists the published forms, each with a link to fill in its current version."""

    model = FormResponse
    permission_required = "add"
    template_name = "structuredforms/formresponse_pick.html"
    page_title = gettext_lazy("Formulier invullen")
    header_icon = "form"
    fill_url_name = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["forms"] = form_definitions_fillable()
        context["fill_url_name"] = self.fill_url_name
        return context


class FormFillView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Shows a form version and stores a valid submission through ``form_response_submit``."""

    model = FormResponse
    permission_required = "add"
    template_name = "structuredforms/formresponse_fill.html"
    header_icon = "form"
    inspect_url_name = None
    fill_url_name = None

    def dispatch(self, request, *args, **kwargs):
        self.version = (
            FormVersion.objects.select_related("definition")
            .filter(pk=kwargs["version_pk"], definition__live=True)
            .first()
        )
        if self.version is None or self.version.definition.slug in bound_slugs():
            # A step's form is filled in on its step page, nowhere else (one form per step).
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.version.title

    def get_page_subtitle(self):
        return _("versie %(number)s") % {"number": self.version.number}

    def get(self, request, *args, **kwargs):
        current = form_version_current(slug=self.version.definition.slug)
        if current.pk != self.version.pk:
            return redirect(self.fill_url_name, current.pk)
        return self.render_to_response(self.get_context_data(form=build_form(self.version)))

    def post(self, request, *args, **kwargs):
        # Validated against the version the user saw, even if a newer one was published since.
        try:
            response = form_response_submit(
                version=self.version, data=request.POST, by=request.user
            )
        except ValidationError:
            form = build_form(self.version, request.POST)
            form.is_valid()
            messages.error(request, _("Het formulier is niet opgeslagen: controleer de velden."))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(request, _("Het formulier “%s” is opgeslagen.") % self.version.title)
        return redirect(self.inspect_url_name, response.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["version"] = self.version
        return context

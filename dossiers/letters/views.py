"""The MAP's notification letters: the open list, the register per dossier, and its actions.

Every view is built by ``NotificationLetterViewSet`` (a ``ScopedModelViewSet``), so a letter
outside ``access.letters_for`` is a 404 before anything else. The PDF lives in private storage
and leaves only through ``LetterDownloadView``, which writes the access log.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin

from adminkit.viewsets import LoggedIndexView
from dossiers import access
from dossiers.letters.rule import letter_rule
from dossiers.letters.selectors import dossier_letters, letter_days, letter_list_for
from dossiers.letters.services import (
    letter_add,
    letter_generate,
    letter_may_send,
    letter_send_record,
    letter_update,
    letters_propose,
)
from dossiers.models import AccessAction, LetterRoute
from dossiers.services import access_log_record
from dossiers.views.base import form_add_service_errors
from dossiers.views.relations import RelativeAddMixin
from snippets.models import LetterRecipientKind

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class LetterRecipientForm(forms.Form):
    recipient_kind = forms.ChoiceField(
        label=gettext_lazy("Soort ontvanger"), choices=LetterRecipientKind.choices
    )
    recipient_name = forms.CharField(label=gettext_lazy("Naam ontvanger"), max_length=260)
    street = forms.CharField(
        label=gettext_lazy("Straat en huisnummer"), max_length=200, required=False
    )
    postcode = forms.CharField(label=gettext_lazy("Postcode"), max_length=10, required=False)
    city = forms.CharField(label=gettext_lazy("Woonplaats"), max_length=100, required=False)
    institution = forms.CharField(
        label=gettext_lazy("PI/JJI"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Alleen bij detentie; het adres is dan dat van de inrichting."),
    )


class LetterSendForm(forms.Form):
    sent_on = forms.DateField(
        label=gettext_lazy("Verzonden of overhandigd op"),
        initial=timezone.localdate,
        widget=DATE_WIDGET,
    )
    route = forms.ChoiceField(label=gettext_lazy("Route"), choices=LetterRoute.choices)
    note = forms.CharField(
        label=gettext_lazy("Toelichting"),
        max_length=255,
        required=False,
        help_text=gettext_lazy("Bijvoorbeeld met wie de overhandiging is afgestemd."),
    )


class LetterIndexView(LoggedIndexView):
    log_description = gettext_lazy("Notificatiebrieven")

    def get_base_queryset(self):
        return letter_list_for(user=self.request.user, queryset=super().get_base_queryset())


class LetterBreadcrumbsMixin:
    """Start > Notificatiebrieven > <dossier> > <action>."""

    index_url_name = None
    register_url_name = None

    def get_breadcrumbs_items(self):
        dossier = self.get_dossier()
        items = [
            {"url": reverse("wagtailadmin_home"), "label": _("Start")},
            {"url": reverse(self.index_url_name), "label": _("Notificatiebrieven")},
            {"url": reverse(self.register_url_name, args=[dossier.pk]), "label": str(dossier)},
        ]
        if not isinstance(self, LetterRegisterView):
            items.append({"url": "", "label": str(self.get_page_title())})
        return items


class DossierLettersMixin(LetterBreadcrumbsMixin):
    """Resolves ``dossier_pk`` through the letter scope: 404 when the user may not see it."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        try:
            self.dossier = (
                access.letter_dossiers_for(request.user)
                .select_related("subject", "case_director", "case_director_organisation")
                .get(pk=kwargs["dossier_pk"])
            )
        except (ValueError, TypeError, access.Dossier.DoesNotExist) as error:
            raise Http404 from error

    def get_dossier(self):
        return self.dossier


class LetterRegisterView(DossierLettersMixin, WagtailAdminTemplateMixin, TemplateView):
    """Who got which letter of this dossier, when and how; the MAP's actions on each."""

    template_name = "dossiers/notificationletter_register.html"
    page_title = gettext_lazy("Notificatiebrieven")
    header_icon = "mail"
    model = None
    generate_url_name = download_url_name = send_url_name = change_url_name = None
    add_letter_url_name = propose_url_name = relative_add_url_name = None

    def get_page_subtitle(self):
        return str(self.dossier)

    def dispatch(self, request, *args, **kwargs):
        if not access.has_permission(request.user, "dossiers.view_notificationletter"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        access_log_record(
            request=request, dossier=self.dossier, description=_("Register notificatiebrieven")
        )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        days = letter_days()
        due = self.dossier.included_on and self.dossier.included_on + timezone.timedelta(days)
        return super().get_context_data(
            dossier=self.dossier,
            letters=dossier_letters(dossier=self.dossier),
            due=due,
            may_send=letter_may_send(dossier=self.dossier, user=self.request.user),
            may_download=access.has_permission(
                self.request.user, "dossiers.view_notificationletter"
            ),
            urls={
                "generate": self.generate_url_name,
                "download": self.download_url_name,
                "send": self.send_url_name,
                "change": self.change_url_name,
                "add": self.add_letter_url_name,
                "propose": self.propose_url_name,
                "relative_add": self.relative_add_url_name,
            },
            rule_warnings=letter_rule(self.dossier).warnings,
            **kwargs,
        )


class LetterFormMixin(WagtailAdminTemplateMixin):
    template_name = "dossiers/notificationletter_form.html"
    submit_label = gettext_lazy("Opslaan")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            submit_label=self.submit_label,
            cancel_url=self.register_url(),
            letter=getattr(self, "object", None),
            dossier=self.get_dossier(),
            **kwargs,
        )

    def register_url(self):
        return reverse(self.register_url_name, args=[self.get_dossier().pk])

    def form_valid(self, form):
        try:
            self.save(form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect(self.register_url())


class LetterAddView(DossierLettersMixin, LetterFormMixin, FormView):
    """A letter for a recipient the system did not propose (a guardian, another relative)."""

    form_class = LetterRecipientForm
    page_title = gettext_lazy("Brief toevoegen")
    submit_label = gettext_lazy("Toevoegen")
    success_message = gettext_lazy("Brief toegevoegd.")
    model = None

    def dispatch(self, request, *args, **kwargs):
        if not letter_may_send(dossier=self.dossier, user=request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def save(self, data):
        letter_add(dossier=self.dossier, by=self.request.user, data=data)


class LetterRelativeAddView(
    DossierLettersMixin, RelativeAddMixin, WagtailAdminTemplateMixin, FormView
):
    """The MAP records a relative (a minor's parents) from the letter register; the letters
    the rule then asks for are proposed at once."""

    model = None

    def get_dossier(self):
        return self.dossier

    def get_page_subtitle(self):
        return str(self.dossier)

    def back_url(self):
        return reverse(self.register_url_name, args=[self.dossier.pk])


class LetterProposeView(DossierLettersMixin, View):
    """POST: propose the letters still due, e.g. after a family link was added later."""

    http_method_names = ["post"]
    model = None

    def post(self, request, *args, **kwargs):
        if not letter_may_send(dossier=self.dossier, user=request.user):
            raise PermissionDenied
        created = letters_propose(dossier=self.dossier)
        messages.success(
            request, _("%(count)s brief of brieven voorgesteld.") % {"count": len(created)}
        )
        return redirect(reverse(self.register_url_name, args=[self.dossier.pk]))


class LetterObjectMixin(LetterBreadcrumbsMixin, BaseObjectMixin):
    """A view on one letter the user may make and register (the MAP, open dossiers)."""

    model = None

    def dispatch(self, request, *args, **kwargs):
        if not letter_may_send(dossier=self.object.dossier, user=request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_dossier(self):
        return self.object.dossier

    def get_page_subtitle(self):
        return str(self.object)

    def get(self, request, *args, **kwargs):
        """The letter's recipient (name, address) is personal data: one log row per read."""
        access_log_record(
            request=request,
            dossier=self.object.dossier,
            description=_("Notificatiebrief: %(letter)s") % {"letter": self.object},
        )
        return super().get(request, *args, **kwargs)


class LetterChangeView(LetterObjectMixin, LetterFormMixin, FormView):
    form_class = LetterRecipientForm
    page_title = gettext_lazy("Ontvanger wijzigen")
    success_message = gettext_lazy("Ontvanger gewijzigd; maak de brief opnieuw.")

    def get_initial(self):
        return {field: getattr(self.object, field) for field in LetterRecipientForm.base_fields}

    def save(self, data):
        letter_update(letter=self.object, by=self.request.user, data=data)


class LetterSendView(LetterObjectMixin, LetterFormMixin, FormView):
    form_class = LetterSendForm
    page_title = gettext_lazy("Verzending vastleggen")
    submit_label = gettext_lazy("Vastleggen")
    success_message = gettext_lazy("Verzending vastgelegd.")

    def get_initial(self):
        routes = {
            LetterRecipientKind.DETAINED: LetterRoute.INSTITUTION,
            LetterRecipientKind.SUBJECT_HANDOVER: LetterRoute.HANDOVER,
        }
        return {"route": routes.get(self.object.recipient_kind, LetterRoute.POST)}

    def save(self, data):
        letter_send_record(
            letter=self.object,
            by=self.request.user,
            sent_on=data["sent_on"],
            route=data["route"],
            note=data["note"],
        )


class LetterGenerateView(LetterObjectMixin, View):
    """POST: render the letter as PDF with the published template and keep it."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            letter_generate(letter=self.object, by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Brief gemaakt: %(letter)s.") % {"letter": self.object})
        return redirect(reverse(self.register_url_name, args=[self.object.dossier_id]))


class LetterDownloadView(BaseObjectMixin, View):
    """The letter's PDF for a user who may see it; one access-log row per download."""

    model = None
    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        letter = self.object
        if not access.has_permission(request.user, "dossiers.view_notificationletter"):
            raise PermissionDenied
        if not letter.file or not letter.file.storage.exists(letter.file.name):
            raise Http404
        access_log_record(
            request=request,
            action=AccessAction.DOWNLOAD,
            dossier=letter.dossier,
            description=_("Notificatiebrief: %(letter)s") % {"letter": letter},
        )
        return FileResponse(
            letter.file.open("rb"),
            as_attachment=True,
            filename=letter.file.name.rsplit("/", 1)[-1],
            content_type="application/pdf",
        )

"""Training (vakontwikkeling) in the admin.

Events are catalogue snippets (``TrainingEvent``, drafts and publishing like the rest of the
catalogue, edited by the programme team). Two small views sit beside the snippet views: the
agenda where case directors see what is coming and register, and the attendance view where the
programme team records who came. Both call ``snippets.services``.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin

from snippets.models import TrainingEvent
from snippets.selectors import training_registrations_for, training_upcoming_for
from snippets.services import (
    TrainingRegistrationRefused,
    training_attendance_record,
    training_register,
    training_unregister,
)

REGISTER_PERMISSION = "catalogue.register_for_training"
ATTENDANCE_PERMISSION = "catalogue.record_training_attendance"


class TrainingAgendaView(WagtailAdminTemplateMixin, TemplateView):
    """Upcoming published events; POST registers or withdraws the current user."""

    template_name = "snippets/training_agenda.html"
    page_title = gettext_lazy("Vakontwikkeling")
    page_subtitle = gettext_lazy("Agenda en aanmelden")
    header_icon = "calendar"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REGISTER_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["events"] = training_upcoming_for(user=self.request.user)
        return context

    def post(self, request, *args, **kwargs):
        event = get_object_or_404(TrainingEvent.objects.live(), pk=request.POST.get("event"))
        try:
            if request.POST.get("action") == "unregister":
                training_unregister(event=event, user=request.user)
                messages.success(request, _("Je bent afgemeld voor “%s”.") % event.title)
            else:
                training_register(event=event, user=request.user)
                messages.success(request, _("Je bent aangemeld voor “%s”.") % event.title)
        except TrainingRegistrationRefused as refusal:
            messages.error(request, refusal.reason)
        return redirect("training_agenda")


class TrainingAttendanceView(BaseObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    """The registrations of one event, with a checkbox per person for attendance."""

    template_name = "snippets/training_attendance.html"
    page_title = gettext_lazy("Aanwezigheid vastleggen")
    header_icon = "calendar"
    model = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(ATTENDANCE_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object"] = self.object
        context["registrations"] = training_registrations_for(event=self.object)
        return context

    def post(self, request, *args, **kwargs):
        try:
            present = training_attendance_record(
                event=self.object,
                attended_user_ids=request.POST.getlist("attended"),
                by=request.user,
            )
        except TrainingRegistrationRefused as refusal:
            messages.error(request, refusal.reason)
        else:
            messages.success(request, _("Aanwezigheid vastgelegd: %d aanwezig.") % present)
        return redirect(request.path)


class TrainingMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REGISTER_PERMISSION)


def training_urls():
    return [path("vakontwikkeling/", TrainingAgendaView.as_view(), name="training_agenda")]


def training_menu_item():
    return TrainingMenuItem(
        gettext_lazy("Vakontwikkeling"),
        reverse("training_agenda"),
        icon_name="calendar",
        order=400,
    )

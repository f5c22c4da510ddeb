"""Admin views of agendas: overview, build (propose, add, reorder, remove), publish, PDF, .ics.

Meetings hold no case data; their items do. A view needs ``view_agendaitem`` to show an
agenda (participants) and ``manage_agenda`` to change one (the secretary); without, 404.
Items are always filtered through the user's scope, and every dossier shown is logged.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from dossiers import access
from dossiers.meetings import agenda, documents, selectors
from dossiers.meetings.mail import agenda_recipients
from dossiers.models import AccessAction, AgendaItemKind, Meeting
from dossiers.services import access_log_record_many

VIEW_PERMISSION = "dossiers.view_agendaitem"
MANAGE_PERMISSION = "dossiers.manage_agenda"


class AgendaAccessMixin:
    """404 unless the user's role holds ``permission`` (no hint that the page exists)."""

    permission = VIEW_PERMISSION

    def dispatch(self, request, *args, **kwargs):
        if not access.has_permission(request.user, self.permission):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class MeetingMixin(AgendaAccessMixin):
    """The meeting from the URL, and breadcrumbs Start > Agenda's > meeting > page."""

    page_title = ""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.meeting = get_object_or_404(Meeting.objects.select_related("series"), pk=kwargs["pk"])

    def get_breadcrumbs_items(self):
        items = [
            {"url": reverse("wagtailadmin_home"), "label": _("Start")},
            {"url": reverse("agendas:index"), "label": _("Agenda's")},
            {"url": reverse("agendas:detail", args=[self.meeting.pk]), "label": str(self.meeting)},
        ]
        if self.page_title:
            items.append({"url": "", "label": self.get_page_title()})
        return items

    def get_page_title(self):
        return self.page_title or str(self.meeting)

    def back(self):
        return redirect("agendas:detail", self.meeting.pk)


class AgendaIndexView(AgendaAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "dossiers/agenda_index.html"
    page_title = gettext_lazy("Agenda's")
    header_icon = "date"

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Start")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meetings = selectors.agenda_meetings_for(user=self.request.user, on=timezone.localdate())
        context["meetings"] = meetings.prefetch_related("items")[:40]
        context["today"] = timezone.localdate()
        return context


class AddForm(forms.Form):
    reference = forms.CharField(label=gettext_lazy("Dossiernummer"), max_length=20)
    kind = forms.ChoiceField(label=gettext_lazy("Soort agendapunt"), choices=AgendaItemKind.choices)


class AgendaDetailView(MeetingMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "dossiers/agenda_detail.html"
    header_icon = "date"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, meeting = self.request.user, self.meeting
        slots = selectors.agenda_slots_for(meeting=meeting, user=user)
        may_manage = access.has_permission(user, MANAGE_PERMISSION)
        editable = (
            may_manage
            and meeting.takes_place
            and meeting.agenda_published_at is None
            and not meeting.items.exclude(decision="").exists()
        )
        proposals = selectors.agenda_proposals(meeting=meeting, user=user) if editable else []
        shown = [s.item.dossier for s in slots] + [p.dossier for p in proposals]
        access_log_record_many(
            request=self.request,
            dossiers=shown,
            description=_("Agenda %(meeting)s") % {"meeting": meeting},
        )
        context.update(
            meeting=meeting,
            slots=slots,
            hidden=meeting.items.count() - len(slots),
            may_manage=may_manage,
            editable=editable,
            proposals=proposals,
            add_form=AddForm(),
            end=selectors.meeting_end(meeting),
            today=timezone.localdate(),
        )
        return context


class AgendaAddView(MeetingMixin, View):
    """Put a proposed dossier (by id) or any dossier in scope (by number) on the agenda."""

    permission = MANAGE_PERMISSION
    http_method_names = ["post"]

    def _dossier(self):
        scope = access.dossiers_for(self.request.user)
        if self.request.POST.get("dossier"):
            return scope.filter(pk=self.request.POST["dossier"]).first()
        reference = self.request.POST.get("reference", "").strip()
        return scope.filter(reference=reference).first() if reference else None

    def post(self, request, *args, **kwargs):
        try:
            dossier = self._dossier()
        except (ValueError, TypeError):
            dossier = None
        if dossier is None:
            messages.error(request, _("Geen dossier met dit nummer gevonden in uw dossiers."))
            return self.back()
        try:
            agenda.agenda_item_add(
                meeting=self.meeting,
                dossier=dossier,
                kind=request.POST.get("kind", ""),
                by=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Dossier %(ref)s staat op de agenda.") % {"ref": dossier.reference}
            )
        return self.back()


class MeetingLapseView(MeetingMixin, View):
    """POST: a meeting without agenda items "vervalt" (no reminders, logged)."""

    permission = MANAGE_PERMISSION
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        from dossiers.meetings.services import meeting_lapse

        try:
            meeting_lapse(meeting=self.meeting, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("De vergadering vervalt; er gaan geen herinneringen uit."))
        return self.back()


class AgendaPublishView(MeetingMixin, WagtailAdminTemplateMixin, TemplateView):
    """Confirm (GET: who receives the agenda) and send (POST)."""

    permission = MANAGE_PERMISSION
    template_name = "dossiers/agenda_publish.html"
    page_title = gettext_lazy("Agenda versturen")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            meeting=self.meeting,
            recipients=agenda_recipients(meeting=self.meeting),
            count=self.meeting.items.count(),
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            sent = agenda.agenda_publish(meeting=self.meeting, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.back()
        if sent:
            messages.success(request, _("Agenda verstuurd: %(count)s e-mails.") % {"count": sent})
        else:
            messages.warning(request, _("Deze agenda was al verstuurd; er ging niets opnieuw uit."))
        return self.back()


class AgendaPdfView(MeetingMixin, View):
    def get(self, request, *args, **kwargs):
        slots = selectors.agenda_slots_for(meeting=self.meeting, user=request.user)
        hidden = self.meeting.items.count() - len(slots)
        access_log_record_many(
            request=request,
            dossiers=[s.item.dossier for s in slots],
            action=AccessAction.PRINT,
            description=_("Agenda %(meeting)s (pdf)") % {"meeting": self.meeting},
        )
        pdf = documents.agenda_pdf(meeting=self.meeting, slots=slots, hidden=hidden)
        response = HttpResponse(pdf, content_type="application/pdf")
        name = f"agenda-{self.meeting.series.kind}-{self.meeting.date:%Y-%m-%d}.pdf"
        response["Content-Disposition"] = f'inline; filename="{name}"'
        return response


class AgendaIcsView(MeetingMixin, View):
    def get(self, request, *args, **kwargs):
        slots = selectors.agenda_slots_for(meeting=self.meeting, user=request.user)
        access_log_record_many(
            request=request,
            dossiers=[s.item.dossier for s in slots],
            action=AccessAction.DOWNLOAD,
            description=_("Agenda %(meeting)s (ics)") % {"meeting": self.meeting},
        )
        text = documents.agenda_ics(
            meeting=self.meeting,
            slots=slots,
            url=request.build_absolute_uri(reverse("agendas:detail", args=[self.meeting.pk])),
        )
        response = HttpResponse(text.encode(), content_type="text/calendar; charset=utf-8")
        name = f"{self.meeting.series.kind}-{self.meeting.date:%Y-%m-%d}.ics"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

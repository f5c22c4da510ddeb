"""Registers the case domain in the admin; reads like the admin menu."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from dossiers import access
from dossiers.avatars import initials_avatar_url
from dossiers.execution.viewsets import execution_group
from dossiers.letters.viewsets import letter_viewset
from dossiers.meetings.viewsets import agenda_item_viewset, meetings_group, reminder_viewset
from dossiers.models import Dossier, DossierLogEntry
from dossiers.selectors.queues import work_queues_for
from dossiers.viewsets import dossier_viewset, signal_viewset


class PermissionMenuItem(MenuItem):
    """A menu item shown only to users whose role holds ``permission``."""

    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return access.has_permission(request.user, self.permission)


@hooks.register("register_admin_viewset")
def register_signal_viewset():
    return signal_viewset


@hooks.register("register_admin_viewset")
def register_dossier_viewset():
    return dossier_viewset


@hooks.register("register_admin_viewset")
def register_letter_viewset():
    return letter_viewset


@hooks.register("register_admin_menu_item")
def register_overdue_letters_menu_item():
    return PermissionMenuItem(
        _("Brieven over termijn"),
        f"{reverse('letters:index')}?status=overdue",
        icon_name="warning",
        order=98,
        permission="dossiers.send_letters",
    )


@hooks.register("register_admin_menu_item")
def register_my_dossiers_menu_item():
    return PermissionMenuItem(
        _("Mijn dossiers"),
        f"{reverse('dossiers:index')}?mine=true",
        icon_name="user",
        order=95,
        permission="dossiers.direct_dossier",
    )


@hooks.register("register_admin_menu_item")
def register_pre_assessment_queue_menu_item():
    states = "&".join(f"state={s}" for s in ("pre_assessment", "on_hold", "awaiting_decision"))
    return PermissionMenuItem(
        _("Voorportaal"),
        f"{reverse('dossiers:index')}?{states}",
        icon_name="tasks",
        order=96,
        permission="dossiers.assess_signal",
    )


@hooks.register("register_log_actions")
def register_dossier_log_model(actions):
    """Dossier changes go to ``DossierLogEntry``, whose "site history" rows are access-scoped."""
    actions.register_model(Dossier, DossierLogEntry)


@hooks.register("before_serve_document")
def serve_documents_to_admin_users_only(document, request):
    """Documents can hold case material: Wagtail serves them to anyone by default."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("wagtailadmin.access_admin"):
        raise PermissionDenied
    return None


@hooks.register("register_admin_viewset")
def register_execution_viewsets():
    return execution_group


@hooks.register("register_admin_viewset")
def register_meeting_viewsets():
    return meetings_group


@hooks.register("register_admin_viewset")
def register_agenda_item_viewset():
    return agenda_item_viewset


@hooks.register("register_admin_viewset")
def register_reminder_viewset():
    return reminder_viewset


class WorkQueuesPanel(Component):
    """The start page's queues: what waits for the user's role, each bounded and counted."""

    name = "work_queues"
    order = 50
    template_name = "includes/work_queues.html"

    def __init__(self, queues):
        self.queues = queues

    def get_context_data(self, parent_context):
        return {"queues": self.queues, "today": timezone.localdate()}


@hooks.register("construct_homepage_panels")
def add_work_queues_panel(request, panels):
    queues = work_queues_for(user=request.user, on=timezone.localdate())
    if queues:
        panels.append(WorkQueuesPanel(queues))


@hooks.register("insert_global_admin_css")
def global_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("dossiers/admin.css"))


@hooks.register("get_avatar_url")
def initials_avatar(user, size):
    """An uploaded avatar wins; otherwise initials (gravatar is off)."""
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None and profile.avatar:
        return None
    return initials_avatar_url(user, size)


@hooks.register("construct_help_menu")
def handbook_help_menu(request, menu_items):
    """Help points at the handbook (the Handreiking), not at Wagtail's guide."""
    from handbook.selectors import handbook_chapters

    menu_items[:] = [
        MenuItem(
            chapter.title,
            chapter.url,
            icon_name="help",
            order=order,
            attrs={"target": "_blank", "rel": "noreferrer"},
            name=f"handbook-{chapter.key}",
        )
        for order, chapter in enumerate(handbook_chapters(request=request), start=1)
    ]

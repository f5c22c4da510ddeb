"""Registers the case domain in the admin; reads like the admin menu."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from dossiers import access
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

"""The admin's sidebar, built once per user and kept, instead of on every page (issue 17).

Wagtail builds the sidebar (main menu, search area, account menu) for every admin page: each
menu item asks whether the user may see it, the help menu reads the handbook's chapters, and
the whole is packed as JSON. That was a quarter of a listing request. For one user the answer
changes only when a role, a permission, the user or a page changes, so the packed sidebar is
kept in the cache (``CACHES``: Redis when ``REDIS_URL`` is set, shared by every web process)
for at most ``ADMINKIT_SIDEBAR_SECONDS``, under a version that any such change renews
(``sidebar_install``). The key also holds the user's permissions, so a stale
version can never hand one user's menu to another. The menu only shows links: every view
still checks its own permission.

``sidebar_install`` (called once from ``DossiersConfig.ready()``, before any template is
compiled) registers the tag in Wagtail's own tag library under Wagtail's name, in place of
Wagtail's, and connects the signals that renew the version.
"""

import hashlib
import uuid

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import get_language
from wagtail.admin.templatetags import wagtailadmin_tags as wagtail_tags

VERSION_KEY = "adminkit-sidebar-version"


def _version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return version


def sidebar_version_renew(**kwargs) -> None:
    """Forget every kept sidebar (a role, permission, user or page changed)."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def _key(user) -> str:
    permissions = ",".join(sorted(user.get_all_permissions()))
    who = f"{user.pk}:{user.get_username()}:{user.is_superuser}:{get_language()}:{permissions}"
    return f"adminkit-sidebar:{_version()}:{hashlib.sha256(who.encode()).hexdigest()}"


def sidebar_props(context):
    """Wagtail's ``sidebar_props``, kept per user (see the module's docstring)."""
    request = context["request"]
    user = getattr(request, "user", None)
    seconds = getattr(settings, "ADMINKIT_SIDEBAR_SECONDS", 300)
    if user is None or not user.is_authenticated or not seconds:
        return wagtail_tags.sidebar_props(context)
    key = _key(user)
    props = cache.get(key)
    if props is None:
        props = wagtail_tags.sidebar_props(context)
        cache.set(key, props, seconds)
    return props


def sidebar_install() -> None:
    """Put ``sidebar_props`` in Wagtail's tag library in place of Wagtail's, and renew the version
    on every change that can change a sidebar: users and their profiles, roles, permissions,
    pages, sites (called once, at start-up, when the models are loaded)."""
    wagtail_tags.register.simple_tag(sidebar_props, takes_context=True, name="sidebar_props")
    from django.contrib.auth import get_user_model
    from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page, Site
    from wagtail.users.models import UserProfile

    user_model = get_user_model()
    watched = (user_model, UserProfile, Group, Permission, Page, Site)
    watched += (GroupPagePermission, GroupCollectionPermission)

    def renew_on_change(sender, instance, **kwargs):
        if isinstance(instance, watched):
            sidebar_version_renew()

    post_save.connect(renew_on_change, weak=False, dispatch_uid="adminkit-sidebar-save")
    post_delete.connect(renew_on_change, weak=False, dispatch_uid="adminkit-sidebar-delete")
    for through in (
        user_model.groups.through,
        user_model.user_permissions.through,
        Group.permissions.through,
    ):
        m2m_changed.connect(
            sidebar_version_renew, sender=through, dispatch_uid=f"adminkit-sidebar-{through}"
        )

"""Dutch names for the permissions that Django and Wagtail create in English.

Django names its default permissions "Can add dossier", Wagtail adds "Can publish …", "Can lock
…" and "Can unlock …" for snippets, and both store the name in the database, where no
translation catalogue reaches it. Functioneel beheer reads these names on the group pages
(beside the checkboxes, and as the checkboxes' labels for screen readers), so after every
``migrate`` the English names are replaced by Dutch ones built from the model's own (Dutch)
verbose name. Permissions the project defines itself already have Dutch names and are left alone.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db.models import Q
from django.db.models.signals import post_migrate
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# codename prefix -> the verb
_VERBS = {
    "add": gettext_lazy("toevoegen"),
    "change": gettext_lazy("wijzigen"),
    "delete": gettext_lazy("verwijderen"),
    "view": gettext_lazy("bekijken"),
    "publish": gettext_lazy("publiceren"),
    "lock": gettext_lazy("vergrendelen"),
    "unlock": gettext_lazy("ontgrendelen"),
    "choose": gettext_lazy("kiezen"),
}

# whole codenames with a name of their own (Wagtail's admin access and its page permissions)
_NAMES = {
    "access_admin": gettext_lazy("Toegang tot het volgsysteem"),
    "bulk_delete_page": gettext_lazy("Kan een pagina met onderliggende pagina's verwijderen"),
    "lock_page": gettext_lazy("Kan pagina's vergrendelen en de eigen vergrendeling opheffen"),
    "publish_page": gettext_lazy("Kan elke pagina publiceren"),
    "unlock_page": gettext_lazy("Kan elke vergrendeling van een pagina opheffen"),
}


def dutch_name(codename: str, verbose_name: str) -> str | None:
    """The Dutch name for one of the generated permissions, or None for any other codename."""
    if codename in _NAMES:
        return str(_NAMES[codename])
    action = codename.split("_", 1)[0]
    verb = _VERBS.get(action)
    if verb is None:
        return None
    return _("Kan %(object)s %(verb)s") % {"object": verbose_name, "verb": verb}


def rename_permissions(using: str = "default") -> int:
    """Give every generated permission whose stored name is still English its Dutch name."""
    from django.contrib.auth.models import Permission

    changed = []
    with translation.override("nl"):
        english = Permission.objects.using(using).filter(
            Q(name__startswith="Can ") | Q(codename__in=list(_NAMES))
        )
        for permission in english.select_related("content_type"):
            try:
                model = global_apps.get_model(
                    permission.content_type.app_label, permission.content_type.model
                )
            except LookupError:  # a content type whose model is gone
                continue
            name = dutch_name(permission.codename, str(model._meta.verbose_name))
            if name and name != permission.name:
                permission.name = name[: Permission._meta.get_field("name").max_length]
                changed.append(permission)
        Permission.objects.using(using).bulk_update(changed, ["name"])
    return len(changed)


def _after_migrate(sender, app_config=None, using="default", apps=global_apps, **kwargs):
    # This receiver is connected before django.contrib.auth's, so for the app being migrated
    # the permissions are created here first (create_permissions only adds what is missing);
    # Wagtail's extra permissions of earlier apps are renamed on the next app's signal.
    if app_config is not None:
        create_permissions(app_config, verbosity=0, using=using, apps=apps)
    rename_permissions(using)


def connect() -> None:
    post_migrate.connect(_after_migrate, dispatch_uid="dossiers.permission_names")

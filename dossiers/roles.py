"""Roles are Django groups with permissions; data migrations create and extend them.

``grant`` is called from migrations with the historical app registry, so it must only use
``apps.get_model``. Group names are Dutch (they are shown in the admin); code never checks them.
"""

from django.contrib.auth.management import create_permissions

INTAKE = "Meld- en Adviespunt (MAP)"
POLICE_INTAKE = "Politie (intake)"
PRE_ASSESSMENT = "Voorportaal"
STEERING_MEMBER = "Regieoverleg (lid)"
SECRETARY = "Secretaris"
CASE_DIRECTOR = "Regisseur"
ADVISORY_MEMBER = "ITAT-R-lid"
PROGRAMME_TEAM = "Programmateam"
ADMINISTRATOR = "Functioneel beheer"
PRIVACY_OFFICER = "Privacyfunctionaris"
# Resolves names in the access log for an incident investigation; held by no one by default.
PRIVACY_SUPERVISION = "Toezicht privacy"

ALL_ROLES = (
    INTAKE,
    POLICE_INTAKE,
    PRE_ASSESSMENT,
    STEERING_MEMBER,
    SECRETARY,
    CASE_DIRECTOR,
    ADVISORY_MEMBER,
    PROGRAMME_TEAM,
    ADMINISTRATOR,
    PRIVACY_OFFICER,
    PRIVACY_SUPERVISION,
)


def ensure_permissions(apps) -> None:
    """Create the permissions of every migrated app now (Django does it only after migrate)."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def grant(apps, table: dict[str, list[str]]) -> None:
    """Create the groups in ``table`` if needed and give each the listed "app.codename" perms."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ensure_permissions(apps)
    for group_name, perms in table.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for perm in perms:
            app_label, codename = perm.split(".", 1)
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def revoke(apps, table: dict[str, list[str]]) -> None:
    """Undo ``grant`` for the listed permissions (reverse migrations)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, perms in table.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for perm in perms:
            app_label, codename = perm.split(".", 1)
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            )

"""Give the roles their rights on the catalogue and on training.

The programme team edits (and publishes) all catalogue content and training events; case
directors and advisory members may view and choose catalogue items and register for training;
the pre-assessment desk may view what it picks from in an assessment. Wagtail creates the
publish/lock/unlock permissions only after migrate, so they are made here first.
"""

from django.db import migrations

from dossiers import roles

EDITED = ["intervention", "riskgroup", "problemarea", "otherapproach", "organisation"]


def _edit(model):
    return [
        f"catalogue.{action}_{model}"
        for action in ("add", "change", "view", "publish", "lock", "unlock")
    ]


PROGRAMME_TEAM = [
    perm for model in [*EDITED, "trainingevent"] for perm in _edit(model)
] + [
    "catalogue.delete_trainingevent",
    "catalogue.view_trainingregistration",
    "catalogue.record_training_attendance",
]
CHOOSE = [
    "catalogue.view_intervention",
    "catalogue.view_riskgroup",
    "catalogue.view_problemarea",
    "catalogue.view_organisation",
    "catalogue.view_trainingevent",
    "catalogue.register_for_training",
]

TABLE = {
    roles.PROGRAMME_TEAM: PROGRAMME_TEAM,
    roles.CASE_DIRECTOR: CHOOSE,
    roles.ADVISORY_MEMBER: CHOOSE,
    roles.PRE_ASSESSMENT: [
        "catalogue.view_riskgroup",
        "catalogue.view_problemarea",
        "catalogue.view_otherapproach",
        "catalogue.view_organisation",
    ],
    # Functioneel beheer already edits organisations (dossiers 0002); with drafts it must
    # also be able to publish them.
    roles.ADMINISTRATOR: ["catalogue.publish_organisation"],
}


def _ensure_wagtail_permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for model in [*EDITED, "trainingevent"]:
        content_type, _ = ContentType.objects.get_or_create(app_label="catalogue", model=model)
        for action in ("publish", "lock", "unlock"):
            Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )


def forwards(apps, schema_editor):
    roles.ensure_permissions(apps)
    _ensure_wagtail_permissions(apps)
    roles.grant(apps, TABLE)


def backwards(apps, schema_editor):
    roles.revoke(apps, TABLE)


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0004_seed_catalogue"),
        ("dossiers", "0002_roles"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]

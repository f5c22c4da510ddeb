"""Create the roles (groups) and give each its permissions. Later migrations extend them."""

from django.db import migrations

from dossiers import roles

ADMIN = "wagtailadmin.access_admin"

TABLE = {
    roles.INTAKE: [
        ADMIN,
        "dossiers.view_dossier",
        "dossiers.register_signal",
        "dossiers.triage_signal",
        "dossiers.archive_dossier",
    ],
    roles.POLICE_INTAKE: [
        ADMIN,
        "dossiers.view_dossier",
        "dossiers.register_signal",
        "dossiers.triage_signal",
    ],
    roles.PRE_ASSESSMENT: [ADMIN, "dossiers.view_dossier", "dossiers.assess_signal"],
    roles.STEERING_MEMBER: [
        ADMIN,
        "dossiers.view_dossier",
        "dossiers.view_meeting_dossiers",
        "dossiers.decide_steering",
    ],
    roles.SECRETARY: [
        ADMIN,
        "dossiers.view_dossier",
        "dossiers.view_meeting_dossiers",
        "dossiers.decide_steering",
        "dossiers.record_advisory_advice",
        "dossiers.accord_plan",
        "dossiers.archive_dossier",
    ],
    roles.CASE_DIRECTOR: [ADMIN, "dossiers.view_dossier", "dossiers.direct_dossier"],
    roles.ADVISORY_MEMBER: [
        ADMIN,
        "dossiers.view_dossier",
        "dossiers.advise_organisation_dossiers",
    ],
    roles.PROGRAMME_TEAM: [ADMIN],
    roles.ADMINISTRATOR: [
        ADMIN,
        "dossiers.add_user",
        "dossiers.change_user",
        "dossiers.delete_user",
        "dossiers.view_user",
        "auth.add_group",
        "auth.change_group",
        "auth.delete_group",
        "auth.view_group",
        "catalogue.add_organisation",
        "catalogue.change_organisation",
        "catalogue.view_organisation",
        "dossiers.view_accesslogentry",
    ],
}


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    # Wagtail's example groups are not roles of this programme.
    Group.objects.filter(name__in=["Moderators", "Editors"]).delete()
    roles.grant(apps, TABLE)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=TABLE).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0001_initial"),
        ("catalogue", "0002_seed_organisations"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]

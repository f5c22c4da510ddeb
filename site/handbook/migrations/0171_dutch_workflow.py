"""Wagtail's default workflow in Dutch, approved by the programme team.

Wagtail creates a workflow "Moderators approval" on the root page with one task for the
"Moderators" group, which this project removes (dossiers 0002). Left alone, the programme team
saw an English name, and a handbook page sent for approval waited for a group that no longer
exists. The workflow and its task get Dutch names, and the task goes to the programme team, so
that a second member approves what the first submits.
"""

from django.db import migrations

OLD_NAME = "Moderators approval"
WORKFLOW_NAME = "Goedkeuring handreiking"
TASK_NAME = "Goedkeuring door het programmateam"
PROGRAMME_TEAM = "Programmateam"


def forwards(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Group = apps.get_model("auth", "Group")
    Workflow.objects.filter(name=OLD_NAME).update(name=WORKFLOW_NAME)
    team = Group.objects.filter(name=PROGRAMME_TEAM).first()
    for task in GroupApprovalTask.objects.filter(name=OLD_NAME):
        task.name = TASK_NAME
        task.save(update_fields=["name"])
        if team is not None:
            task.groups.add(team)


def backwards(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow.objects.filter(name=WORKFLOW_NAME).update(name=OLD_NAME)
    GroupApprovalTask.objects.filter(name=TASK_NAME).update(name=OLD_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("handbook", "0170_accessibility_statement"),
        ("dossiers", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]

"""Who may see and write the plan, the logbook, contacts, UVOs, evaluations and proposals.

Writes are for the case director of the dossier: adding goes through the dossier's own
pages and services, which check ``direct_dossier`` and that it is their own, open dossier;
editing an item or a contact also needs the change permission. The advisory member reads
along; the Regieoverleg and its secretary see what they decide on: the plan, its versions,
evaluations and closure proposals.
"""

from django.db import migrations

from dossiers import roles


def _perms(actions, models):
    return [f"dossiers.{action}_{model}" for model in models for action in actions]


DECIDE_ON = ["actionplan", "planversion", "planitem", "evaluation", "closureproposal"]
EVERYTHING = [*DECIDE_ON, "journalentry", "contact", "casemeeting", "meetingagreement"]

TABLE = {
    roles.CASE_DIRECTOR: [
        *_perms(["view"], EVERYTHING),
        *_perms(["change"], ["planitem", "contact"]),
    ],
    roles.ADVISORY_MEMBER: _perms(["view"], EVERYTHING),
    roles.SECRETARY: _perms(["view"], DECIDE_ON),
    roles.STEERING_MEMBER: _perms(["view"], DECIDE_ON),
}


def forwards(apps, schema_editor):
    roles.grant(apps, TABLE)


def backwards(apps, schema_editor):
    roles.revoke(apps, TABLE)


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0009_action_plan_execution")]
    operations = [migrations.RunPython(forwards, backwards)]

"""Put the process diagram (drawn from the transition table) on the work-process appendix."""

import uuid

from django.db import migrations


def add_diagram(apps, schema_editor):
    GuidancePage = apps.get_model("handbook", "GuidancePage")
    for page in GuidancePage.objects.filter(slug="werkproces"):
        raw = list(page.body.raw_data)
        if any(block["type"] == "process_diagram" for block in raw):
            continue
        raw.append({"type": "process_diagram", "value": None, "id": str(uuid.uuid4())})
        page.body = raw
        page.placeholder = False
        page.save(update_fields=["body", "placeholder"])


class Migration(migrations.Migration):
    dependencies = [("handbook", "0003_process_diagram_block")]
    operations = [migrations.RunPython(add_diagram, migrations.RunPython.noop)]

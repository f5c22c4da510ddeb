from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Monitor",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
            ],
            options={
                "verbose_name": "monitor",
                "permissions": [("view_monitor", "De monitor (geaggregeerde cijfers) inzien")],
                "managed": False,
                "default_permissions": (),
            },
        ),
    ]

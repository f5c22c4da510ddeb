# The background export of a large admin listing (issue 16).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('monitor', '0110_export_expiry_schedule'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ListingExportJob',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('requested_at', models.DateTimeField(auto_now_add=True, verbose_name='aangevraagd op')),
                ('status', models.CharField(choices=[('running', 'Bezig'), ('done', 'Klaar'), ('failed', 'Mislukt')], default='running', max_length=20, verbose_name='status')),
                ('total', models.PositiveIntegerField(default=0, verbose_name='aantal rijen')),
                ('processed', models.PositiveIntegerField(default=0, verbose_name='verwerkt')),
                ('message', models.TextField(blank=True, verbose_name='melding')),
                ('title', models.CharField(max_length=200, verbose_name='lijst')),
                ('path', models.CharField(max_length=500, verbose_name='adres van de lijst')),
                ('query', models.TextField(blank=True, verbose_name='filters')),
                ('format', models.CharField(choices=[('xlsx', 'Excel'), ('csv', 'CSV voor Nederlandse Excel'), ('csv-comma', "CSV met komma's")], default='xlsx', max_length=10, verbose_name='formaat')),
                ('filename', models.CharField(max_length=200, verbose_name='bestandsnaam')),
                ('file', models.FileField(blank=True, upload_to='exports/listing/', verbose_name='bestand')),
                ('requested_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='aangevraagd door')),
            ],
            options={
                'verbose_name': 'export van een lijst',
                'verbose_name_plural': 'exports van lijsten',
                'ordering': ['-requested_at', '-pk'],
                'abstract': False,
                'default_permissions': (),
            },
        ),
    ]

"""The project's URLs plus a stock Django admin changelist of dossiers (the P2 yardstick).

The changelist does the listing's job: the same eight columns, the same filters (as Django's
``list_filter``; the two computed ones, "mine" and "next deadline", as the stored field) and
the same page size; otherwise Django's defaults.
"""

from django.contrib import admin
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns
from dossiers.models import Dossier
from dossiers.selectors.queues import next_step_label

site = admin.AdminSite(name="benchadmin")


@admin.register(Dossier, site=site)
class DossierAdmin(admin.ModelAdmin):
    list_display = [
        "reference",
        "subject",
        "state",
        "case_director",
        "case_director_organisation",
        "next_due_on",
        "next_step",
        "state_changed_at",
    ]
    list_filter = [
        "next_due_on",
        "state",
        "urgent",
        "case_director_organisation",
        "created_at",
    ]
    list_select_related = ["subject", "case_director", "case_director_organisation"]
    list_per_page = 20

    @admin.display(description="Volgende stap")
    def next_step(self, dossier):
        return next_step_label(dossier.state)


urlpatterns = [path("bench-admin/", site.urls), *project_urlpatterns]

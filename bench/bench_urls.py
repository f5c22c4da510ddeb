"""The project's URLs plus a stock Django admin changelist of dossiers (the P2 yardstick)."""

from django.contrib import admin
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns
from dossiers.models import Dossier

site = admin.AdminSite(name="benchadmin")


@admin.register(Dossier, site=site)
class DossierAdmin(admin.ModelAdmin):
    list_display = [
        "reference",
        "subject",
        "state",
        "case_director",
        "case_director_organisation",
        "created_at",
    ]
    list_select_related = ["subject", "case_director", "case_director_organisation"]
    list_per_page = 20
    show_full_result_count = False


urlpatterns = [path("bench-admin/", site.urls), *project_urlpatterns]

"""Functioneel beheer reads permissions and the approval workflow in Dutch.

Django and Wagtail store the names of the permissions they generate ("Can add dossier", "Can
publish interventie") and of Wagtail's default workflow ("Moderators approval") in the
database, out of reach of the translation catalogue. After ``migrate`` (which built this test
database) they are Dutch; the expected names below are written by hand.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Workflow

from dossiers import roles

pytestmark = pytest.mark.django_db

EXPECTED = {
    ("dossiers", "add_dossier"): "Kan dossier toevoegen",
    ("dossiers", "view_journalentry"): "Kan logboekregel bekijken",
    ("catalogue", "publish_intervention"): "Kan interventie publiceren",
    ("catalogue", "lock_intervention"): "Kan interventie vergrendelen",
    ("catalogue", "unlock_intervention"): "Kan interventie ontgrendelen",
    ("structuredforms", "publish_formdefinition"): "Kan formulierdefinitie publiceren",
    ("wagtaildocs", "choose_document"): "Kan document kiezen",
    ("wagtailadmin", "access_admin"): "Toegang tot het volgsysteem",
    ("wagtailcore", "publish_page"): "Kan elke pagina publiceren",
    ("wagtailcore", "bulk_delete_page"): "Kan een pagina met onderliggende pagina's verwijderen",
    # the project's own permissions keep the names they were given
    ("dossiers", "decide_steering"): "Besluiten van het Regieoverleg vastleggen",
}


def _name(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename).name


@pytest.mark.parametrize(("app_label", "codename"), EXPECTED)
def test_generated_permissions_are_named_in_dutch(app_label, codename):
    assert _name(app_label, codename) == EXPECTED[app_label, codename]


def test_no_english_permission_name_is_left_for_an_existing_model():
    english = Permission.objects.filter(name__startswith="Can ").select_related("content_type")
    assert [p.name for p in english if p.content_type.model_class() is not None] == []


def test_a_permission_made_english_again_is_renamed_by_the_next_migrate():
    Permission.objects.filter(codename="add_dossier").update(name="Can add dossier")
    call_command("migrate", verbosity=0)
    assert _name("dossiers", "add_dossier") == "Kan dossier toevoegen"


def test_the_group_page_shows_dutch_permission_names(client, users):
    client.force_login(users["beheer"])
    team = Group.objects.get(name=roles.PROGRAMME_TEAM)
    page = client.get(reverse("wagtailusers_groups:edit", args=[team.pk])).content.decode()
    assert "Kan interventie publiceren" in page
    assert "Kan dossier toevoegen" in page  # the checkbox's label for screen readers
    assert "Toegang tot het volgsysteem" in page
    assert "Can publish" not in page and "Can add" not in page and "Wagtail admin" not in page
    assert "Publish any page" not in page and "Wagtail core" not in page
    assert "Alles aan- of uitvinken" in page and "Toon/verberg alle" not in page


def test_the_default_workflow_is_dutch_and_approved_by_the_programme_team():
    workflow = Workflow.objects.get()
    assert workflow.name == "Goedkeuring handreiking"
    task = GroupApprovalTask.objects.get()
    assert task.name == "Goedkeuring door het programmateam"
    assert list(task.groups.values_list("name", flat=True)) == [roles.PROGRAMME_TEAM]

"""Published versions are frozen; responses pin theirs and stay readable after changes."""

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string

from forms.models import FieldType, FormDefinition, FormResponse, FormVersion
from forms.permissions import NoChangePermissionPolicy
from forms.seed import SLUGS
from forms.selectors import form_responses_for, form_version_current
from forms.services import form_response_submit
from tests.factories.forms import FormDefinitionFactory, add_field, publish

pytestmark = pytest.mark.django_db


def test_the_seeded_forms_are_published_with_their_bound_fields():
    # version 1 from the seed; the bound fields came in version 2 (structuredforms 0101/0102)
    expected = {"beoordelingskader": 2, "evaluatie": 2, "uvo-verslag": 2}
    for slug in SLUGS:
        version = form_version_current(slug=slug)
        assert version.number == expected[slug], slug
        assert version.definition.versions.filter(number=1).exists()
        assert any(f.get("binding") for f in version.fields), slug
        assert version.definition.live
    assert set(SLUGS) == set(expected)
    assert form_version_current(slug="afbouw-afsluitvoorstel").number == 1


def test_unknown_or_unpublished_form_has_no_current_version():
    draft = FormDefinitionFactory(live=False)
    with pytest.raises(FormVersion.DoesNotExist):
        form_version_current(slug=draft.slug)
    with pytest.raises(FormVersion.DoesNotExist):
        form_version_current(slug="bestaat-niet")


def test_republishing_the_seed_unchanged_makes_no_new_version():
    definition = FormDefinition.objects.get(slug="vrij-evaluatie")
    assert publish(definition).number == 1
    assert definition.versions.count() == 1


def test_saving_a_draft_freezes_nothing(users):
    definition = FormDefinition.objects.get(slug="vrij-evaluatie")
    add_field(definition, field_type=FieldType.SHORT_TEXT, label="Nieuwe vraag")
    definition.save_revision(user=users["programmateam"])
    assert definition.versions.count() == 1
    assert "nieuwe_vraag" not in {
        f["key"] for f in form_version_current(slug="vrij-evaluatie").fields
    }


def test_adding_a_field_and_publishing_keeps_old_responses_readable(users):
    author = users["programmateam"]
    old_version = form_version_current(slug="vrij-evaluatie")
    old = form_response_submit(version=old_version, data=_evaluation_answers(), by=author)

    definition = FormDefinition.objects.get(slug="vrij-evaluatie")
    add_field(definition, field_type=FieldType.YES_NO, label="Is de familie betrokken?")
    new_version = publish(definition, user=author)

    assert new_version.number == 2
    assert old_version.fields == FormVersion.objects.get(pk=old_version.pk).fields
    new = form_response_submit(
        version=new_version,
        data={**_evaluation_answers(), "is_de_familie_betrokken": "ja"},
        by=author,
    )
    assert new.answers["is_de_familie_betrokken"] is True

    old.refresh_from_db()
    assert old.version_id == old_version.pk
    shown = render_to_string("structuredforms/includes/response_answers.html", {"response": old})
    assert "Voortgang van het plan van aanpak" in shown
    assert "Goed op weg" in shown
    assert "Versie 1" in shown
    assert "Is de familie betrokken?" not in shown
    shown_new = render_to_string(
        "structuredforms/includes/response_answers.html", {"response": new}
    )
    assert "Is de familie betrokken?" in shown_new
    assert "Versie 2" in shown_new


def test_removing_a_field_keeps_it_in_old_responses(users):
    definition = FormDefinition.objects.get(slug="vrij-evaluatie")
    old = form_response_submit(
        version=form_version_current(slug="vrij-evaluatie"),
        data=_evaluation_answers(),
        by=users["regisseur"],
    )
    definition.form_fields.get(key="overwegingen").delete()
    definition.refresh_from_db()
    assert publish(definition).number == 2
    shown = render_to_string("structuredforms/includes/response_answers.html", {"response": old})
    assert "Overwegingen" in shown
    assert "Goed op weg" in shown


def test_a_version_cannot_be_changed_or_deleted():
    version = form_version_current(slug="vrij-uvo")
    version.schema = {"title": "vervalst", "fields": []}
    with pytest.raises(ValidationError):
        version.save()
    with pytest.raises(ValidationError):
        version.delete()
    with pytest.raises(ValidationError):
        FormVersion.objects.filter(pk=version.pk).update(number=9)
    with pytest.raises(ValidationError):
        FormVersion.objects.filter(pk=version.pk).delete()
    assert FormVersion.objects.get(pk=version.pk).title == "Verslag uitvoerdersoverleg (UVO)"


def test_definitions_are_never_deleted_and_responses_never_changed(users, django_user_model):
    root = django_user_model.objects.create_superuser("root", "root@test.invalid", "x")
    from wagtail.permissions import policy_registry

    definitions = policy_registry.get_by_type(FormDefinition)
    responses = policy_registry.get_by_type(FormResponse)
    assert isinstance(definitions, NoChangePermissionPolicy)
    assert not definitions.user_has_permission(root, "delete")
    assert definitions.user_has_permission(users["programmateam"], "publish")
    assert not definitions.user_has_permission(users["regisseur"], "change")
    assert not responses.user_has_permission(root, "change")
    assert not responses.user_has_permission(root, "delete")


def test_responses_are_scoped_through_their_dossier(walk, users, other_director):
    from dossiers.workflow.states import DossierState

    version = form_version_current(slug="vrij-evaluatie")
    own_dossier = walk(DossierState.IN_EXECUTION)
    foreign_dossier = walk(DossierState.IN_EXECUTION, case_director=other_director)
    director = users["regisseur"]
    loose = form_response_submit(version=version, data=_evaluation_answers(), by=director)
    in_own = form_response_submit(
        version=version, data=_evaluation_answers(), by=director, dossier=own_dossier
    )
    in_foreign = form_response_submit(
        version=version, data=_evaluation_answers(), by=other_director, dossier=foreign_dossier
    )
    others_loose = form_response_submit(
        version=version, data=_evaluation_answers(), by=other_director
    )
    # (the walk also filled in each dossier's assessment form: look at evaluations only)
    visible = set(form_responses_for(user=director).filter(version=version))
    assert visible == {loose, in_own}
    assert in_foreign not in visible and others_loose not in visible
    # The advisory member of the director's organisation sees the dossier's response only.
    assert set(form_responses_for(user=users["itatr"]).filter(version=version)) == {in_own}


def test_submitting_into_an_invisible_dossier_is_refused(walk, users, other_director):
    from django.core.exceptions import PermissionDenied

    from dossiers.workflow.states import DossierState

    foreign_dossier = walk(DossierState.IN_EXECUTION, case_director=other_director)
    before = FormResponse.objects.count()
    with pytest.raises(PermissionDenied):
        form_response_submit(
            version=form_version_current(slug="vrij-evaluatie"),
            data=_evaluation_answers(),
            by=users["regisseur"],
            dossier=foreign_dossier,
        )
    assert FormResponse.objects.count() == before


def _evaluation_answers() -> dict:
    return {
        "datum_evaluatie": "2024-03-01",
        "voortgang_van_het_plan_van_aanpak": "3",
        "welke_doelen_zijn_bereikt": "Goed op weg",
        "ontwikkeling_van_de_risicos": "Afgenomen",
        "voorstel": "Plan voortzetten",
        "overwegingen": "Goed op weg met school.",
    }

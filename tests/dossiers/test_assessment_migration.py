"""The data migration that moves each assessment into the one form (dossiers 0100)."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from dossiers.models import Assessment, Dossier
from dossiers.services.assessment import ASSESSMENT_FORM_SLUG, assessment_missing
from dossiers.step_forms import bound_answers
from dossiers.workflow.states import DossierState as S
from forms.models import FormResponse, FormVersion
from forms.selectors import form_version_current
from forms.services import form_response_submit
from snippets.models import OtherApproach, RiskGroup

pytestmark = pytest.mark.django_db

migration = importlib.import_module("dossiers.migrations.0100_assessment_one_form")


def _old_shape(dossier, by, *, answers):
    """An assessment as the page stored it before: the fixed block and a version-1 response."""
    version_one = FormVersion.objects.get(definition__slug=ASSESSMENT_FORM_SLUG, number=1)
    old = form_response_submit(version=version_one, data=answers, by=by)
    FormResponse.objects.filter(pk=old.pk).update(dossier=dossier)
    old.refresh_from_db()
    assessment = Assessment.objects.create(
        dossier=dossier,
        risks="Mogelijke uitreis",
        other_approach_checked=True,
        advice="include",
        advice_text="Opnemen: zorgen nemen toe",
        form_response=old,
        updated_by=by,
    )
    assessment.risk_groups.set(RiskGroup.objects.filter(number=3))
    assessment.other_approaches.set(OtherApproach.objects.filter(name="Top600"))
    return assessment, old


def _v1_answers(**changes):
    answers = {
        "bron_van_het_signaal": "Politie",
        "beschrijving_van_het_signaal": "Fictieve melding over uitreisplannen.",
        "risicogroepen": ["Familie van uitreizigers en terugkeerders"],
        "risicos": "Uitreis",
        "ernst_van_de_zorg": "4",
        "is_de_persoon_bekend_in_een_andere_aanpak": "nee",
        "advies_aan_het_regieoverleg": "Niet opnemen",
        "onderbouwing_van_het_advies": "Eerder advies",
        "is_er_sprake_van_spoed": "nee",
    }
    answers.update(changes)
    return answers


def test_two_blocks_that_disagree_take_what_the_guard_used_and_keep_the_other(client, users, walk):
    dossier = walk(S.PRE_ASSESSMENT)
    assessment, old = _old_shape(dossier, users["voorportaal"], answers=_v1_answers())

    assert migration.migrate_assessments(apps) == 1

    assessment.refresh_from_db()
    new = assessment.form_response
    assert new.pk != old.pk and not new.is_draft
    assert new.version == form_version_current(slug=ASSESSMENT_FORM_SLUG)
    facts = bound_answers(new)
    # the guard read the fixed block: risk group 3, Top600 known, advice "include"
    assert facts["risk_groups"] == [str(RiskGroup.objects.get(number=3).pk)]
    assert facts["other_approach_known"] is True
    assert facts["other_approaches"] == [str(OtherApproach.objects.get(name="Top600").pk)]
    assert facts["advice"] == "include"
    assert facts["advice_reasoning"] == "Opnemen: zorgen nemen toe"
    assert facts["urgent"] is False
    # the free answers came along, nothing lost
    assert new.answers["bron_van_het_signaal"] == "Politie"
    assert new.answers["ernst_van_de_zorg"] == 4
    assert new.answers["risicos"] == "Uitreis"
    assert assessment_missing(dossier=dossier) == []
    # the old response is kept as it was, and shown as an earlier filling on the dossier page
    old.refresh_from_db()
    assert old.answers["advies_aan_het_regieoverleg"] == "Niet opnemen"
    client.force_login(users["voorportaal"])
    page = client.get(reverse("dossiers:inspect", args=[dossier.pk])).content.decode()
    assert "Eerdere invulling" in page
    assert "Familie van uitreizigers en terugkeerders" in page  # the other value, in history
    assert str(RiskGroup.objects.get(number=3)) in page
    # once moved, a second run changes nothing
    assert migration.migrate_assessments(apps) == 0


def test_only_the_fixed_block_becomes_a_concept(users, walk):
    dossier = walk(S.PRE_ASSESSMENT)
    assessment = Assessment.objects.create(dossier=dossier, advice="include")
    assessment.risk_groups.set(RiskGroup.objects.filter(number=1))
    migration.migrate_assessments(apps)
    draft = FormResponse.objects.get(dossier=dossier)
    assert draft.is_draft
    assert bound_answers(draft)["risk_groups"] == [str(RiskGroup.objects.get(number=1).pk)]
    assert bound_answers(draft)["advice"] == "include"


def test_demo_data_moves_with_nothing_lost(users):
    from dossiers.demo import demo_data_create

    demo_data_create(dossiers=12, seed=7)
    demo = list(Dossier.objects.order_by("pk")[:3])
    olds = [_old_shape(dossier, users["voorportaal"], answers=_v1_answers())[1] for dossier in demo]
    responses = FormResponse.objects.count()

    assert migration.migrate_assessments(apps) == len(demo)

    assert FormResponse.objects.count() == responses + len(demo)
    for dossier, old in zip(demo, olds, strict=True):
        assessment = Assessment.objects.get(dossier=dossier)
        new = assessment.form_response
        assert new.version == form_version_current(slug=ASSESSMENT_FORM_SLUG)
        assert FormResponse.objects.get(pk=old.pk).answers == old.answers
        for key in ("bron_van_het_signaal", "beschrijving_van_het_signaal", "risicos"):
            assert new.answers[key] == old.answers[key]

"""The data migrations seed a usable catalogue and give the roles their rights."""

import pytest
from django.contrib.auth.models import Group

from dossiers import roles
from snippets.models import (
    SOCIAL_DOMAINS,
    Intervention,
    InterventionDomain,
    OtherApproach,
    ProblemArea,
    RiskGroup,
    SpecialKind,
)

pytestmark = pytest.mark.django_db


def test_the_five_risk_groups_of_the_handbook_are_seeded():
    groups = list(RiskGroup.objects.order_by("number"))
    assert [g.number for g in groups] == [1, 2, 3, 4, 5]
    assert "terugkeerders" in groups[0].name
    assert "ronselaars" in groups[1].name
    assert "uitreizigers" in groups[2].name
    assert "broertjes en zusjes" in groups[4].name
    assert all(g.live for g in groups)


def test_problem_areas_and_other_approaches_are_seeded():
    assert ProblemArea.objects.filter(active=True, live=True).count() >= 10
    assert set(OtherApproach.objects.values_list("name", flat=True)) >= {
        "Top600",
        "Top1000",
        "Treiteraanpak",
    }


def test_a_starting_intervention_catalogue_across_the_domains_is_seeded():
    interventions = Intervention.objects.prefetch_related("organisations", "risk_groups")
    assert 15 <= interventions.count() <= 25
    domains = {i.domain for i in interventions}
    assert InterventionDomain.JUSTICE in domains
    assert InterventionDomain.CARE in domains
    assert len(domains & SOCIAL_DOMAINS) >= 4
    for intervention in interventions:
        assert intervention.live and intervention.active, intervention
        assert intervention.organisations.exists(), intervention
        assert intervention.risk_groups.exists(), intervention
    special = set(interventions.values_list("special_kind", flat=True))
    assert {SpecialKind.PASSPORT, SpecialKind.GGD_SCREENING, SpecialKind.SPECIALIST_POOL} <= special


@pytest.mark.parametrize(
    ("role", "granted", "withheld"),
    [
        (
            roles.PROGRAMME_TEAM,
            ["change_intervention", "publish_intervention", "add_riskgroup", "publish_problemarea"],
            [],
        ),
        (
            roles.CASE_DIRECTOR,
            ["view_intervention", "view_riskgroup", "view_problemarea", "register_for_training"],
            ["change_intervention", "add_intervention", "publish_intervention"],
        ),
        (
            roles.ADVISORY_MEMBER,
            ["view_intervention", "view_riskgroup", "view_problemarea"],
            ["change_intervention", "change_riskgroup"],
        ),
        (roles.INTAKE, [], ["view_intervention", "change_intervention"]),
    ],
)
def test_roles_get_their_catalogue_permissions(role, granted, withheld):
    codenames = set(
        Group.objects.get(name=role)
        .permissions.filter(content_type__app_label="catalogue")
        .values_list("codename", flat=True)
    )
    assert set(granted) <= codenames
    assert not set(withheld) & codenames

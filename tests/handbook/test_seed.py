"""The handbook is seeded as one login-only page per chapter; redacted ones are placeholders."""

import pytest
from wagtail.models import GroupPagePermission, PageViewRestriction, Site

from dossiers import roles
from handbook.models import GuidancePage, HomePage
from handbook.seed_content import CHAPTERS

pytestmark = pytest.mark.django_db

EXPECTED_CHAPTERS = ["", *[str(n) for n in range(1, 16)], "Bijlage 1"]
REDACTED = {"7", "8", "9"}


def test_the_handbook_root_replaces_the_welcome_page():
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not site.root_page.get_siblings(inclusive=False).filter(slug="home").exists()


def test_every_chapter_is_a_live_page_in_order():
    home = HomePage.objects.get()
    chapters = [p.specific for p in home.get_children().live()]
    # The accessibility statement closes the handbook (tests/site/test_accessibility.py).
    assert chapters.pop().slug == "toegankelijkheidsverklaring"
    assert [c.chapter for c in chapters] == EXPECTED_CHAPTERS
    assert len(CHAPTERS) == len(EXPECTED_CHAPTERS)
    assert all(isinstance(c, GuidancePage) for c in chapters)


def test_chapters_carry_the_handbook_text():
    ch10 = GuidancePage.objects.get(chapter="10")
    rendered = "".join(str(block.render()) for block in ch10.body)
    assert "Vijf weken nadat het basisdossier aan jouw organisatie is toegewezen" in rendered
    assert "om de 3 weken op de donderdag" in rendered
    intro = GuidancePage.objects.get(slug="inleiding")
    assert "ronselaars" in "".join(str(b.render()) for b in intro.body)


def test_redacted_chapters_are_placeholders_for_the_programme_team():
    for page in GuidancePage.objects.all():
        assert page.placeholder == (page.chapter in REDACTED), page.chapter
        todo = [b for b in page.body if b.block_type == "callout" and b.value["kind"] == "todo"]
        if page.chapter in REDACTED:
            assert todo, page.chapter
            assert "programmateam" in str(todo[0].render())
    # Nothing of the redaction markers leaks into the text.
    for page in GuidancePage.objects.all():
        assert "5.1.2" not in str(page.body.raw_data)


def test_special_interventions_chapter_links_the_catalogue():
    page = GuidancePage.objects.get(chapter="9")
    linked = [
        intervention.name
        for block in page.body
        if block.block_type == "catalogue_links"
        for intervention in block.value["interventions"]
    ]
    assert linked == ["Paspoortmaatregel", "GGD-screening", "Inzet pool specialisten"]


def test_handbook_is_login_only_and_editable_by_the_programme_team():
    home = HomePage.objects.get()
    assert PageViewRestriction.objects.filter(
        page=home, restriction_type=PageViewRestriction.LOGIN
    ).exists()
    codenames = set(
        GroupPagePermission.objects.filter(page=home, group__name=roles.PROGRAMME_TEAM).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_page", "change_page", "publish_page"} <= codenames


def test_work_process_appendix_shows_the_diagram_drawn_from_the_transition_table():
    page = GuidancePage.objects.get(chapter="Bijlage 1")
    html = "".join(str(block.render()) for block in page.body)
    assert 'data-state="registered"' in html
    assert 'data-state="archived"' in html

"""Issue 17: the dossier listing reads a page's keys first, then those rows. Every page holds
the same rows in the same order as Wagtail's own paginator, within the user's scope."""

import pytest
from wagtail.admin.paginator import WagtailPaginator

from adminkit.paginator import KeysFirstPaginator
from dossiers.access import dossiers_for
from dossiers.models import Dossier
from dossiers.workflow.states import DossierState as S
from tests.factories.dossiers import DossierFactory

pytestmark = pytest.mark.django_db


def _pages(paginator_class, queryset, per_page: int, orphans: int = 0) -> list[list[int]]:
    paginator = paginator_class(queryset, per_page, orphans=orphans)
    return [[d.pk for d in paginator.page(n).object_list] for n in paginator.page_range]


@pytest.mark.parametrize("orphans, sizes", [(0, [2, 2, 1]), (1, [2, 3])])
def test_every_page_equals_wagtails_own(users, orphans, sizes):
    for index in range(10):  # every other one outside the steering member's scope
        DossierFactory(state=S.IN_EXECUTION if index % 2 else S.REGISTERED)
    queryset = dossiers_for(users["regieoverleg"]).order_by("-created_at", "-pk")
    pages = _pages(KeysFirstPaginator, queryset, 2, orphans)
    assert pages == _pages(WagtailPaginator, queryset, 2, orphans)
    expected = list(
        Dossier.objects.filter(state=S.IN_EXECUTION)
        .order_by("-created_at", "-pk")
        .values_list("pk", flat=True)
    )
    assert [pk for page in pages for pk in page] == expected
    assert [len(page) for page in pages] == sizes  # an orphan joins the page before


def test_a_list_is_paged_as_wagtail_pages_it():
    assert KeysFirstPaginator(list(range(5)), 2).page(3).object_list == [4]

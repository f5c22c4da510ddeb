"""Demo data at scale: about N logbook lines for each active dossier, none for the others."""

import pytest
from django.db.models import Count

from dossiers.demo import demo_data_create
from dossiers.models import ActionPlan, Dossier, JournalEntry
from dossiers.workflow.states import ACTIVE_STATES

pytestmark = pytest.mark.django_db


def test_demo_journal_fills_active_dossiers_only():
    result = demo_data_create(dossiers=30, seed=11, journal=20)
    lines = dict(
        JournalEntry.objects.values("dossier").annotate(n=Count("pk")).values_list("dossier", "n")
    )
    active = set(
        Dossier.objects.filter(state__in=ACTIVE_STATES, case_director__isnull=False).values_list(
            "pk", flat=True
        )
    )
    assert len(active) >= 5
    assert all(12 <= lines[pk] <= 29 for pk in active)  # 60-140% of 20, plus the plan's first
    assert all(n == 1 for pk, n in lines.items() if pk not in active)  # the plan's first line
    assert result["journal"] == JournalEntry.objects.count() - ActionPlan.objects.count()

import pytest

from reports.suppression import suppress


@pytest.mark.parametrize(
    ("count", "shown"), [(0, 0), (1, "<5"), (2, "<5"), (4, "<5"), (5, 5), (6, 6), (120, 120)]
)
def test_counts_below_five_are_suppressed(count, shown):
    assert suppress(count) == shown

"""Small-count suppression: the one place that decides how a count may be shown."""

SUPPRESSION_THRESHOLD = 5
SUPPRESSED = "<5"


def suppress(count: int) -> int | str:
    """Return ``count``, or "<5" for 1-4, so no person can be singled out (docs/spec/domain.md)."""
    if 0 < count < SUPPRESSION_THRESHOLD:
        return SUPPRESSED
    return count

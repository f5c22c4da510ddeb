"""Fixtures of the permission matrix: ``matrix`` (baseline data per module) and update mode."""

import pytest

from tests.harness.fixtures import requester  # noqa: F401 (a fixture)
from tests.permission_matrix import expectations

OBSERVED_KEY = pytest.StashKey[dict]()


@pytest.fixture(scope="module")
def matrix(requester):  # noqa: F811
    return requester


@pytest.fixture
def update_matrix(request):
    """The collected observations when run with ``--update-permission-matrix``, else None."""
    if not request.config.getoption("update_permission_matrix"):
        return None
    if hasattr(request.config, "workerinput"):
        raise pytest.UsageError(f"Regenerate without xdist: {expectations.REGENERATE}")
    return request.config.stash.setdefault(OBSERVED_KEY, {})


def pytest_sessionfinish(session):
    observed = session.config.stash.get(OBSERVED_KEY, None)
    if not observed:
        return
    from tests.harness.urls import all_cases

    complete = {case for case, _ in observed} == set(all_cases())
    for path in expectations.write(observed, complete=complete):
        session.config.get_terminal_writer().line(f"permission matrix written: {path}")

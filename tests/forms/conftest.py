import pytest

from tests.factories.forms import free_forms


@pytest.fixture(autouse=True)
def _free_forms(db):
    """The form engine is tested on free forms (no bound fields)."""
    free_forms()

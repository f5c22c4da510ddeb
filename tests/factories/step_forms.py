"""Form data for a step form (UVO, evaluation, proposal), as the browser sends it."""

from forms.services import as_form_data
from tests.factories.assessment import valid_answers


def step_post(slug: str, *, action: str = "submit", **facts) -> dict:
    """Every required question answered, the bound ones from ``facts`` (by binding name);
    rows (agreements, plan item results) as lists of dicts. For ``client.post``."""
    query = as_form_data(valid_answers(slug, overrides=facts))
    data = {key: query.getlist(key) for key in query}
    data["action"] = action
    return data

"""Dependencies point down (issue 19): models import no services, selectors or access rules;
the shared admin kit imports no app; the workflow's service-calling guards and effects are
registered when the app is ready, and the history manager is scoped by the access rules.

Read from the source with ``ast`` (every import, also those inside functions), not by
importing, so a lazily imported service is caught too.
"""

import ast
from pathlib import Path

from dossiers import access
from dossiers.models.log_entry import DossierLogEntryManager
from dossiers.workflow import effects, guards, wiring
from dossiers.workflow.states import DossierState as S

ROOT = Path(__file__).resolve().parents[2]


def _imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
    return found


def _offending(directory: Path, forbidden: tuple[str, ...], allowed=()) -> dict[str, list[str]]:
    offending = {}
    for path in sorted(directory.rglob("*.py")):
        bad = sorted(
            name
            for name in _imported_modules(path)
            if name.startswith(forbidden) and not name.startswith(allowed)
        )
        if bad:
            offending[
                path.name if not path.is_relative_to(ROOT) else str(path.relative_to(ROOT))
            ] = bad
    return offending


def test_models_import_no_services_selectors_or_access_rules():
    forbidden = (
        "dossiers.services",
        "dossiers.selectors",
        "dossiers.access",
        "dossiers.obligations",
        "dossiers.workflow.guards",
        "dossiers.workflow.effects",
        "dossiers.workflow.services",
        "dossiers.letters",
        "dossiers.execution",
        "dossiers.meetings",
    )
    assert _offending(ROOT / "dossiers" / "models", forbidden) == {}


def test_the_admin_kit_imports_no_app():
    """Apart from the listing export (``reports.listing_export``, a leaf on Django and the safe
    writer), which the lead moves into the kit once its rework has landed."""
    forbidden = ("dossiers", "forms", "reports", "snippets", "handbook")
    allowed = ("reports.listing_export",)
    assert _offending(ROOT / "site" / "adminkit", forbidden, allowed) == {}


def test_the_checks_are_not_vacuous(tmp_path):
    (tmp_path / "m.py").write_text("def f():\n    from dossiers.services import x\n")
    assert _offending(tmp_path, ("dossiers.services",)) != {}


def test_service_guards_and_effects_are_registered_after_the_steps_own():
    assert guards.GUARDS[(S.PRE_ASSESSMENT, S.AWAITING_DECISION)] == [
        guards.needs_subject,
        wiring.needs_complete_assessment,
    ]
    assert guards.GUARDS[(S.AWAITING_DECISION, S.INCLUDED)] == [
        guards.needs_subject,
        guards.needs_case_director,
        wiring.needs_other_approach_confirmation,
    ]
    included = effects.EFFECTS[(S.AWAITING_DECISION, S.INCLUDED)]
    assert [e.__name__ for e in included] == ["_appoint_case_director", "propose_letters"]
    assert len(effects.EFFECTS[(S.PLAN_DEFINITIVE, S.PLAN_ADOPTED)]) == 2


def test_registering_twice_adds_nothing():
    before = {key: list(value) for key, value in guards.GUARDS.items()}
    before_effects = {key: list(value) for key, value in effects.EFFECTS.items()}
    wiring.register()
    assert guards.GUARDS == before
    assert effects.EFFECTS == before_effects


def test_the_history_manager_is_scoped_by_the_access_rules():
    assert DossierLogEntryManager.dossiers_for is access.dossiers_for

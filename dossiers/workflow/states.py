from django.db import models
from django.utils.translation import gettext_lazy as _


class DossierState(models.TextChoices):
    """Every state of a case, from first signal to archive (docs/spec/domain.md, "The process,
    as states")."""

    REGISTERED = "registered", _("Gemeld, eerste beoordeling")
    TRIAGE_CLOSED = "triage_closed", _("Afgedaan door MAP")
    REGULAR_TRACK = "regular_track", _("Overgedragen aan regulier traject")
    PRE_ASSESSMENT = "pre_assessment", _("Duiding in het Voorportaal")
    AWAITING_DECISION = "awaiting_decision", _("Ter besluitvorming in het Regieoverleg")
    ON_HOLD = "on_hold", _("Aangehouden: meer informatie nodig")
    NOT_INCLUDED = "not_included", _("Niet opgenomen")
    INCLUDED = "included", _("Opgenomen: plan van aanpak in concept")
    PLAN_SUBMITTED = "plan_submitted", _("Plan gereed voor het ITAT-R")
    PLAN_ADVISED = "plan_advised", _("Advies ITAT-R ontvangen")
    PLAN_DEFINITIVE = "plan_definitive", _("Plan definitief, gereed voor het Regieoverleg")
    PLAN_ADOPTED = "plan_adopted", _("Plan vastgesteld door het Regieoverleg")
    IN_EXECUTION = "in_execution", _("In uitvoering")
    CLOSURE_PROPOSED = "closure_proposed", _("Afbouw- of afsluitvoorstel ingediend")
    CLOSURE_ADVISED = "closure_advised", _("Advies ITAT-R over afsluiting ontvangen")
    WINDING_DOWN = "winding_down", _("In afbouw")
    CLOSED = "closed", _("Afgesloten")
    ARCHIVED = "archived", _("Gearchiveerd")


S = DossierState

INTAKE_STATES = frozenset({S.REGISTERED, S.TRIAGE_CLOSED, S.REGULAR_TRACK})
PRE_ASSESSMENT_STATES = frozenset({S.PRE_ASSESSMENT, S.AWAITING_DECISION, S.ON_HOLD})
STEERING_STATES = frozenset(
    {
        S.AWAITING_DECISION,
        S.ON_HOLD,
        S.NOT_INCLUDED,
        S.INCLUDED,
        S.PLAN_SUBMITTED,
        S.PLAN_ADVISED,
        S.PLAN_DEFINITIVE,
        S.PLAN_ADOPTED,
        S.IN_EXECUTION,
        S.CLOSURE_PROPOSED,
        S.CLOSURE_ADVISED,
        S.WINDING_DOWN,
        S.CLOSED,
    }
)
ACTIVE_STATES = frozenset(
    {
        S.INCLUDED,
        S.PLAN_SUBMITTED,
        S.PLAN_ADVISED,
        S.PLAN_DEFINITIVE,
        S.PLAN_ADOPTED,
        S.IN_EXECUTION,
        S.CLOSURE_PROPOSED,
        S.CLOSURE_ADVISED,
        S.WINDING_DOWN,
    }
)
READ_ONLY_STATES = frozenset(
    {S.TRIAGE_CLOSED, S.REGULAR_TRACK, S.NOT_INCLUDED, S.CLOSED, S.ARCHIVED}
)

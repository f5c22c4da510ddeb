"""Services of the case domain: every write goes through a function here or in workflow/."""

from dossiers.services.access_log import access_log_record, access_log_record_many
from dossiers.services.decisions import steering_decide
from dossiers.services.intake import signal_register, signal_triage
from dossiers.workflow.services import TransitionNotAllowed, dossier_create, dossier_transition

__all__ = [
    "TransitionNotAllowed",
    "access_log_record",
    "access_log_record_many",
    "dossier_create",
    "dossier_transition",
    "signal_register",
    "signal_triage",
    "steering_decide",
]

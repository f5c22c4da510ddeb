from dossiers.models.access_log import AccessAction, AccessLogEntry
from dossiers.models.assessment import Advice, Assessment, PartnerInformation
from dossiers.models.decision import DecisionOutcome, SteeringDecision
from dossiers.models.dossier import Dossier, DossierStatusChange
from dossiers.models.log_entry import DossierLogEntry
from dossiers.models.relation import RelationKind, SubjectRelation
from dossiers.models.signal import (
    Signal,
    SignalAttachment,
    SignalChannel,
    SourceType,
    TriageCloseReason,
    Urgency,
)
from dossiers.models.subject import Gender, Subject
from dossiers.models.user import User

__all__ = [
    "AccessAction",
    "AccessLogEntry",
    "Advice",
    "Assessment",
    "DecisionOutcome",
    "Dossier",
    "DossierLogEntry",
    "DossierStatusChange",
    "Gender",
    "PartnerInformation",
    "RelationKind",
    "Signal",
    "SignalAttachment",
    "SignalChannel",
    "SourceType",
    "SteeringDecision",
    "Subject",
    "SubjectRelation",
    "TriageCloseReason",
    "Urgency",
    "User",
]

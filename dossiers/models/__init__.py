from dossiers.models.access_log import AccessAction, AccessLogEntry
from dossiers.models.agenda_item import AgendaDecision, AgendaItem, AgendaItemKind
from dossiers.models.assessment import Advice, Assessment, PartnerInformation
from dossiers.models.decision import DecisionOutcome, SteeringDecision
from dossiers.models.deletion_log import DeletionLogEntry
from dossiers.models.dossier import Dossier, DossierStatusChange
from dossiers.models.log_entry import DossierLogEntry
from dossiers.models.meeting import (
    Meeting,
    MeetingKind,
    MeetingSeries,
    MeetingStatus,
    Weekday,
)
from dossiers.models.notification_letter import LetterRoute, NotificationLetter
from dossiers.models.programme_settings import ProgrammeSettings
from dossiers.models.relation import RelationKind, SubjectRelation
from dossiers.models.reminder import Reminder, ReminderKind, ReminderStatus
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
    "AgendaDecision",
    "AgendaItem",
    "AgendaItemKind",
    "DecisionOutcome",
    "DeletionLogEntry",
    "Dossier",
    "DossierLogEntry",
    "DossierStatusChange",
    "Gender",
    "LetterRoute",
    "NotificationLetter",
    "PartnerInformation",
    "Meeting",
    "MeetingKind",
    "MeetingSeries",
    "MeetingStatus",
    "ProgrammeSettings",
    "RelationKind",
    "Reminder",
    "ReminderKind",
    "ReminderStatus",
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
    "Weekday",
]

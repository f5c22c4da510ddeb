from dossiers.models.access_log import AccessAction, AccessLogEntry
from dossiers.models.action_plan import ActionPlan, PlanVersion, PlanVersionKind
from dossiers.models.agenda_item import AgendaDecision, AgendaItem, AgendaItemKind
from dossiers.models.assessment import Advice, Assessment, PartnerInformation
from dossiers.models.case_meeting import CaseMeeting, MeetingAgreement
from dossiers.models.closure_proposal import ClosureDecision, ClosureKind, ClosureProposal
from dossiers.models.contact import Contact, ContactKind
from dossiers.models.deadline import DossierDeadline, ObligationKind
from dossiers.models.decision import DecisionOutcome, SteeringDecision
from dossiers.models.deletion_log import DeletionLogEntry
from dossiers.models.dossier import Dossier, DossierStatusChange
from dossiers.models.evaluation import Evaluation, EvaluationItem, Judgement
from dossiers.models.journal_entry import JournalEntry, JournalKind
from dossiers.models.log_entry import DossierLogEntry
from dossiers.models.meeting import (
    Meeting,
    MeetingKind,
    MeetingSeries,
    MeetingStatus,
    Weekday,
)
from dossiers.models.notification_letter import LetterRoute, NotificationLetter
from dossiers.models.plan_item import (
    CLOSED_ITEM_STATUSES,
    GoalAttainment,
    PlanItem,
    PlanItemStatus,
)
from dossiers.models.programme_settings import ProgrammeSettings
from dossiers.models.relation import AUTHORITY_KINDS, INVERSE_KIND, RelationKind, Relative
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
    "ActionPlan",
    "Advice",
    "AgendaDecision",
    "AgendaItem",
    "AgendaItemKind",
    "Assessment",
    "CLOSED_ITEM_STATUSES",
    "CaseMeeting",
    "ClosureDecision",
    "ClosureKind",
    "ClosureProposal",
    "Contact",
    "ContactKind",
    "DecisionOutcome",
    "DeletionLogEntry",
    "DossierDeadline",
    "ObligationKind",
    "Dossier",
    "DossierLogEntry",
    "DossierStatusChange",
    "Evaluation",
    "EvaluationItem",
    "Gender",
    "GoalAttainment",
    "JournalEntry",
    "JournalKind",
    "Judgement",
    "LetterRoute",
    "NotificationLetter",
    "Meeting",
    "MeetingAgreement",
    "MeetingKind",
    "MeetingSeries",
    "MeetingStatus",
    "PartnerInformation",
    "PlanItem",
    "PlanItemStatus",
    "PlanVersion",
    "PlanVersionKind",
    "ProgrammeSettings",
    "RelationKind",
    "Relative",
    "AUTHORITY_KINDS",
    "INVERSE_KIND",
    "Reminder",
    "ReminderKind",
    "ReminderStatus",
    "Signal",
    "SignalAttachment",
    "SignalChannel",
    "SourceType",
    "SteeringDecision",
    "Subject",
    "TriageCloseReason",
    "Urgency",
    "User",
    "Weekday",
]

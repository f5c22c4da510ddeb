from snippets.models.institution import Institution, InstitutionKind
from snippets.models.intervention import (
    SOCIAL_DOMAINS,
    Intervention,
    InterventionDomain,
    SpecialKind,
)
from snippets.models.letter_settings import LetterSettings
from snippets.models.letter_template import LetterRecipientKind, LetterTemplate
from snippets.models.organisation import Organisation, OrganisationKind
from snippets.models.other_approach import OtherApproach
from snippets.models.other_approach_list_entry import OtherApproachListEntry
from snippets.models.problem_area import ProblemArea
from snippets.models.risk_group import RiskGroup
from snippets.models.training_event import TrainingEvent, TrainingKind
from snippets.models.training_registration import TrainingRegistration

__all__ = [
    "SOCIAL_DOMAINS",
    "Institution",
    "InstitutionKind",
    "Intervention",
    "InterventionDomain",
    "LetterRecipientKind",
    "LetterSettings",
    "LetterTemplate",
    "Organisation",
    "OrganisationKind",
    "OtherApproach",
    "OtherApproachListEntry",
    "ProblemArea",
    "RiskGroup",
    "SpecialKind",
    "TrainingEvent",
    "TrainingKind",
    "TrainingRegistration",
]

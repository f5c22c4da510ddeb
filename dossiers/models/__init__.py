from dossiers.models.access_log import AccessAction, AccessLogEntry
from dossiers.models.dossier import Dossier, DossierStatusChange
from dossiers.models.log_entry import DossierLogEntry
from dossiers.models.subject import Gender, Subject
from dossiers.models.user import User

__all__ = [
    "AccessAction",
    "AccessLogEntry",
    "Dossier",
    "DossierLogEntry",
    "DossierStatusChange",
    "Gender",
    "Subject",
    "User",
]

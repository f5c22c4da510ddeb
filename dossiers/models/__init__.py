from dossiers.models.access_log import AccessAction, AccessLogEntry
from dossiers.models.dossier import Dossier, DossierStatusChange
from dossiers.models.subject import Gender, Subject
from dossiers.models.user import User

__all__ = [
    "AccessAction",
    "AccessLogEntry",
    "Dossier",
    "DossierStatusChange",
    "Gender",
    "Subject",
    "User",
]

"""How adminkit writes the access log: through the project's recorder, named in settings.

``settings.ADMINKIT_ACCESS_RECORDER`` is the dotted path of a function called with keyword
arguments ``request``, ``action`` (``VIEW`` or ``EXPORT``), ``dossier`` (an instance of
``settings.ADMINKIT_LOGGED_MODEL`` or None), ``description`` and ``row_count``; it marks the
request as logged (``request.access_logged = True``). Both are resolved when a view runs, so
this package imports no app.
"""

from django.apps import apps
from django.conf import settings
from django.utils.module_loading import import_string

VIEW = "view"
EXPORT = "export"


def record(**fields):
    """Write one access-log row through the project's recorder."""
    return import_string(settings.ADMINKIT_ACCESS_RECORDER)(**fields)


def logged_model():
    """The model whose reads the access log is about (the dossier)."""
    return apps.get_model(settings.ADMINKIT_LOGGED_MODEL)


def logged_object_of(obj):
    """The logged-model instance ``obj`` is, or belongs to (``obj.dossier``); else None."""
    if isinstance(obj, logged_model()):
        return obj
    return getattr(obj, "dossier", None)

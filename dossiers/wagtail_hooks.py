"""Registers the case domain in the admin; reads like the admin menu."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from wagtail import hooks

from dossiers.models import Dossier, DossierLogEntry
from dossiers.viewsets import dossier_viewset


@hooks.register("register_admin_viewset")
def register_dossier_viewset():
    return dossier_viewset


@hooks.register("register_log_actions")
def register_dossier_log_model(actions):
    """Dossier changes go to ``DossierLogEntry``, whose "site history" rows are access-scoped."""
    actions.register_model(Dossier, DossierLogEntry)


@hooks.register("before_serve_document")
def serve_documents_to_admin_users_only(document, request):
    """Documents can hold case material: Wagtail serves them to anyone by default."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("wagtailadmin.access_admin"):
        raise PermissionDenied
    return None

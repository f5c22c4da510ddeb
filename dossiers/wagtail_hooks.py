"""Registers the case domain in the admin; reads like the admin menu."""

from wagtail import hooks

from dossiers.viewsets import dossier_viewset


@hooks.register("register_admin_viewset")
def register_dossier_viewset():
    return dossier_viewset

"""Discover the admin viewsets from Wagtail's registry (filled by ``register_admin_viewset``)."""

from django.apps import apps
from django.urls import get_resolver
from wagtail.admin.viewsets import viewsets as registry

from adminkit.scoping import ScopedViewSetMixin


def registered_viewsets() -> list:
    """Every viewset registered in the admin that has URLs of its own."""
    get_resolver().url_patterns  # noqa: B018 (building the admin URLconf fills the registry)
    return [vs for vs in registry.viewsets if getattr(vs, "name", None)]


def model_of(viewset):
    model = getattr(viewset, "model", None)
    if isinstance(model, str):
        model = apps.get_model(model)
    return model


def models_by_namespace() -> dict:
    """URL namespace -> model, for every model-bound viewset."""
    return {
        vs.url_namespace: model_of(vs) for vs in registered_viewsets() if model_of(vs) is not None
    }


def scoped_viewsets() -> list:
    """The access-scoped viewsets (ScopedModelViewSet, ScopedChooserViewSet and subclasses)."""
    return [vs for vs in registered_viewsets() if isinstance(vs, ScopedViewSetMixin)]

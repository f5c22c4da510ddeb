"""Per-object access for Wagtail viewsets.

Wagtail's generic views check permissions per model, never per object. Every viewset that
shows case data derives from ``ScopedModelViewSet`` (or ``ScopedChooserViewSet``): each view
class it constructs (index, inspect, edit, delete, history, usage, copy, revisions, chooser...)
gets ``ScopedViewMixin``, which filters listings and answers 404 for objects out of scope.

The scope rule itself is the viewset's ``scope_queryset(user, queryset)`` (the dossiers app
passes ``dossiers.access``); this module imports no app.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import Http404
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet

from adminkit import access_log


class ScopedViewMixin:
    """Filters every queryset a view uses through ``scope`` and 404s out-of-scope objects."""

    scope = None  # callable(user, queryset) -> queryset, set by the viewset

    def _scoped(self, queryset):
        return type(self).scope(self.request.user, queryset)

    def _check_object(self, obj):
        if obj is None:
            return obj
        in_scope = self._scoped(type(obj)._default_manager.filter(pk=obj.pk))
        if not in_scope.exists():
            raise Http404
        return obj

    def dispatch(self, request, *args, **kwargs):
        """A page of a scoped object that shows it (200) and wrote no access-log row itself
        (Wagtail's history, usage and revision views, add forms of a dossier's children) gets
        one here: every read of case data is logged, whichever view class serves it."""
        response = super().dispatch(request, *args, **kwargs)
        if response.status_code == 200 and not getattr(request, "access_logged", False):
            self._log_unlogged_read(request)
        return response

    def _log_unlogged_read(self, request) -> None:
        model = getattr(self, "model", None)
        pk = self.kwargs.get(getattr(self, "pk_url_kwarg", "pk"))
        dossier = None
        if self.kwargs.get("dossier_pk") is not None:
            logged_model = access_log.logged_model()
            dossier = logged_model._default_manager.filter(pk=self.kwargs["dossier_pk"]).first()
        elif pk is not None and model is not None:
            obj = model._default_manager.filter(pk=unquote(str(pk))).first()
            dossier = access_log.logged_object_of(obj)
        description = str(getattr(model, "_meta", None) and model._meta.verbose_name_plural or "")
        access_log.record(request=request, dossier=dossier, description=description)

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if getattr(self, "is_export", False) and not getattr(self, "list_export", None):
            self.is_export = False  # no export on listings that don't offer one
        self._check_url_object()

    def _check_url_object(self):
        """404 for an out-of-scope pk before any permission check, so every answer is alike."""
        pk = self.kwargs.get(getattr(self, "pk_url_kwarg", "pk"))
        model = getattr(self, "model", None)
        if pk is None or model is None:
            return
        try:
            in_scope = self._scoped(model._default_manager.filter(pk=unquote(str(pk)))).exists()
        except (ValueError, TypeError, ValidationError) as error:
            raise Http404 from error
        if not in_scope:
            raise Http404

    def _scoped_if_own_model(self, queryset):
        """Scope a queryset of the viewset's model. A history, usage or revisions view lists
        other rows (log entries, references) of its one object, which ``setup`` has already
        checked; the model's scope does not apply to them (it would raise FieldError, or for
        dossiers filter log entries by the wrong id)."""
        model = getattr(self, "model", None)
        if model is not None and not issubclass(queryset.model, model):
            return queryset
        return self._scoped(queryset)

    def get_base_queryset(self):
        return self._scoped_if_own_model(super().get_base_queryset())

    def get_base_object_queryset(self):
        return self._scoped(super().get_base_object_queryset())

    def get_object(self, *args, **kwargs):
        return self._check_object(super().get_object(*args, **kwargs))

    def get_object_list(self, *args, **kwargs):
        return self._scoped(super().get_object_list(*args, **kwargs))

    def get_objects(self, *args, **kwargs):
        return self._scoped(super().get_objects(*args, **kwargs))


def _scoped_view_class(view_class, scope):
    attrs = {"scope": staticmethod(scope), "__module__": view_class.__module__}
    return type(f"Scoped{view_class.__name__}", (ScopedViewMixin, view_class), attrs)


class ScopedViewSetMixin:
    """Wraps every view the viewset constructs; subclasses implement ``scope_queryset``."""

    @staticmethod
    def scope_queryset(user, queryset):
        raise NotImplementedError

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(_scoped_view_class(view_class, self.scope_queryset), **kwargs)


class ScopedModelViewSet(ScopedViewSetMixin, ModelViewSet):
    """A ModelViewSet whose every view is limited to the user's access scope."""


class ScopedChooserViewSet(ScopedViewSetMixin, ChooserViewSet):
    """A ChooserViewSet whose lists and chosen objects are limited to the user's access scope."""

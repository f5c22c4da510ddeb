"""Reads of structured forms; responses are scoped through their dossier (dossiers.access)."""

from django.db.models import Q, QuerySet

from dossiers import access
from forms.models import FormDefinition, FormResponse, FormVersion


def form_version_current(*, slug: str) -> FormVersion:
    """The latest published version of the live form ``slug``; raises DoesNotExist if none."""
    return (
        FormVersion.objects.select_related("definition")
        .filter(definition__slug=slug, definition__live=True)
        .latest("number")
    )


def form_draft_for(*, dossier, slug: str) -> FormResponse | None:
    """The open concept of the form ``slug`` for ``dossier``, if any (the newest)."""
    return (
        FormResponse.objects.filter(dossier=dossier, is_draft=True, version__definition__slug=slug)
        .select_related("version__definition")
        .order_by("-submitted_at", "-pk")
        .first()
    )


def form_definitions_fillable() -> list[tuple[FormDefinition, FormVersion]]:
    """Every live form with its current version, for the “fill in a form” page; a step's form
    (one with bound fields) is filled in on its step page only."""
    from forms.bindings import bound_slugs

    versions = (
        FormVersion.objects.filter(definition__live=True)
        .exclude(definition__slug__in=bound_slugs())
        .select_related("definition")
    )
    current: dict[int, FormVersion] = {}
    for version in versions.order_by("definition_id", "number"):
        current[version.definition_id] = version
    return sorted(((v.definition, v) for v in current.values()), key=lambda pair: pair[0].title)


def form_responses_for(*, user) -> QuerySet[FormResponse]:
    """Responses ``user`` may see: own ones without a dossier, and those of visible dossiers."""
    if not getattr(user, "is_authenticated", False):
        return FormResponse.objects.none()
    visible = Q(dossier__isnull=True, submitted_by=user)
    condition = access.scope_filter(user)
    if condition is not None:
        visible |= Q(dossier__in=access.dossiers_for(user))
    return FormResponse.objects.filter(visible).select_related(
        "version__definition", "submitted_by", "dossier"
    )

"""The one place that says which dossiers, and which of their children, a user may see and change.

Every view, chooser, search, export, report and service starts from ``dossiers_for``.
Deny by default: a user without one of the scope permissions below sees nothing, superusers
included (an administrator manages users, not cases). Code checks permissions, never groups.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from dossiers.models import Dossier
from dossiers.workflow.states import (
    ACTIVE_STATES,
    INTAKE_STATES,
    PRE_ASSESSMENT_STATES,
    READ_ONLY_STATES,
    STEERING_STATES,
    DossierState,
)


def role_permissions(user) -> set[str]:
    """The permissions ``user`` holds through groups or directly, cached on the user object.

    Unlike ``user.has_perm``, superuser status grants nothing here: case data needs a role.
    """
    cached = getattr(user, "_role_permissions_cache", None)
    if cached is not None:
        return cached
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        perms: set[str] = set()
    elif not user.is_superuser:
        perms = set(user.get_all_permissions())
    else:
        from django.contrib.auth.models import Permission

        perms = {
            f"{app_label}.{codename}"
            for app_label, codename in Permission.objects.filter(
                Q(user=user) | Q(group__user=user)
            ).values_list("content_type__app_label", "codename")
        }
    user._role_permissions_cache = perms
    return perms


def has_permission(user, permission: str) -> bool:
    """Whether ``user`` holds ``permission`` ("app_label.codename") through a role."""
    return permission in role_permissions(user)


def scope_filter(user) -> Q | None:
    """The Q that selects the dossiers ``user`` may see, or None when they may see none."""
    parts: list[Q] = []
    if has_permission(user, "dossiers.register_signal") or has_permission(
        user, "dossiers.triage_signal"
    ):
        parts.append(Q(state__in=INTAKE_STATES))
    if has_permission(user, "dossiers.assess_signal"):
        parts.append(Q(state__in=PRE_ASSESSMENT_STATES))
    if has_permission(user, "dossiers.view_meeting_dossiers"):
        parts.append(Q(state__in=STEERING_STATES))
    if has_permission(user, "dossiers.direct_dossier"):
        parts.append(Q(case_director=user) & ~Q(state=DossierState.ARCHIVED))
    if has_permission(user, "dossiers.advise_organisation_dossiers") and user.organisation_id:
        parts.append(
            Q(case_director__organisation_id=user.organisation_id) & ~Q(state=DossierState.ARCHIVED)
        )
    if not parts:
        return None
    combined = parts[0]
    for part in parts[1:]:
        combined |= part
    return combined


def dossiers_for(user) -> QuerySet[Dossier]:
    """The dossiers ``user`` may see; the start of every dossier query in the system."""
    condition = scope_filter(user)
    if condition is None:
        return Dossier.objects.none()
    return Dossier.objects.filter(condition)


def dossiers_within(user, queryset: QuerySet[Dossier]) -> QuerySet[Dossier]:
    """``queryset`` (of dossiers) narrowed to what ``user`` may see: ``dossiers_for``'s condition
    applied in place, so a listing filters and counts its table once, not through an
    ``id IN (subquery)``."""
    condition = scope_filter(user)
    if condition is None:
        return queryset.none()
    return queryset.filter(condition)


def changeable_dossiers_for(user) -> QuerySet[Dossier]:
    """The dossiers ``user`` may change: visible, and not closed or archived."""
    return dossiers_for(user).exclude(state__in=READ_ONLY_STATES)


def directed_dossiers_for(user) -> QuerySet[Dossier]:
    """The dossiers ``user`` works on as their case director: own, and not closed or archived.

    Plans, the logbook, contacts, UVOs, evaluations and proposals are written only here;
    after closing, the case director keeps read access (``dossiers_for``), nothing more.
    """
    if not has_permission(user, "dossiers.direct_dossier"):
        return Dossier.objects.none()
    return changeable_dossiers_for(user).filter(case_director=user)


def children_for(user, queryset: QuerySet, *, dossier_path: str = "dossier") -> QuerySet:
    """Scope a queryset of dossier children (plan items, logbook...) through their dossier."""
    condition = scope_filter(user)
    if condition is None:
        return queryset.none()
    return queryset.filter(**{f"{dossier_path}__in": Dossier.objects.filter(condition)})


def get_dossier_or_404(user, pk) -> Dossier:
    """The dossier when ``user`` may see it; otherwise 404, never 403 (no existence leak)."""
    try:
        return dossiers_for(user).get(pk=pk)
    except (Dossier.DoesNotExist, ValueError, TypeError) as error:
        raise Http404 from error


def letter_scope_filter(user) -> Q | None:
    """The dossiers whose notification letters ``user`` may see: their own scope, and for the
    MAP (``send_letters``) every included, active dossier. Only the letter views use this; the
    dossier itself stays out of the MAP's scope."""
    condition = scope_filter(user)
    if has_permission(user, "dossiers.send_letters"):
        letters = Q(state__in=ACTIVE_STATES, included_on__isnull=False)
        condition = letters if condition is None else condition | letters
    return condition


def letter_dossiers_for(user) -> QuerySet[Dossier]:
    """The dossiers whose letters ``user`` may see (``letter_scope_filter``)."""
    condition = letter_scope_filter(user)
    if condition is None:
        return Dossier.objects.none()
    return Dossier.objects.filter(condition)


def letters_for(user, queryset: QuerySet) -> QuerySet:
    """Scope a queryset of notification letters through ``letter_dossiers_for``."""
    condition = letter_scope_filter(user)
    if condition is None:
        return queryset.none()
    return queryset.filter(dossier__in=Dossier.objects.filter(condition))


def letter_dossiers_to_send_for(user) -> QuerySet[Dossier]:
    """The dossiers whose letters ``user`` may make and register: the MAP, open dossiers."""
    if not has_permission(user, "dossiers.send_letters"):
        return Dossier.objects.none()
    return Dossier.objects.filter(state__in=ACTIVE_STATES, included_on__isnull=False)


def can_see_personal_data(user) -> bool:
    """Whether any scope permission applies; the programme team and administrators have none."""
    return scope_filter(user) is not None


def case_directors():
    """Active users whose role lets them direct dossiers: the choices when appointing one."""
    from dossiers.models import User

    holds = Q(groups__permissions__codename="direct_dossier") | Q(
        user_permissions__codename="direct_dossier"
    )
    return (
        User.objects.filter(holds, is_active=True, organisation__isnull=False)
        .select_related("organisation")
        .distinct()
        .order_by("last_name", "first_name")
    )

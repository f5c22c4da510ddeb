"""Writes of the plan of approach: items from the catalogue, changes, and frozen versions.

Every change to the plan and every step of its approval path (taken by the state machine's
effects) freezes a ``PlanVersion``: who, when, what, and every item as it then stood.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers import access
from dossiers.models import (
    CLOSED_ITEM_STATUSES,
    ActionPlan,
    Dossier,
    PlanItem,
    PlanItemStatus,
    PlanVersion,
    PlanVersionKind,
    User,
)
from dossiers.workflow.states import ACTIVE_STATES
from dossiers.workflow.states import DossierState as S
from snippets.models import Intervention
from snippets.selectors import intervention_choices

#: while the ITAT-R or the Regieoverleg has the plan, it is frozen; otherwise it stays dynamic
PLAN_EDITABLE_STATES = ACTIVE_STATES - {S.PLAN_SUBMITTED, S.PLAN_DEFINITIVE}
#: an item's planning: what is entered when it is added (``PlanItemForm``) and may change later
PLANNING_FIELDS = (
    "considerations",
    "goal",
    "implementer_organisation",
    "implementer_contact",
    "planned_start",
    "planned_end",
)
#: everything of an item that an edit may change: its planning, then its progress
ITEM_FIELDS = (*PLANNING_FIELDS, "status", "result", "goal_attainment")


def directed_dossier_check(*, dossier: Dossier, by) -> None:
    """Refuse unless ``by`` is the case director of ``dossier`` and it is still open."""
    if not access.directed_dossiers_for(by).filter(pk=dossier.pk).exists():
        raise PermissionDenied(_("Alleen de regisseur van een lopend dossier kan dit vastleggen."))


def plan_may_edit(*, dossier: Dossier, user) -> bool:
    """Whether ``user`` may change the plan now (own dossier, a state where it is not frozen)."""
    return (
        dossier.state in PLAN_EDITABLE_STATES
        and access.directed_dossiers_for(user).filter(pk=dossier.pk).exists()
    )


def _check_editable(dossier: Dossier, by) -> None:
    directed_dossier_check(dossier=dossier, by=by)
    if dossier.state not in PLAN_EDITABLE_STATES:
        raise ValidationError(
            _("Het plan ligt nu bij het ITAT-R of het Regieoverleg en kan niet worden gewijzigd.")
        )


def plan_get_or_create(*, dossier: Dossier) -> ActionPlan:
    """The dossier's plan; created empty (as a concept) the first time it is needed."""
    plan, _created = ActionPlan.objects.get_or_create(dossier=dossier)
    return plan


def _item_snapshot(item: PlanItem) -> dict:
    return {
        "id": item.pk,
        "intervention": item.intervention.name,
        "intervention_id": item.intervention_id,
        "revision_id": item.intervention_revision_id,
        "considerations": item.considerations,
        "goal": item.goal,
        "implementer_organisation": str(item.implementer_organisation or ""),
        "implementer_contact": item.implementer_contact,
        "planned_start": item.planned_start.isoformat() if item.planned_start else "",
        "planned_end": item.planned_end.isoformat() if item.planned_end else "",
        "status": item.status,
        "result": item.result,
        "goal_attainment": item.goal_attainment,
    }


def plan_snapshot(
    *, dossier: Dossier, by, kind: str, summary: str = "", advice: str = "", now=None
) -> PlanVersion:
    """Freeze the plan as it is now as the next version (the plan row is locked meanwhile)."""
    plan = plan_get_or_create(dossier=dossier)
    with transaction.atomic():
        plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
        items = (
            PlanItem.objects.filter(plan=plan)
            .select_related("intervention", "implementer_organisation")
            .order_by("planned_start", "pk")
        )
        plan.version += 1
        plan.save(update_fields=["version"])
        return PlanVersion.objects.create(
            plan=plan,
            dossier=dossier,
            number=plan.version,
            kind=kind,
            summary=summary[:300],
            advice=advice,
            items=[_item_snapshot(item) for item in items],
            by=by,
            at=now or timezone.now(),
        )


def _pinned_revision(intervention: Intervention):
    return intervention.live_revision or intervention.latest_revision


@transaction.atomic
def plan_item_add(
    *,
    dossier: Dossier,
    by,
    intervention: Intervention,
    considerations: str,
    goal: str,
    planned_start: datetime.date,
    planned_end: datetime.date | None = None,
    implementer_organisation=None,
    implementer_contact: str = "",
) -> PlanItem:
    """Add a catalogue intervention to the plan, pinned to the catalogue revision of today."""
    _check_editable(dossier, by)
    if not intervention_choices().filter(pk=intervention.pk).exists():
        raise ValidationError(
            {"intervention": _("Deze interventie is niet (meer) beschikbaar in de catalogus.")}
        )
    if planned_end and planned_end < planned_start:
        raise ValidationError({"planned_end": _("Het einde ligt vóór de start.")})
    plan = plan_get_or_create(dossier=dossier)
    item = PlanItem.objects.create(
        plan=plan,
        dossier=dossier,
        intervention=intervention,
        intervention_revision=_pinned_revision(intervention),
        considerations=considerations,
        goal=goal,
        planned_start=planned_start,
        planned_end=planned_end,
        implementer_organisation=implementer_organisation,
        implementer_contact=implementer_contact,
        added_by=by,
    )
    plan_snapshot(
        dossier=dossier,
        by=by,
        kind=PlanVersionKind.CHANGED,
        summary=_("Interventie “%(name)s” toegevoegd") % {"name": intervention.name},
    )
    return item


@transaction.atomic
def plan_item_update(*, item: PlanItem, by, data: dict) -> PlanItem:
    """Change an item (planning, status, result); closing it records the day. Versioned."""
    dossier = Dossier.objects.get(pk=item.dossier_id)
    _check_editable(dossier, by)
    changed = []
    for name in ITEM_FIELDS:
        if name in data and getattr(item, name) != data[name]:
            setattr(item, name, data[name])
            changed.append(str(PlanItem._meta.get_field(name).verbose_name))
    if not changed:
        return item
    if item.planned_end and item.planned_start and item.planned_end < item.planned_start:
        raise ValidationError({"planned_end": _("Het einde ligt vóór de start.")})
    if item.status == PlanItemStatus.DONE and item.planned_start > timezone.localdate():
        raise ValidationError(
            {"status": _("Een interventie kan niet afgerond zijn vóór de geplande start.")}
        )
    if item.status in CLOSED_ITEM_STATUSES and item.closed_on is None:
        item.closed_on = timezone.localdate()
    elif item.status not in CLOSED_ITEM_STATUSES:
        item.closed_on = None
    item.save()
    plan_snapshot(
        dossier=dossier,
        by=by,
        kind=PlanVersionKind.CHANGED,
        summary=_("Interventie “%(name)s” gewijzigd: %(fields)s")
        % {"name": item.intervention.name, "fields": ", ".join(changed)},
    )
    return item


def secretaries_notify(*, dossier: Dossier, subject: str, body: str) -> None:
    """Mail the secretaries (holders of ``manage_agenda``) once the step is committed."""
    holds = Q(
        groups__permissions__codename="manage_agenda",
        groups__permissions__content_type__app_label="dossiers",
    ) | Q(
        user_permissions__codename="manage_agenda",
        user_permissions__content_type__app_label="dossiers",
    )
    addresses = sorted(
        set(
            User.objects.filter(holds, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )
    if addresses:
        transaction.on_commit(lambda: send_mail(subject, body, None, addresses, fail_silently=True))

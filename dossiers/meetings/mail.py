"""The agenda mail: one message per recipient, listing only what that recipient may see.

Recipients are the meeting's participants (a permission per meeting kind, so roles decide)
and each case director with a dossier on the agenda. E-mail is not a safe place for special
category data, so a mail names no person: slot times, dossier numbers and the kind of item,
and a link to the agenda in the system, where access is scoped and logged.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from dossiers import access
from dossiers.meetings.selectors import Slot, item_slot
from dossiers.models import Meeting, MeetingKind, ProgrammeSettings, User

PARTICIPANT_PERMISSION = {
    MeetingKind.STEERING: "dossiers.attend_steering",
    MeetingKind.ADVISORY: "dossiers.attend_advisory",
}


def _holders(permission: str):
    app_label, codename = permission.split(".", 1)
    return Q(
        groups__permissions__codename=codename,
        groups__permissions__content_type__app_label=app_label,
    ) | Q(
        user_permissions__codename=codename,
        user_permissions__content_type__app_label=app_label,
    )


def agenda_recipients(*, meeting: Meeting) -> list[User]:
    """Participants of the meeting's kind and, for the ITAT-R only, the case directors of its
    dossiers, once each. "De regisseur is niet aanwezig bij" the Regieoverleg (handbook ch. 6),
    so a case director gets no Regieoverleg slot."""
    condition = _holders(PARTICIPANT_PERMISSION[meeting.series.kind])
    if meeting.series.kind == MeetingKind.ADVISORY:
        condition |= Q(pk__in=meeting.items.values("dossier__case_director"))
    found = (
        User.objects.filter(condition, is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )
    return list(found)


def _agenda_url(meeting: Meeting) -> str:
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return base + reverse("agendas:detail", args=[meeting.pk])


def agenda_message(*, meeting: Meeting, slots, user: User, sender: str) -> EmailMessage:
    """The mail for one recipient: their own slots first, then what else they may see."""
    visible_ids = set(
        access.dossiers_for(user)
        .filter(pk__in=[s.item.dossier_id for s in slots])
        .values_list("pk", flat=True)
    )
    visible = [s for s in slots if s.item.dossier_id in visible_ids]
    own = [
        s
        for s in visible
        if s.item.dossier.case_director_id == user.pk
        and meeting.series.kind == MeetingKind.ADVISORY
    ]
    context = {
        "meeting": meeting,
        "user": user,
        "own": own,
        "others": [s for s in visible if s not in own],
        "hidden": len(slots) - len(visible),
        "url": _agenda_url(meeting),
    }
    subject = _("Agenda %(meeting)s, %(time)s") % {
        "meeting": meeting,
        "time": f"{meeting.start_time:%H:%M}",
    }
    body = render_to_string("dossiers/agenda_mail.txt", context)
    return EmailMessage(subject, body, sender, [user.email])


def agenda_messages(*, meeting: Meeting) -> list[EmailMessage]:
    """Every mail publishing the agenda sends: exactly one per recipient."""
    items = meeting.items.select_related("meeting__series", "dossier").order_by("position", "pk")
    slots: list[Slot] = [item_slot(item) for item in items]
    sender = ProgrammeSettings.load().sender_email or settings.DEFAULT_FROM_EMAIL
    return [
        agenda_message(meeting=meeting, slots=slots, user=user, sender=sender)
        for user in agenda_recipients(meeting=meeting)
    ]

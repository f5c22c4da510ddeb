"""Writes of agendas: add, remove and reorder items in their slots, and publish the agenda.

Every write locks the meeting row first, so two secretaries editing one agenda take turns and
positions stay 0, 1, 2, ... (a slot's time is the meeting's start plus its position's slots).
Once the agenda is sent, or a decision is recorded, the agenda is fixed: the mail told each
case director their time, and a decided item is history.
"""

from django.core.exceptions import ValidationError
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers import access
from dossiers.meetings.mail import agenda_messages
from dossiers.meetings.services import check_manager
from dossiers.models import AgendaItem, AgendaItemKind, Dossier, Meeting


def _locked(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update().select_related("series").get(pk=meeting.pk)


def _check_open(meeting: Meeting) -> None:
    if not meeting.takes_place:
        raise ValidationError(_("Deze vergadering gaat niet door."))
    if meeting.agenda_published_at is not None:
        raise ValidationError(_("De agenda is al verstuurd; de volgorde ligt vast."))
    if meeting.items.exclude(decision="").exists():
        raise ValidationError(_("Er zijn al besluiten vastgelegd; de agenda ligt vast."))


def _renumber(items: list[AgendaItem]) -> None:
    changed = []
    for position, item in enumerate(items):
        if item.position != position:
            item.position = position
            changed.append(item)
    AgendaItem.objects.bulk_update(changed, ["position"])


@transaction.atomic
def agenda_item_add(*, meeting: Meeting, dossier: Dossier, kind: str, by) -> AgendaItem:
    """Put a dossier on the agenda in the next free slot."""
    check_manager(by)
    meeting = _locked(meeting)
    _check_open(meeting)
    if not access.dossiers_for(by).filter(pk=dossier.pk).exists():
        raise ValidationError(_("Dit dossier is niet toegankelijk voor u."))
    if kind not in AgendaItemKind.values:
        raise ValidationError(_("Kies de soort agendapunt."))
    if meeting.items.filter(dossier=dossier).exists():
        raise ValidationError(
            _("Dossier %(ref)s staat al op deze agenda.") % {"ref": dossier.reference}
        )
    try:
        with transaction.atomic():
            return AgendaItem.objects.create(
                meeting=meeting, dossier=dossier, kind=kind, position=meeting.items.count()
            )
    except IntegrityError as error:  # a concurrent add of the same dossier
        raise ValidationError(
            _("Dossier %(ref)s staat al op deze agenda.") % {"ref": dossier.reference}
        ) from error


@transaction.atomic
def agenda_item_remove(*, item: AgendaItem, by) -> None:
    """Take an item off the agenda; the items after it move up one slot."""
    check_manager(by)
    meeting = _locked(item.meeting)
    _check_open(meeting)
    items = list(meeting.items.order_by("position", "pk"))
    remaining = [i for i in items if i.pk != item.pk]
    if len(remaining) == len(items):
        return
    AgendaItem.objects.filter(pk=item.pk).delete()
    _renumber(remaining)


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, by, up: bool) -> None:
    """Swap an item with the one before (``up``) or after it; at either end nothing moves."""
    check_manager(by)
    meeting = _locked(item.meeting)
    _check_open(meeting)
    items = list(meeting.items.order_by("position", "pk"))
    index = next((n for n, i in enumerate(items) if i.pk == item.pk), None)
    if index is None:
        return
    other = index - 1 if up else index + 1
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
    _renumber(items)


def agenda_publish(*, meeting: Meeting, by) -> int:
    """Send the agenda: one mail per participant and per case director concerned.

    Returns the number of mails sent; 0 when the agenda had already gone out (a double click
    or a second secretary sends nothing twice). The mails go out before the agenda is marked
    sent, inside the meeting's lock: a failed mail server leaves the agenda unsent, to retry.
    """
    check_manager(by)
    with transaction.atomic():
        meeting = _locked(meeting)
        if meeting.agenda_published_at is not None:
            return 0
        if not meeting.takes_place:
            raise ValidationError(_("Deze vergadering gaat niet door."))
        if not meeting.items.exists():
            raise ValidationError(_("De agenda is nog leeg."))
        messages = agenda_messages(meeting=meeting)
        sent = get_connection().send_messages(messages) if messages else 0
        meeting.agenda_published_at = timezone.now()
        meeting.save(update_fields=["agenda_published_at"])
    return sent or 0

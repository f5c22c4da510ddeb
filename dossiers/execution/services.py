"""Writes of the plan's execution: the logbook, contacts, UVOs and their agreements.

Only the case director of an open dossier writes here (``access.directed_dossiers_for``);
after closing, everything stays readable and nothing can be added.
"""

import datetime
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers.execution.plan_services import directed_dossier_check
from dossiers.models import CaseMeeting, Contact, Dossier, JournalEntry, MeetingAgreement
from dossiers.services.step_forms import step_form_submit
from dossiers.step_forms import UVO_REPORT_FORM_SLUG, answer_ids

CONTACT_FIELDS = ("name", "kind", "role", "organisation", "details", "sharing_note", "active")


def _not_in_future(day: datetime.date, field: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: _("Deze datum ligt in de toekomst.")})


@transaction.atomic
def journal_entry_add(
    *,
    dossier: Dossier,
    by,
    kind: str,
    occurred_on: datetime.date,
    text: str,
    corrects: JournalEntry | None = None,
) -> JournalEntry:
    """Write one logbook line; a correction points at the line it corrects (both stay)."""
    directed_dossier_check(dossier=dossier, by=by)
    _not_in_future(occurred_on, "occurred_on")
    if not text.strip():
        raise ValidationError({"text": _("Schrijf wat er is gebeurd.")})
    if corrects is not None and corrects.dossier_id != dossier.pk:
        raise ValidationError(
            _("U kunt alleen een regel uit het logboek van dit dossier corrigeren.")
        )
    return JournalEntry.objects.create(
        dossier=dossier,
        kind=kind,
        occurred_on=occurred_on,
        text=text,
        author=by,
        corrects=corrects,
    )


@transaction.atomic
def contact_save(*, dossier: Dossier, by, data: Mapping, contact: Contact | None = None) -> Contact:
    """Add a contact to the dossier, or change one of its contacts."""
    directed_dossier_check(dossier=dossier, by=by)
    if contact is None:
        contact = Contact(dossier=dossier)
    elif contact.dossier_id != dossier.pk:
        raise ValidationError(_("Deze contactpersoon hoort niet bij dit dossier."))
    for name in CONTACT_FIELDS:
        if name in data:
            setattr(contact, name, data[name])
    contact.full_clean()
    contact.save()
    return contact


@transaction.atomic
def case_meeting_record(
    *,
    dossier: Dossier,
    by,
    held_on: datetime.date,
    organisations: Iterable = (),
    contacts: Iterable[Contact] = (),
    agreements: Iterable[Mapping] = (),
    report=None,
    escalation: bool = False,
    escalation_note: str = "",
) -> CaseMeeting:
    """Record a UVO that was held: who took part, the report form, agreements, escalation.

    The facts come from the submitted UVO form (``case_meeting_submit``) and are kept here in
    columns for querying; ``report`` is that form's response."""
    directed_dossier_check(dossier=dossier, by=by)
    _not_in_future(held_on, "held_on")
    contacts = list(contacts)
    if any(c.dossier_id != dossier.pk for c in contacts):
        raise ValidationError(_("Kies alleen contactpersonen van dit dossier."))
    if escalation and not escalation_note.strip():
        raise ValidationError({"escalation_note": _("Licht toe waarom de uitvoering stagneert.")})
    meeting = CaseMeeting.objects.create(
        dossier=dossier,
        held_on=held_on,
        report=report,
        escalation=escalation,
        escalation_note=escalation_note,
        chaired_by=by,
    )
    meeting.participant_organisations.set(organisations)
    meeting.participant_contacts.set(contacts)
    MeetingAgreement.objects.bulk_create(
        [
            MeetingAgreement(
                case_meeting=meeting,
                dossier=dossier,
                description=agreement["description"],
                owner=agreement["owner"],
                due_on=agreement["due_on"],
            )
            for agreement in agreements
        ]
    )
    return meeting


@transaction.atomic
def case_meeting_submit(*, dossier: Dossier, by, data: Mapping) -> CaseMeeting:
    """Submit the UVO form (its concept, if any) and record the UVO from its bound answers."""
    from snippets.selectors import organisation_list

    directed_dossier_check(dossier=dossier, by=by)
    response, facts = step_form_submit(dossier=dossier, by=by, slug=UVO_REPORT_FORM_SLUG, data=data)
    return case_meeting_record(
        dossier=dossier,
        by=by,
        held_on=datetime.date.fromisoformat(facts["held_on"]),
        organisations=organisation_list().filter(
            pk__in=answer_ids(facts.get("participant_organisations"))
        ),
        contacts=Contact.objects.filter(
            dossier=dossier, pk__in=answer_ids(facts.get("participant_contacts"))
        ),
        agreements=[
            {**row, "due_on": datetime.date.fromisoformat(row["due_on"])}
            for row in facts.get("agreements") or []
        ],
        report=response,
        escalation=bool(facts.get("escalation")),
        escalation_note=facts.get("escalation_note") or "",
    )


@transaction.atomic
def agreement_done(*, agreement: MeetingAgreement, by) -> MeetingAgreement:
    """Tick off an agreement: it leaves the open list, and stays in the UVO's record."""
    directed_dossier_check(dossier=agreement.dossier, by=by)
    if agreement.done_on is None:
        agreement.done_on = timezone.localdate()
        agreement.done_by = by
        agreement.save(update_fields=["done_on", "done_by"])
    return agreement

"""Notification letters: proposed on inclusion, generated as PDF by the MAP, sending recorded.

Every new subject gets a letter from the MAP on behalf of the mayor within the programme's
letter term (docs/spec/domain.md). Who gets one follows the handbook: the subject (through the
PI/JJI when detained), the parents or guardian of a minor, the family members in a family approach.
"""

import datetime
from collections import defaultdict

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, Max
from django.utils import formats, timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from dossiers import access
from dossiers.letters.rule import letter_rule
from dossiers.models import Dossier, LetterRoute, NotificationLetter
from snippets.models import LetterRecipientKind, LetterTemplate

K = LetterRecipientKind
EDITABLE_FIELDS = ("recipient_kind", "recipient_name", "street", "postcode", "city", "institution")


def letters_due(*, dossier: Dossier) -> list[dict]:
    """Who should get a letter: one dict of letter fields per recipient, from the one rule
    (``dossiers.letters.rule.letter_rule``)."""
    return [recipient.fields() for recipient in letter_rule(dossier).recipients]


def _key(fields) -> tuple:
    """Which person a letter is for: the relative recorded here, else the subject."""
    relative = fields.get("recipient_relative")
    if relative is not None:
        return ("relative", relative.pk)
    subject = fields.get("recipient_subject")
    return ("subject", subject.pk) if subject is not None else ("none", None)


def _letter_key(letter: NotificationLetter) -> tuple:
    if letter.recipient_relative_id:
        return ("relative", letter.recipient_relative_id)
    if letter.recipient_subject_id:
        return ("subject", letter.recipient_subject_id)
    return ("none", letter.pk)


def letters_propose(*, dossier: Dossier) -> list[NotificationLetter]:
    """Create the letters that are due and not there yet; returns the new ones (idempotent)."""
    letters = list(dossier.letters.all())
    existing = {_letter_key(letter) for letter in letters}
    # a relative linked to a subject may have a letter under either key
    existing |= {("subject", x.recipient_subject_id) for x in letters if x.recipient_subject_id}
    created = []
    for fields in letters_due(dossier=dossier):
        subject = fields.get("recipient_subject")
        if _key(fields) in existing or (
            subject is not None and ("subject", subject.pk) in existing
        ):
            continue
        created.append(NotificationLetter.objects.create(dossier=dossier, **fields))
    return created


def letters_prune(*, dossier: Dossier) -> int:
    """Remove unsent letters the rule no longer asks for (a relative removed, a family
    approach ended, a link gone with a deleted dossier); sent ones stay as history."""
    due = {_key(fields) for fields in letters_due(dossier=dossier)}
    due |= {
        ("subject", f["recipient_subject"].pk)
        for f in letters_due(dossier=dossier)
        if f.get("recipient_subject") is not None
    }
    removed = 0
    for letter in dossier.letters.filter(sent_on=None):
        is_proposed = letter.recipient_relative_id or letter.recipient_subject_id
        if not is_proposed or _letter_key(letter) in due:
            continue
        if letter.recipient_subject_id and ("subject", letter.recipient_subject_id) in due:
            continue
        _forget_file(letter)
        letter.delete()
        removed += 1
    return removed


def letters_drop_undue(*, letter_ids: list[int]) -> int:
    """Of these unsent letters, remove those whose recipient the rule no longer names (their
    person went with a deleted case, or the relation did); sent letters are never touched."""
    removed = 0
    for letter in NotificationLetter.objects.filter(pk__in=letter_ids, sent_on=None):
        due = {_key(fields) for fields in letters_due(dossier=letter.dossier)}
        if letter.recipient_subject_id and _letter_key(letter) in due:
            continue
        _forget_file(letter)
        letter.delete()
        removed += 1
    return removed


def letters_follow_subject(*, dossier: Dossier) -> int:
    """After the person's or a relative's details changed: unsent letters to them take the
    new route and address (a PDF already made is dropped, to be made again); missing letters
    are proposed, letters no longer due are removed."""
    due = {_key(fields): fields for fields in letters_due(dossier=dossier)}
    changed = 0
    for letter in dossier.letters.filter(sent_on=None):
        fields = due.get(_letter_key(letter))
        if fields is None:
            continue
        values = {name: fields.get(name, "") for name in EDITABLE_FIELDS}
        if all(getattr(letter, name) == value for name, value in values.items()):
            continue
        for name, value in values.items():
            setattr(letter, name, value)
        _forget_file(letter)
        letter.generated_at = None
        letter.save()
        changed += 1
    removed = letters_prune(dossier=dossier)
    return changed + removed + len(letters_propose(dossier=dossier))


def _may_send(letter_or_dossier, user) -> bool:
    dossier = getattr(letter_or_dossier, "dossier", letter_or_dossier)
    return access.letter_dossiers_to_send_for(user).filter(pk=dossier.pk).exists()


def letter_may_send(*, dossier: Dossier, user) -> bool:
    """Whether ``user`` may make and register letters of ``dossier`` (the MAP, open dossiers)."""
    return _may_send(dossier, user)


def _check_recipient(letter: NotificationLetter) -> None:
    errors = {}
    if not letter.recipient_name.strip():
        errors["recipient_name"] = [_("Vul de naam van de ontvanger in.")]
    if letter.recipient_kind == K.DETAINED:
        # The institution's address comes from the reference data; only allowed routes named.
        if not letter.institution.strip():
            errors["institution"] = [
                _(
                    "Leg bij de persoonsgegevens vast in welke PI of JJI de persoon verblijft; "
                    "de brief gaat via de casemanager van die inrichting."
                )
            ]
        elif not letter.has_address:
            errors["street"] = [
                _(
                    "Het adres van %(institution)s ontbreekt in de lijst van inrichtingen. "
                    "Vraag het programmateam het adres aan te vullen."
                )
                % {"institution": letter.institution}
            ]
    elif letter.recipient_kind != K.SUBJECT_HANDOVER and not letter.has_address:
        errors["street"] = [
            _(
                "Het adres ontbreekt. Vul straat en woonplaats in, of kies ‘persoonlijk "
                "overhandigd’ als de brief in overleg met de regisseur wordt overhandigd."
            )
        ]
    if errors:
        raise ValidationError(errors)


def letter_add(*, dossier: Dossier, by, data: dict) -> NotificationLetter:
    """Add a letter for a recipient the system did not propose (e.g. a guardian)."""
    if not _may_send(dossier, by):
        raise PermissionDenied
    letter = NotificationLetter(dossier=dossier, **{k: data.get(k, "") for k in EDITABLE_FIELDS})
    _check_recipient(letter)
    letter.save()
    return letter


def letter_update(*, letter: NotificationLetter, by, data: dict) -> NotificationLetter:
    """Correct the recipient of an unsent letter; a generated PDF must then be made again."""
    if not _may_send(letter, by):
        raise PermissionDenied
    if letter.sent_on:
        raise ValidationError(_("Deze brief is al verzonden en kan niet meer worden gewijzigd."))
    for field in EDITABLE_FIELDS:
        setattr(letter, field, data.get(field, ""))
    _check_recipient(letter)
    _forget_file(letter)
    letter.generated_at = None
    letter.save()
    return letter


def _forget_file(letter: NotificationLetter) -> None:
    """Drop the letter's PDF; the file itself goes only once the change is committed."""
    if not letter.file:
        return
    storage, name = letter.file.storage, letter.file.name
    transaction.on_commit(lambda: storage.delete(name))
    letter.file = ""


def _date(day: datetime.date) -> str:
    with translation.override("nl"):
        return formats.date_format(day, "j F Y")


def letter_values(*, letter: NotificationLetter, on: datetime.date) -> dict[str, str]:
    """The placeholder values of ``letter`` (see ``snippets.letters.PLACEHOLDERS``)."""
    dossier = letter.dossier
    director = dossier.case_director
    return {
        "naam": letter.recipient_name,
        "adres": "\n".join(letter.address_lines),
        "datum": _date(on),
        "datum_besluit": _date(dossier.included_on) if dossier.included_on else "",
        "naam_persoon": str(dossier.subject) if dossier.subject else "",
        "regisseur": director.get_full_name() if director else "",
        "organisatie_regisseur": str(dossier.case_director_organisation or ""),
        "instelling": letter.institution,
        "kenmerk": dossier.reference,
    }


def letter_template_for(kind: str) -> LetterTemplate:
    template = LetterTemplate.objects.filter(recipient_kind=kind, live=True).first()
    if template is None:
        raise ValidationError(
            _("Er is geen gepubliceerd briefsjabloon voor ‘%(kind)s’.") % {"kind": K(kind).label}
        )
    return template


def letter_render(*, letter: NotificationLetter, on: datetime.date) -> str:
    """The letter as HTML, from the published template for its kind of recipient."""
    from django.template.loader import render_to_string

    from snippets.letters import letter_document_context

    template = letter_template_for(letter.recipient_kind)
    context = letter_document_context(template=template, values=letter_values(letter=letter, on=on))
    with translation.override("nl"):
        return render_to_string("snippets/letter_document.html", context)


def _pdf(html: str) -> bytes:
    from snippets.letters import letter_pdf

    return letter_pdf(html)


def letter_generate(*, letter: NotificationLetter, by) -> NotificationLetter:
    """Render the letter as PDF and keep it with the dossier (private storage)."""
    if not _may_send(letter, by):
        raise PermissionDenied
    if letter.sent_on:
        raise ValidationError(_("Deze brief is al verzonden; maak geen nieuwe versie."))
    _check_recipient(letter)
    template = letter_template_for(letter.recipient_kind)
    now = timezone.now()
    pdf = _pdf(letter_render(letter=letter, on=timezone.localdate(now)))
    recipient = slugify(letter.recipient_name)
    name = f"notificatiebrief-{letter.dossier.reference}-{letter.pk}-{recipient}.pdf"
    with transaction.atomic():
        _forget_file(letter)
        letter.file.save(name, ContentFile(pdf), save=False)
        letter.template = template
        letter.template_revision_id = template.live_revision_id
        letter.generated_at = now
        letter.generated_by = by
        letter.save()
    return letter


def _route_errors(letter: NotificationLetter, route: str) -> list[str]:
    errors = []
    if route == LetterRoute.POST and not letter.has_address:
        errors.append(
            _("Per post kan niet: de ontvanger heeft geen adres. Kies persoonlijke overhandiging.")
        )
    if (route == LetterRoute.INSTITUTION) != (letter.recipient_kind == K.DETAINED):
        errors.append(
            _("Via de PI/JJI gaat alleen de brief aan een persoon in detentie, en die altijd.")
        )
    if letter.recipient_kind == K.SUBJECT_HANDOVER and route != LetterRoute.HANDOVER:
        errors.append(_("Deze brief is bedoeld om persoonlijk te overhandigen."))
    return errors


def _send_errors(letter: NotificationLetter, sent_on: datetime.date, route: str) -> dict:
    errors: dict[str, list[str]] = defaultdict(list)
    if letter.sent_on:
        errors["__all__"].append(_("De verzending van deze brief is al vastgelegd."))
    if not letter.file:
        errors["__all__"].append(_("Maak eerst de brief (PDF) voordat u de verzending vastlegt."))
    included_on = letter.dossier.included_on
    if included_on and sent_on < included_on:
        errors["sent_on"].append(
            _("De verzenddatum ligt vóór het besluit tot opname (%(date)s).")
            % {"date": f"{included_on:%d-%m-%Y}"}
        )
    if sent_on > timezone.localdate():
        errors["sent_on"].append(_("De verzenddatum ligt in de toekomst."))
    errors["route"].extend(_route_errors(letter, route))
    return {field: messages for field, messages in errors.items() if messages}


def letter_send_record(
    *, letter: NotificationLetter, by, sent_on: datetime.date, route: str, note: str = ""
) -> NotificationLetter:
    """Register that the letter went out: when, how and by whom. Refuses what cannot be true."""
    if not _may_send(letter, by):
        raise PermissionDenied
    errors = _send_errors(letter, sent_on, route)
    if errors:
        raise ValidationError(errors)
    letter.sent_on = sent_on
    letter.route = route
    letter.sent_by = by
    letter.send_note = note
    letter.sent_recorded_at = timezone.now()
    letter.save()
    return letter


def letters_completion(dossier_ids: list[int]) -> dict[int, list[datetime.date]]:
    """Completion source for the obligations engine: a dossier's letter obligation is done on
    the day its last letter went out, once every proposed letter has been sent."""
    rows = (
        NotificationLetter.objects.filter(dossier_id__in=dossier_ids)
        .values("dossier_id")
        .annotate(total=Count("pk"), sent=Count("sent_on"), last=Max("sent_on"))
    )
    done = {r["dossier_id"]: [r["last"]] for r in rows if r["total"] == r["sent"]}
    if not done:
        return done
    # A minor without a recorded parent or guardian with authority: not done (a warning).
    from dossiers.letters.rule import letter_rule_warnings

    blocked = letter_rule_warnings(list(done))
    return {dossier_id: dates for dossier_id, dates in done.items() if dossier_id not in blocked}

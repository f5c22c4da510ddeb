"""Relatives recorded on a dossier as people, and the family approach (handbook ch. 2, 10).

A relative needs no dossier of their own. When they are also the person of another dossier
the user may see, that link is kept (``Relative.linked_subject``); the relation then reads the
same from that dossier's side (``dossiers.letters.rule.family_members``).
Recording or changing relatives of an included dossier updates its proposed letters.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from dossiers import access
from dossiers.models import AUTHORITY_KINDS, INVERSE_KIND, Dossier, Relative

RELATIVE_FIELDS = (
    "kind",
    "first_name",
    "last_name",
    "birth_date",
    "street",
    "postcode",
    "city",
    "parental_authority",
    "in_family_approach",
    "note",
)


def relation_may_add(*, dossier: Dossier, user) -> bool:
    """Case directors on their own open dossiers and the Voorportaal during duiding."""
    if not access.changeable_dossiers_for(user).filter(pk=dossier.pk).exists():
        return False
    if dossier.case_director_id == user.pk:
        return True
    return access.has_permission(user, "dossiers.assess_signal")


def relative_may_record(*, dossier: Dossier, user) -> bool:
    """Who records relatives: those who keep the basisdossier, and the MAP while it makes the
    letters of an included dossier (it needs the parents of a minor)."""
    if relation_may_add(dossier=dossier, user=user):
        return True
    return access.letter_dossiers_to_send_for(user).filter(pk=dossier.pk).exists()


def _check(dossier: Dossier, by) -> None:
    if not relative_may_record(dossier=dossier, user=by):
        raise PermissionDenied(_("U kunt de familie van dit dossier niet wijzigen."))


def _linked(dossier: Dossier, reference: str, by):
    """The person of the dossier ``reference``, which ``by`` must be allowed to see."""
    reference = (reference or "").strip()
    if not reference:
        return None
    related = access.dossiers_for(by).filter(reference=reference).first()
    if related is None or related.subject_id is None:
        raise ValidationError(
            {
                "related_reference": [
                    _("Geen toegankelijk dossier met een bekende persoon gevonden.")
                ]
            }
        )
    if related.subject_id == dossier.subject_id:
        raise ValidationError(
            {"related_reference": [_("Een persoon kan niet aan zichzelf worden gekoppeld.")]}
        )
    if dossier.relatives.filter(linked_subject_id=related.subject_id).exists():
        raise ValidationError({"related_reference": [_("Dit familielid is al vastgelegd.")]})
    return related.subject


def _errors(data: dict) -> dict:
    errors = {}
    if not (data.get("last_name") or "").strip():
        errors["last_name"] = [_("Vul de achternaam in.")]
    if data.get("birth_date") and data["birth_date"] > timezone.localdate():
        errors["birth_date"] = [_("De geboortedatum ligt in de toekomst.")]
    if (data.get("street") or "").strip() and not (data.get("city") or "").strip():
        errors["city"] = [_("Vul bij een adres ook de woonplaats in.")]
    authority_over_subject = data.get("kind") in AUTHORITY_KINDS
    authority_over_child = data.get("kind") in {INVERSE_KIND[k] for k in AUTHORITY_KINDS}
    if data.get("parental_authority") and not (authority_over_subject or authority_over_child):
        errors["parental_authority"] = [
            _("Gezag hoort bij een ouder of voogd (of, andersom, bij een kind of pupil).")
        ]
    return errors


def _letters_follow(dossier: Dossier) -> None:
    if dossier.included_on is not None:
        from dossiers.letters.services import letters_follow_subject

        letters_follow_subject(dossier=dossier)


@transaction.atomic
def relative_add(*, dossier: Dossier, by, data: dict, related_reference: str = "") -> Relative:
    """Record a relative on ``dossier``; with ``related_reference`` linked to that dossier's
    person (name and address are taken from there when left empty)."""
    _check(dossier, by)
    if dossier.subject_id is None:
        raise ValidationError(_("De persoon van dit dossier is nog niet vastgelegd."))
    linked = _linked(dossier, related_reference, by)
    values = {name: data.get(name) for name in RELATIVE_FIELDS if name in data}
    if linked is not None:
        for name in ("first_name", "last_name", "birth_date", "street", "postcode", "city"):
            if not values.get(name):
                values[name] = getattr(linked, name)
    for name in ("first_name", "street", "postcode", "city", "note"):
        values[name] = (values.get(name) or "").strip()
    values["postcode"] = values["postcode"].upper()
    errors = _errors(values)
    if errors:
        raise ValidationError(errors)
    relative = Relative.objects.create(
        dossier=dossier, linked_subject=linked, created_by=by, **values
    )
    log(
        instance=dossier,
        action="wagtail.edit",
        user=by,
        title=_("Familielid vastgelegd: %(kind)s") % {"kind": relative.get_kind_display()},
    )
    _letters_follow(dossier)
    return relative


@transaction.atomic
def relative_update(*, relative: Relative, by, data: dict) -> Relative:
    dossier = relative.dossier
    _check(dossier, by)
    for name in RELATIVE_FIELDS:
        if name in data:
            value = data[name]
            setattr(relative, name, value.strip() if isinstance(value, str) else value)
    relative.postcode = relative.postcode.upper()
    errors = _errors({name: getattr(relative, name) for name in RELATIVE_FIELDS})
    if errors:
        raise ValidationError(errors)
    relative.save()
    log(
        instance=dossier,
        action="wagtail.edit",
        user=by,
        title=_("Familielid gewijzigd: %(kind)s") % {"kind": relative.get_kind_display()},
    )
    _letters_follow(dossier)
    return relative


@transaction.atomic
def relative_remove(*, relative: Relative, by) -> None:
    """Remove a relative recorded by mistake; their unsent letters go, sent ones stay."""
    dossier = relative.dossier
    _check(dossier, by)
    kind = relative.get_kind_display()
    relative.delete()
    log(
        instance=dossier,
        action="wagtail.edit",
        user=by,
        title=_("Familielid verwijderd: %(kind)s") % {"kind": kind},
    )
    _letters_follow(dossier)


def family_approach_may_set(*, dossier: Dossier, user) -> bool:
    """The case director of an open dossier, or the secretary recording the Regieoverleg."""
    if not access.changeable_dossiers_for(user).filter(pk=dossier.pk).exists():
        return False
    if dossier.case_director_id == user.pk:
        return True
    return access.has_permission(user, "dossiers.decide_steering")


def _family_approach_errors(dossier, decided_on, reason) -> dict:
    errors = {}
    if decided_on is None:
        return errors
    if decided_on > timezone.localdate():
        errors["decided_on"] = [_("De besluitdatum kan niet in de toekomst liggen.")]
    elif decided_on < timezone.localdate(dossier.created_at):
        errors["decided_on"] = [_("De besluitdatum ligt vóór de registratie van het dossier.")]
    if not reason.strip():
        errors["reason"] = [_("Geef de reden van de gezinsaanpak.")]
    return errors


@transaction.atomic
def family_approach_set(
    *,
    dossier: Dossier,
    by,
    decided_on: datetime.date | None,
    reason: str = "",
    covered: list[int] | None = None,
) -> Dossier:
    """Decide (or end, with ``decided_on=None``) a family approach for the dossier, with date,
    reason and the relatives recorded here that it covers. Letters follow."""
    if not family_approach_may_set(dossier=dossier, user=by):
        raise PermissionDenied
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    errors = _family_approach_errors(dossier, decided_on, reason)
    if errors:
        raise ValidationError(errors)
    dossier.family_approach_on = decided_on
    dossier.family_approach_reason = reason.strip() if decided_on else ""
    dossier.save(update_fields=["family_approach_on", "family_approach_reason"])
    covered_ids = set(covered or []) if decided_on else set()
    for relative in dossier.relatives.all():
        wanted = relative.pk in covered_ids
        if relative.in_family_approach != wanted:
            relative.in_family_approach = wanted
            relative.save(update_fields=["in_family_approach"])
    if decided_on:
        title = _("Gezinsaanpak besloten op %(date)s") % {"date": f"{decided_on:%d-%m-%Y}"}
    else:
        title = _("Gezinsaanpak beëindigd")
    log(instance=dossier, action="wagtail.edit", user=by, title=title)
    _letters_follow(dossier)
    return dossier

"""Keeping the person's details up to date: name, birth date, address, detention."""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from dossiers.models import Dossier, Subject
from dossiers.services.relations import relation_may_add

SUBJECT_FIELDS = (
    "first_name",
    "last_name",
    "birth_date",
    "gender",
    "street",
    "postcode",
    "city",
    "detained_in",
)
POSTCODE = re.compile(r"^[1-9][0-9]{3} ?[A-Z]{2}$")


def subject_may_edit(*, dossier: Dossier, user) -> bool:
    """Who keeps the basisdossier: the Voorportaal during duiding, the case director after."""
    return dossier.subject_id is not None and relation_may_add(dossier=dossier, user=user)


def _errors(data: dict) -> dict:
    errors = {}
    if data.get("birth_date") and data["birth_date"] > timezone.localdate():
        errors["birth_date"] = [_("De geboortedatum ligt in de toekomst.")]
    postcode = (data.get("postcode") or "").strip().upper()
    if postcode and not POSTCODE.match(postcode):
        errors["postcode"] = [_("Een postcode is vier cijfers en twee letters, zoals 1012 AB.")]
    if (data.get("street") or "").strip() and not (data.get("city") or "").strip():
        errors["city"] = [_("Vul bij een adres ook de woonplaats in.")]
    return errors


def subject_update(*, dossier: Dossier, by, data: dict) -> Subject:
    """Save the person's details; unsent letters to them follow (route via the PI/JJI when
    detained, the new address otherwise)."""
    if not subject_may_edit(dossier=dossier, user=by):
        raise PermissionDenied
    errors = _errors(data)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        subject = Subject.objects.select_for_update().get(pk=dossier.subject_id)
        changed = []
        for name in SUBJECT_FIELDS:
            value = data.get(name, getattr(subject, name))
            if name == "postcode" and value:
                value = value.strip().upper()
            if getattr(subject, name) != value:
                setattr(subject, name, value)
                changed.append(str(Subject._meta.get_field(name).verbose_name))
        if not changed:
            return subject
        subject.save()
        log(
            instance=dossier,
            action="wagtail.edit",
            user=by,
            title=_("Persoonsgegevens gewijzigd: %(fields)s") % {"fields": ", ".join(changed)},
        )
        if dossier.included_on is not None:
            from dossiers.letters.services import letters_follow_subject

            letters_follow_subject(dossier=dossier)
    return subject

"""The one rule for who gets a notification letter (handbook ch. 2; docs/spec/domain.md's
letter table).

- the subject, always: to the registered address, or via the PI/JJI's case manager (the
  institution's address) when detained;
- a minor on the decision date: also each parent or guardian with parental authority;
- a family approach decided for the dossier: also the family members it covers;
- otherwise no relative gets a letter: a letter would tell them the person is in the approach.

Relatives are read from both sides: those recorded on this dossier, and those recorded on
another dossier whose linked person is this dossier's person, with the relation inverted
("A is kind van B" recorded on A's dossier makes B's dossier read "A is ouder van B").
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers.models import AUTHORITY_KINDS, INVERSE_KIND, Dossier, Relative, Subject
from snippets.models import LetterRecipientKind

K = LetterRecipientKind


@dataclass(frozen=True)
class FamilyMember:
    """A relative as this dossier reads them, whichever dossier recorded the relation."""

    kind: str
    name: str
    street: str
    postcode: str
    city: str
    parental_authority: bool
    in_family_approach: bool
    relative: Relative | None = None  # recorded on this dossier
    subject: Subject | None = None  # the person, when they are also a subject somewhere
    mirrored_from: Relative | None = None  # recorded on another dossier, read inverted

    @property
    def holds_authority(self) -> bool:
        return self.kind in AUTHORITY_KINDS and self.parental_authority


@dataclass(frozen=True)
class Recipient:
    recipient_kind: str
    recipient_name: str
    street: str = ""
    postcode: str = ""
    city: str = ""
    institution: str = ""
    recipient_subject: Subject | None = None
    recipient_relative: Relative | None = None

    def fields(self) -> dict:
        return {
            "recipient_kind": self.recipient_kind,
            "recipient_name": self.recipient_name,
            "street": self.street,
            "postcode": self.postcode,
            "city": self.city,
            "institution": self.institution,
            "recipient_subject": self.recipient_subject,
            "recipient_relative": self.recipient_relative,
        }


@dataclass
class LetterRule:
    """The outcome of the rule for one dossier: the recipients and what blocks completion."""

    recipients: list[Recipient] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    minor: bool = False

    @property
    def complete(self) -> bool:
        """Whether sending these letters can complete the letter obligation."""
        return not self.warnings


def _address(source) -> dict:
    return {"street": source.street, "postcode": source.postcode, "city": source.city}


def family_members(dossier: Dossier) -> list[FamilyMember]:
    """Every relative of the dossier's person, from both sides, each person once."""
    members: list[FamilyMember] = []
    own = list(dossier.relatives.select_related("linked_subject").order_by("pk"))
    linked = {r.linked_subject_id for r in own if r.linked_subject_id}
    for relative in own:
        address = _address(relative)
        if not relative.has_address and relative.linked_subject:
            address = _address(relative.linked_subject)
        members.append(
            FamilyMember(
                kind=relative.kind,
                name=relative.name,
                parental_authority=relative.parental_authority,
                in_family_approach=relative.in_family_approach,
                relative=relative,
                subject=relative.linked_subject,
                **address,
            )
        )
    if dossier.subject_id is None:
        return members
    mirrored = (
        Relative.objects.filter(linked_subject_id=dossier.subject_id)
        .exclude(dossier_id=dossier.pk)
        .exclude(dossier__subject_id=dossier.subject_id)
        .exclude(dossier__subject__isnull=True)
        .select_related("dossier__subject")
        .order_by("pk")
    )
    seen = set(linked)
    for relative in mirrored:
        person = relative.dossier.subject
        if person.pk in seen:
            continue  # recorded here too: this dossier's own record wins
        seen.add(person.pk)
        members.append(
            FamilyMember(
                kind=INVERSE_KIND[relative.kind],
                name=str(person),
                parental_authority=relative.parental_authority,
                in_family_approach=False,
                subject=person,
                mirrored_from=relative,
                **_address(person),
            )
        )
    return members


def no_guardian_warning() -> str:
    return _(
        "Minderjarig op de besluitdatum, maar er is geen ouder of voogd met gezag vastgelegd. "
        "Leg die vast bij Familie; tot dan is de briefplicht niet afgerond."
    )


def decision_date(dossier: Dossier) -> datetime.date:
    return dossier.included_on or timezone.localdate()


def _subject_letter(subject: Subject) -> Recipient:
    """The subject's own letter: via the PI/JJI's case manager (its address) when detained."""
    if subject.detained_in_id:
        institution = subject.detained_in
        return Recipient(
            recipient_kind=K.DETAINED,
            recipient_name=str(subject),
            institution=institution.name,
            recipient_subject=subject,
            **_address(institution),
        )
    return Recipient(
        recipient_kind=K.SUBJECT,
        recipient_name=str(subject),
        recipient_subject=subject,
        **_address(subject),
    )


def letter_rule(dossier: Dossier, *, on: datetime.date | None = None) -> LetterRule:
    """Who gets a letter for ``dossier``, judged at the decision date (``on`` overrides)."""
    subject = dossier.subject
    rule = LetterRule()
    if subject is None:
        return rule
    rule.recipients.append(_subject_letter(subject))
    age = subject.age_on(on or decision_date(dossier))
    rule.minor = age is not None and age < 18
    members = family_members(dossier)
    holders = [m for m in members if m.holds_authority] if rule.minor else []
    if rule.minor and not holders:
        rule.warnings.append(no_guardian_warning())
    rule.recipients += [_member_letter(m, K.PARENT) for m in holders]
    if dossier.family_approach_on:
        rule.recipients += [
            _member_letter(m, K.FAMILY)
            for m in members
            if m.in_family_approach and not any(m is h for h in holders)
        ]
    return rule


def _member_letter(member: FamilyMember, kind: str) -> Recipient:
    return Recipient(
        recipient_kind=kind,
        recipient_name=member.name,
        street=member.street,
        postcode=member.postcode,
        city=member.city,
        recipient_subject=member.subject,
        recipient_relative=member.relative,
    )


def letter_rule_warnings(dossier_ids: list[int]) -> dict[int, list[str]]:
    """The dossiers among ``dossier_ids`` whose letter obligation cannot be done: a minor on the
    decision date without a parent or guardian with authority. A fixed number of queries."""
    rows = Dossier.objects.filter(pk__in=dossier_ids, subject__birth_date__isnull=False)
    minors = {}
    for pk, subject_id, birth, included in rows.values_list(
        "pk", "subject_id", "subject__birth_date", "included_on"
    ):
        subject = Subject(birth_date=birth)
        age = subject.age_on(included or timezone.localdate())
        if age is not None and age < 18:
            minors[pk] = subject_id
    if not minors:
        return {}
    authority = [k.value for k in AUTHORITY_KINDS]
    inverse = [INVERSE_KIND[k].value for k in AUTHORITY_KINDS]
    held = set(
        Relative.objects.filter(
            dossier_id__in=list(minors), kind__in=authority, parental_authority=True
        ).values_list("dossier_id", flat=True)
    )
    held_subjects = set(
        Relative.objects.filter(
            linked_subject_id__in=list(minors.values()),
            kind__in=inverse,
            parental_authority=True,
        )
        .exclude(dossier__subject__isnull=True)
        .values_list("linked_subject_id", flat=True)
    )
    message = no_guardian_warning()
    return {
        pk: [message]
        for pk, subject_id in minors.items()
        if pk not in held and subject_id not in held_subjects
    }


__all__ = ["FamilyMember", "LetterRule", "Recipient", "family_members", "letter_rule"]

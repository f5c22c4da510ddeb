"""The one letter rule, as a table (handbook ch. 2; docs/spec/domain.md "Notification letter").

Each case: exactly these recipients with these letter kinds, nobody else.
"""

import datetime

import pytest
from django.utils import timezone

from dossiers.letters.rule import letter_rule
from dossiers.letters.services import letters_completion
from dossiers.models import NotificationLetter
from dossiers.services.relations import family_approach_set
from dossiers.services.subjects import subject_update
from tests.factories.dossiers import DossierFactory, SubjectFactory
from tests.letters.conftest import DECIDED, D, record_relative

pytestmark = pytest.mark.django_db


def _dossier(birth, *, detained=None, included=True):
    subject = SubjectFactory(
        first_name="Sami", last_name="Fictief", birth_date=birth, detained_in=detained
    )
    return DossierFactory(subject=subject, included_on=DECIDED if included else None)


def _table(dossier):
    return sorted((r.recipient_kind, r.recipient_name) for r in letter_rule(dossier).recipients)


def _parents(dossier):
    record_relative(dossier, first_name="Mira", last_name="Ouder")
    record_relative(dossier, first_name="Karim", last_name="Ouder")


ADULT = D(1990, 1, 1)
MINOR = D(2012, 6, 1)  # 14 on the decision date
TURNS_18_AFTER = DECIDED.replace(year=DECIDED.year - 18) + datetime.timedelta(days=1)


def test_adult_gets_only_their_own_letter():
    dossier = _dossier(ADULT)
    assert _table(dossier) == [("subject", "Sami Fictief")]


def test_adult_without_family_approach_gets_no_letters_for_relatives():
    dossier = _dossier(ADULT)
    _parents(dossier)
    record_relative(dossier, kind="sibling", first_name="Lina", last_name="Fictief")
    assert _table(dossier) == [("subject", "Sami Fictief")]


def test_minor_gets_a_letter_and_each_parent_with_authority_one():
    dossier = _dossier(MINOR)
    _parents(dossier)
    record_relative(dossier, first_name="Zonder", last_name="Gezag", authority=False)
    record_relative(dossier, kind="sibling", first_name="Lina", last_name="Fictief")
    assert _table(dossier) == [
        ("parent", "Karim Ouder"),
        ("parent", "Mira Ouder"),
        ("subject", "Sami Fictief"),
    ]
    assert letter_rule(dossier).warnings == []


def test_minor_is_judged_on_the_decision_date_not_today():
    dossier = _dossier(TURNS_18_AFTER)  # 17 on the decision date, 18 a day later
    _parents(dossier)
    assert [r.recipient_kind for r in letter_rule(dossier).recipients].count("parent") == 2


def test_minor_without_recorded_parents_warns_and_the_obligation_stays_open(users):
    dossier = _dossier(MINOR)
    rule = letter_rule(dossier)
    assert _table(dossier) == [("subject", "Sami Fictief")]
    assert len(rule.warnings) == 1 and "geen ouder of voogd met gezag" in rule.warnings[0]
    NotificationLetter.objects.create(
        dossier=dossier, recipient_kind="subject", recipient_name="Sami Fictief", sent_on=DECIDED
    )
    assert letters_completion([dossier.pk]) == {}
    # a guardian recorded later lifts the warning: once their letter is sent, it is done
    record_relative(dossier, kind="guardian", first_name="Noor", last_name="Voogd")
    assert letter_rule(dossier).warnings == []
    assert letters_completion([dossier.pk]) == {dossier.pk: [DECIDED]}


def test_family_approach_adds_the_members_it_covers(users):
    dossier = _dossier(ADULT)
    sister = record_relative(dossier, kind="sibling", first_name="Lina", last_name="Fictief")
    record_relative(dossier, kind="partner", first_name="Niet", last_name="Gedekt")
    dossier.case_director = users["regisseur"]
    dossier.state = "included"
    dossier.save()
    family_approach_set(
        dossier=dossier,
        by=users["regisseur"],
        decided_on=timezone.localdate(dossier.created_at),  # the local day, not UTC's
        reason="broers en zussen ook in beeld",
        covered=[sister.pk],
    )
    dossier.refresh_from_db()
    assert _table(dossier) == [("family", "Lina Fictief"), ("subject", "Sami Fictief")]


def test_family_approach_for_a_minor_writes_to_parents_once():
    dossier = _dossier(MINOR)
    mother = record_relative(dossier, first_name="Mira", last_name="Ouder")
    mother.in_family_approach = True
    mother.save()
    dossier.family_approach_on = DECIDED
    dossier.save()
    assert _table(dossier) == [("parent", "Mira Ouder"), ("subject", "Sami Fictief")]


def test_detained_adult_gets_the_letter_via_the_institution(institution):
    dossier = _dossier(ADULT, detained=institution)
    [recipient] = letter_rule(dossier).recipients
    assert recipient.recipient_kind == "detained"
    assert (recipient.institution, recipient.street, recipient.city) == (
        "PI Fictiefstad (voorbeeld)",
        "Postbus 99901",
        "Fictiefstad",
    )


def test_detained_minor_gets_the_institution_route_and_the_parents_their_letters(institution):
    dossier = _dossier(MINOR, detained=institution)
    _parents(dossier)
    assert _table(dossier) == [
        ("detained", "Sami Fictief"),
        ("parent", "Karim Ouder"),
        ("parent", "Mira Ouder"),
    ]


def test_released_before_sending_the_letter_goes_to_the_home_address(detained, users):
    letter = NotificationLetter.objects.get(dossier=detained)
    assert letter.recipient_kind == "detained"
    subject_update(dossier=detained, by=users["regisseur"], data={"detained_in": None})
    letter.refresh_from_db()
    assert (letter.recipient_kind, letter.institution) == ("subject", "")
    assert letter.street == detained.subject.street and letter.street != "Postbus 99901"


@pytest.mark.parametrize("side", ["child", "parent"])
def test_a_parent_linked_from_either_side_gets_the_parent_letter(side):
    child = _dossier(MINOR)
    parent_subject = SubjectFactory(first_name="Omar", last_name="Ouder", birth_date=ADULT)
    parent = DossierFactory(subject=parent_subject)
    if side == "child":  # recorded on the child's dossier: "Omar is ouder van Sami"
        record_relative(child, linked=parent_subject, first_name="Omar", last_name="Ouder")
    else:  # recorded on the parent's dossier: "Sami is kind van Omar" (Omar holds authority)
        record_relative(
            parent,
            kind="child",
            linked=child.subject,
            first_name="Sami",
            last_name="Fictief",
            authority=True,
        )
    assert _table(child) == [("parent", "Omar Ouder"), ("subject", "Sami Fictief")]
    # and the parent's own dossier (an adult, no family approach) writes to nobody else
    assert _table(parent) == [("subject", "Omar Ouder")]

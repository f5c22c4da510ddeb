"""The guards and effects that call a service (``dossiers.workflow.wiring``), each called on its
own, and the tables ``register`` copies into the workflow's (issue 19: every rule in the module
runs when a step is taken, so mutation testing can judge it; docs/testing.md).

The expectations are written from the handbook: which step freezes which plan version, which
step mails the secretaries, which date a step sets on the plan.

Mutants left alive on purpose (``make mutants``, mutmut 3.8.1 numbering, 2026-11-30):

- ``notify_secretaries`` 1: ``dossier=dossier`` to ``dossier=None`` in the call of
  ``secretaries_notify``. That service does not read its ``dossier`` (the mail goes to every
  holder of ``manage_agenda``, and the dossier number is already in the subject and body that
  ``notify_secretaries`` formats), so the mail is the same.
- ``record_plan_date`` 14: ``plan.save(update_fields=[field])`` to ``update_fields=None``. The
  plan was read from the database on the line before, so saving every field writes the values
  it already has: the same row. ``update_fields`` only keeps the write small.

mutmut mutates only the code inside functions, not the tables ``GUARDS`` and ``EFFECTS`` (which
step gets which guard or effect, with which version kind, date field or notice): the first
test below compares them, through ``register``, with the whole table written out by hand
(checked by changing one row's version kind by hand: it fails).
"""

import datetime
from functools import partial

import pytest
from django.core import mail
from django.utils import timezone

from dossiers.models import ActionPlan, NotificationLetter, PlanVersion
from dossiers.models import PlanVersionKind as V
from dossiers.workflow import effects, guards, wiring
from dossiers.workflow.states import DossierState as S
from snippets.models import OtherApproach, OtherApproachListEntry
from tests.factories.assessment import assessment_complete
from tests.factories.plan import plan_ready

pytestmark = pytest.mark.django_db

# 23:30 UTC on 5 January is already 6 January in Amsterdam (the day a step is "on")
LATE_EVENING = datetime.datetime(2026, 1, 5, 23, 30, tzinfo=datetime.UTC)


def _described(effect):
    """An effect as (function, bound keyword arguments); the notices by name."""
    notices = {
        id(wiring.PLAN_READY_NOTICE): "plan ready notice",
        id(wiring.DEFINITIVE_NOTICE): "definitive notice",
        id(wiring.CLOSURE_NOTICE): "closure notice",
    }
    if id(effect) in notices:
        return notices[id(effect)]
    if isinstance(effect, partial):
        return (effect.func, effect.keywords)
    return (effect, {})


# --- register ---------------------------------------------------------------------------------


def test_register_adds_these_guards_and_effects_to_empty_tables_once(monkeypatch):
    monkeypatch.setattr(guards, "GUARDS", {})
    monkeypatch.setattr(effects, "EFFECTS", {})
    wiring.register()
    wiring.register()  # idempotent

    assert guards.GUARDS == {
        (S.PRE_ASSESSMENT, S.AWAITING_DECISION): [wiring.needs_complete_assessment],
        (S.AWAITING_DECISION, S.INCLUDED): [wiring.needs_other_approach_confirmation],
    }
    freeze, record = wiring.freeze_plan_version, wiring.record_plan_date
    found = {key: [_described(e) for e in value] for key, value in effects.EFFECTS.items()}
    assert found == {
        (S.AWAITING_DECISION, S.INCLUDED): [(wiring.propose_letters, {})],
        (S.INCLUDED, S.PLAN_SUBMITTED): [(freeze, {"kind": V.SUBMITTED}), "plan ready notice"],
        (S.PLAN_SUBMITTED, S.INCLUDED): [(freeze, {"kind": V.WITHDRAWN})],
        (S.PLAN_SUBMITTED, S.PLAN_ADVISED): [(freeze, {"kind": V.ADVICE, "with_advice": True})],
        (S.PLAN_ADVISED, S.PLAN_DEFINITIVE): [
            (freeze, {"kind": V.DEFINITIVE}),
            "definitive notice",
        ],
        (S.PLAN_DEFINITIVE, S.PLAN_ADVISED): [(freeze, {"kind": V.SENT_BACK})],
        (S.PLAN_DEFINITIVE, S.PLAN_ADOPTED): [
            (record, {"field": "adopted_on"}),
            (freeze, {"kind": V.ADOPTED}),
        ],
        (S.PLAN_ADOPTED, S.IN_EXECUTION): [
            (record, {"field": "accorded_on"}),
            (freeze, {"kind": V.ACCORDED}),
        ],
        (S.IN_EXECUTION, S.PLAN_SUBMITTED): [(freeze, {"kind": V.ESCALATED}), "plan ready notice"],
        (S.IN_EXECUTION, S.CLOSURE_PROPOSED): ["closure notice"],
        (S.WINDING_DOWN, S.CLOSURE_PROPOSED): ["closure notice"],
    }


def test_register_comes_after_the_steps_own_guards_and_effects(monkeypatch):
    def own_guard(dossier, by, data):
        return []

    def own_effect(dossier, **_kw):
        pass

    monkeypatch.setattr(guards, "GUARDS", {(S.PRE_ASSESSMENT, S.AWAITING_DECISION): [own_guard]})
    monkeypatch.setattr(effects, "EFFECTS", {(S.AWAITING_DECISION, S.INCLUDED): [own_effect]})
    wiring.register()
    assert guards.GUARDS[(S.PRE_ASSESSMENT, S.AWAITING_DECISION)] == [
        own_guard,
        wiring.needs_complete_assessment,
    ]
    assert effects.EFFECTS[(S.AWAITING_DECISION, S.INCLUDED)] == [
        own_effect,
        wiring.propose_letters,
    ]


# --- guards -----------------------------------------------------------------------------------


def test_an_unassessed_dossier_may_not_go_to_the_decision_unless_it_is_urgent(walk):
    dossier = walk(S.PRE_ASSESSMENT)
    assert wiring.needs_complete_assessment(dossier, None, {}) == [
        "Het beoordelingskader is nog niet ingevuld."
    ]
    dossier.urgent = True
    assert wiring.needs_complete_assessment(dossier, None, {}) == []


def test_an_assessed_dossier_may_go_to_the_decision(users, walk):
    dossier = walk(S.PRE_ASSESSMENT)
    assessment_complete(dossier=dossier, by=users["voorportaal"])
    assert wiring.needs_complete_assessment(dossier, None, {}) == []


def _on_the_list_of(approach_name, dossier, users):
    subject = dossier.subject
    OtherApproachListEntry.objects.create(
        other_approach=OtherApproach.objects.create(name=approach_name, contact="Team X"),
        reference="T-1",
        first_name=subject.first_name,
        last_name=subject.last_name,
        birth_date=subject.birth_date,
        imported_at=timezone.now(),
        imported_by=users["beheer"],
    )


def test_a_person_on_other_approaches_lists_needs_confirmation_naming_them(users, walk):
    dossier = walk(S.AWAITING_DECISION)
    assert wiring.needs_other_approach_confirmation(dossier, None, {}) == []
    _on_the_list_of("Zuid-aanpak (fictief)", dossier, users)
    _on_the_list_of("Top600 (fictief)", dossier, users)
    assert wiring.needs_other_approach_confirmation(dossier, None, {}) == [
        "Deze persoon staat mogelijk op de lijst van een andere aanpak "
        "(Top600 (fictief), Zuid-aanpak (fictief)). "
        "Bevestig dat opnemen in deze aanpak toch de bedoeling is."
    ]
    confirmed = {"other_approach_confirmed": True}
    assert wiring.needs_other_approach_confirmation(dossier, None, confirmed) == []
    # the list of next steps (a preview) asks for no input: the step page asks to confirm
    assert wiring.needs_other_approach_confirmation(dossier, None, {"preview": True}) == []


# --- effects ----------------------------------------------------------------------------------


def test_inclusion_proposes_the_subjects_notification_letter(walk):
    dossier = walk(S.INCLUDED)  # an adult, not detained: one letter, to the person
    [letter] = NotificationLetter.objects.filter(dossier=dossier)
    assert (letter.recipient_kind, letter.recipient_subject) == ("subject", dossier.subject)


def test_propose_letters_proposes_the_letters_of_this_dossier(walk):
    dossier, other = walk(S.INCLUDED), walk(S.INCLUDED)
    NotificationLetter.objects.all().delete()
    wiring.propose_letters(dossier, by=None, now=LATE_EVENING, data={})
    assert list(NotificationLetter.objects.values_list("dossier", "recipient_subject")) == [
        (dossier.pk, dossier.subject.pk)
    ]
    assert other.letters.count() == 0


def test_a_frozen_version_records_who_when_what_and_no_advice(users, walk):
    director = users["regisseur"]
    dossier = walk(S.INCLUDED)
    plan_ready(dossier, director)
    data = {"note": "Klaar voor het ITAT-R", "advice": "Niet van deze stap"}
    wiring.freeze_plan_version(dossier, by=director, now=LATE_EVENING, data=data, kind=V.SUBMITTED)
    version = PlanVersion.objects.filter(dossier=dossier).latest("number")
    assert (version.kind, version.by, version.at) == (V.SUBMITTED, director, LATE_EVENING)
    assert (version.summary, version.advice) == ("Klaar voor het ITAT-R", "")
    assert len(version.items) == 1


def test_a_frozen_version_without_a_note_has_an_empty_summary(users, walk):
    dossier = walk(S.INCLUDED)
    wiring.freeze_plan_version(
        dossier, by=users["regisseur"], now=LATE_EVENING, data={}, kind=V.WITHDRAWN
    )
    version = PlanVersion.objects.get(dossier=dossier)
    assert (version.kind, version.summary, version.advice) == (V.WITHDRAWN, "", "")


def test_a_long_note_is_cut_to_the_summarys_300_characters(users, walk):
    dossier = walk(S.INCLUDED)
    note = "a" * 299 + "bc"
    wiring.freeze_plan_version(
        dossier, by=users["regisseur"], now=LATE_EVENING, data={"note": note}, kind=V.SENT_BACK
    )
    assert PlanVersion.objects.get(dossier=dossier).summary == "a" * 299 + "b"


@pytest.mark.parametrize(
    ("data", "advice"),
    [
        (
            {"advice": " Voeg een netwerkinterventie toe ", "note": "Notitie"},
            "Voeg een netwerkinterventie toe",
        ),
        ({"note": "Alleen een notitie "}, "Alleen een notitie"),
    ],
)
def test_the_advice_version_records_the_itatrs_advice(users, walk, data, advice):
    dossier = walk(S.INCLUDED)
    wiring.freeze_plan_version(
        dossier,
        by=users["secretaris"],
        now=LATE_EVENING,
        data=data,
        kind=V.ADVICE,
        with_advice=True,
    )
    version = PlanVersion.objects.get(dossier=dossier)
    assert (version.kind, version.advice) == (V.ADVICE, advice)


def test_record_plan_date_takes_the_decision_date(walk):
    dossier = walk(S.INCLUDED)
    data = {"decided_on": datetime.date(2026, 1, 2)}
    wiring.record_plan_date(dossier, by=None, now=LATE_EVENING, data=data, field="adopted_on")
    plan = ActionPlan.objects.get(dossier=dossier)
    assert (plan.adopted_on, plan.accorded_on) == (datetime.date(2026, 1, 2), None)


def test_record_plan_date_without_a_decision_date_takes_the_local_day_of_the_step(walk):
    dossier = walk(S.INCLUDED)
    wiring.record_plan_date(dossier, by=None, now=LATE_EVENING, data={}, field="accorded_on")
    plan = ActionPlan.objects.get(dossier=dossier)
    assert (plan.adopted_on, plan.accorded_on) == (None, datetime.date(2026, 1, 6))


def test_the_notice_names_the_dossier_number_in_subject_and_body(
    users, walk, django_capture_on_commit_callbacks
):
    users["secretaris"].email = "secretaris@test.ipga.invalid"
    users["secretaris"].save()
    dossier = walk(S.INCLUDED)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        wiring.notify_secretaries(
            dossier,
            by=users["regisseur"],
            now=LATE_EVENING,
            data={},
            subject="Onderwerp %(ref)s",
            body="Tekst over %(ref)s.",
        )
    [notice] = mail.outbox
    assert notice.subject == f"Onderwerp {dossier.reference}"
    assert notice.body == f"Tekst over {dossier.reference}."
    assert notice.to == ["secretaris@test.ipga.invalid"]


@pytest.mark.parametrize(
    ("notice", "subject_text", "body_text"),
    [
        ("PLAN_READY_NOTICE", "gereed voor het ITAT-R", "Zet het op de agenda."),
        ("DEFINITIVE_NOTICE", "definitief, gereed voor het Regieoverleg", "Regieoverleg"),
        ("CLOSURE_NOTICE", "afsluitvoorstel", "agenda van het ITAT-R"),
    ],
)
def test_each_notice_has_its_own_text_with_the_dossier_number(
    users, walk, django_capture_on_commit_callbacks, notice, subject_text, body_text
):
    users["secretaris"].email = "secretaris@test.ipga.invalid"
    users["secretaris"].save()
    dossier = walk(S.INCLUDED)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        getattr(wiring, notice)(dossier, by=users["regisseur"], now=LATE_EVENING, data={})
    [sent] = mail.outbox
    assert subject_text in sent.subject and dossier.reference in sent.subject
    assert body_text in sent.body and dossier.reference in sent.body

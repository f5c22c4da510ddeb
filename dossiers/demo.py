"""Deterministic, fictional demo data: organisations' users per role, subjects and dossiers.

Names and addresses come from Faker (nl_NL) with a fixed seed: invented, never real people.
Dossiers are spread over every state; each gets the status history of a path through the
transition table, so the demo is consistent with the state machine without calling it 10,000
times (bulk inserts keep ``--dossiers 10000`` fast).
"""

import datetime
import functools
import random
from collections import deque
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from faker import Faker

from dossiers import roles
from dossiers.demo_access_log import demo_access_log_create
from dossiers.demo_journal import demo_journal_create
from dossiers.demo_plan import demo_plans_create
from dossiers.meetings.agenda import agenda_item_add
from dossiers.meetings.selectors import agenda_proposals
from dossiers.models import (
    Dossier,
    DossierStatusChange,
    Meeting,
    MeetingKind,
    MeetingStatus,
    NotificationLetter,
    Subject,
    User,
)
from dossiers.workflow.states import ACTIVE_STATES, INTAKE_STATES, DossierState
from dossiers.workflow.transitions import TRANSITIONS
from snippets.models import Organisation

DEMO_PASSWORD_SUFFIX = "-demo-2026"  # noqa: S105 (development-only demo logins)
AGENDA_ITEMS = 8  # at most this many dossiers on each of the next agendas


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: str
    organisation: str


DEMO_USERS = [
    DemoUser("map", "Mira", "Aksoy", roles.INTAKE, "MAP"),
    DemoUser("politie", "Pieter", "Verhoef", roles.POLICE_INTAKE, "Politie"),
    DemoUser("voorportaal", "Vera", "Dijkstra", roles.PRE_ASSESSMENT, "MAP"),
    DemoUser("regieoverleg", "Ruud", "Hoekstra", roles.STEERING_MEMBER, "OOV"),
    DemoUser("secretaris", "Sanne", "Brouwer", roles.SECRETARY, "AcVZ"),
    DemoUser("regisseur", "Ravi", "Bakker", roles.CASE_DIRECTOR, "Reclassering"),
    DemoUser("regisseur2", "Roos", "Mulder", roles.CASE_DIRECTOR, "JBRA"),
    DemoUser("regisseur3", "Rachid", "El Idrissi", roles.CASE_DIRECTOR, "Reclassering"),
    DemoUser("regisseur4", "Renate", "Visser", roles.CASE_DIRECTOR, "Streetcornerwork"),
    DemoUser("itatr", "Ilse", "de Graaf", roles.ADVISORY_MEMBER, "Reclassering"),
    DemoUser("programmateam", "Paul", "Smit", roles.PROGRAMME_TEAM, "AcVZ"),
    DemoUser("beheer", "Bea", "Jansen", roles.ADMINISTRATOR, "AcVZ"),
    DemoUser("privacy", "Priya", "Wouters", roles.PRIVACY_OFFICER, "AcVZ"),
]


def demo_password(username: str) -> str:
    """The development password of a demo user; printed by ``make run``, never used in prod."""
    return f"{username}{DEMO_PASSWORD_SUFFIX}"


@functools.cache
def path_to(target: str) -> tuple[tuple[str, str], ...]:
    """The shortest path of (source, target) steps from REGISTERED to ``target`` in the table."""
    start = DossierState.REGISTERED
    previous: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        state = queue.popleft()
        for step in TRANSITIONS:
            if step.source == state and step.target not in previous:
                previous[step.target] = state
                queue.append(step.target)
    steps = []
    node = target
    while previous.get(node) is not None:
        steps.append((previous[node], node))
        node = previous[node]
    return tuple(reversed(steps))


def _users(password_for) -> dict[str, User]:
    organisations = {o.short_name: o for o in Organisation.objects.all()}
    groups = {g.name: g for g in Group.objects.filter(name__in=roles.ALL_ROLES)}
    users = {}
    for demo in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=demo.username,
            defaults={
                "first_name": demo.first_name,
                "last_name": demo.last_name,
                "email": f"{demo.username}@demo.ipga.invalid",
                "organisation": organisations[demo.organisation],
            },
        )
        if created:
            user.set_password(password_for(demo.username))
            user.save(update_fields=["password"])
        user.groups.add(groups[demo.role])
        users[demo.username] = user
    return users


def _subject(fake: Faker, rng: random.Random, today: datetime.date) -> Subject:
    gender = rng.choices(["m", "f", "x"], weights=[70, 27, 3])[0]
    first = fake.first_name_female() if gender == "f" else fake.first_name_male()
    age_days = rng.randint(13 * 365, 45 * 365)
    return Subject(
        first_name=first,
        last_name=fake.last_name(),
        birth_date=today - datetime.timedelta(days=age_days),
        gender=gender,
        street=fake.street_address(),
        postcode=fake.postcode(),
        city="Amsterdam",
    )


def _states_cycle(count: int, rng: random.Random) -> list[str]:
    states = [s.value for s in DossierState]
    weights = [8 if s in {DossierState.IN_EXECUTION, DossierState.INCLUDED} else 3 for s in states]
    chosen = states[:count] if count <= len(states) else list(states)
    chosen += rng.choices(states, weights=weights, k=max(0, count - len(states)))
    return chosen


def _number_in_order_of_registration(dossiers, paths, prefix: str, first: int) -> None:
    """Dossier numbers follow the day each dossier was registered, as in a real register."""
    by_start = sorted(zip(dossiers, paths, strict=True), key=lambda pair: pair[1][0])
    for number, (dossier, _path) in enumerate(by_start, start=first):
        dossier.reference = f"{prefix}{number:05d}"


@transaction.atomic
def demo_data_create(
    *, dossiers: int, seed: int, password_for=demo_password, journal: int = 0
) -> dict:
    """Create demo users and ``dossiers`` dossiers (every state at least once) from ``seed``,
    with about ``journal`` logbook lines per active dossier (``dossiers.demo_journal``)."""
    rng = random.Random(seed)
    fake = Faker("nl_NL")
    fake.seed_instance(seed)
    users = _users(password_for)
    directors = [u for name, u in users.items() if name.startswith("regisseur")]
    actor_for = {
        "triage_signal": users["map"],
        "assess_signal": users["voorportaal"],
        "decide_steering": users["secretaris"],
        "record_advisory_advice": users["secretaris"],
        "accord_plan": users["secretaris"],
        "archive_dossier": users["secretaris"],
    }
    permission_of = {(t.source, t.target): t.permission for t in TRANSITIONS}
    now = timezone.now()
    today = timezone.localdate()
    states = _states_cycle(dossiers, rng)

    subjects = Subject.objects.bulk_create(
        [_subject(fake, rng, today) for _ in states], batch_size=2000
    )
    year = today.year
    first_number = Dossier.objects.filter(reference__startswith=f"{year}-").count() + 1
    new_dossiers = []
    paths = []
    for index, (state, subject) in enumerate(zip(states, subjects, strict=True)):
        steps = path_to(state)
        # A running programme: most dossiers took their last step in the past weeks (on time),
        # a few have waited long (overdue); dates relative to today, never to a fixed year.
        waited = rng.randint(1, 20) if rng.random() < 0.92 else rng.randint(40, 120)
        start = now - datetime.timedelta(days=14 * len(steps) + waited)
        director = rng.choice(directors) if index % 3 else directors[0]
        included = any(target == DossierState.INCLUDED for _, target in steps)
        dossier = Dossier(
            reference=f"{year}-{first_number + index:05d}",
            subject=subject,
            state=state,
            urgent=rng.random() < 0.1,
            case_director=director if included else None,
            case_director_organisation_id=director.organisation_id if included else None,
            state_changed_at=start + datetime.timedelta(days=14 * len(steps)),
        )
        new_dossiers.append(dossier)
        paths.append((start, steps))
    _number_in_order_of_registration(new_dossiers, paths, f"{year}-", first_number)
    Dossier.objects.bulk_create(new_dossiers, batch_size=2000)

    history = []
    for dossier, (start, steps) in zip(new_dossiers, paths, strict=True):
        dossier.created_at = start  # registered with its first signal, not when the demo ran
        history.append(
            DossierStatusChange(
                dossier=dossier,
                from_state="",
                to_state=DossierState.REGISTERED,
                by=users["map"],
                at=start,
                note="Melding geregistreerd (demo).",
            )
        )
        for number, (source, target) in enumerate(steps, start=1):
            at = start + datetime.timedelta(days=14 * number)
            permission = permission_of[(source, target)]
            by = dossier.case_director if permission == "direct_dossier" else actor_for[permission]
            if permission == "archive_dossier" and source in INTAKE_STATES:
                by = users["map"]
            history.append(
                DossierStatusChange(
                    dossier=dossier, from_state=source, to_state=target, by=by, at=at, note=""
                )
            )
            if target == DossierState.INCLUDED:
                dossier.included_on = timezone.localdate(at)
            if target == DossierState.PLAN_ADVISED and dossier.advised_on is None:
                dossier.advised_on = timezone.localdate(at)
            if target == DossierState.CLOSED:
                dossier.closed_on = timezone.localdate(at)
    DossierStatusChange.objects.bulk_create(history, batch_size=2000)
    _obligation_due_soon(new_dossiers, today)
    Dossier.objects.bulk_update(
        new_dossiers, ["created_at", "included_on", "advised_on", "closed_on"], batch_size=2000
    )
    _letters(new_dossiers, rng, today, users["map"])
    demo_plans_create(dossiers=new_dossiers, paths=paths, rng=rng, secretary=users["secretaris"])
    lines = demo_journal_create(dossiers=new_dossiers, per_dossier=journal, rng=rng)
    _meetings_and_reminders()
    _next_agendas(users["secretaris"])
    _partner_export_profile()
    demo_access_log_create(dossiers=new_dossiers, users=users, rng=rng)
    # Bulk-created rows send no signals: store every dossier's deadlines and terms once, at the
    # end.
    from dossiers.services.deadlines import deadlines_refresh
    from dossiers.services.terms import terms_refresh

    deadlines_refresh(dossier_ids=[d.pk for d in new_dossiers])
    terms_refresh(dossier_ids=[d.pk for d in new_dossiers])
    return {
        "users": users,
        "dossiers": len(new_dossiers),
        "history": len(history),
        "journal": lines,
    }


def _obligation_due_soon(dossiers, today: datetime.date) -> None:
    """One included dossier whose notification letter is due in 5 days: a visible reminder."""
    for dossier in dossiers:
        if dossier.state == DossierState.INCLUDED:
            dossier.included_on = today - datetime.timedelta(days=16)
            return


def _letters(dossiers, rng: random.Random, today: datetime.date, by) -> None:
    """The subject's notification letter of every active dossier: sent (a few late) once the
    inclusion is 3 weeks old, still open for the newer ones. No PDF: demo rows only."""
    letters = []
    for dossier in dossiers:
        if dossier.state not in ACTIVE_STATES or dossier.included_on is None:
            continue
        subject = dossier.subject
        letter = NotificationLetter(
            dossier=dossier,
            recipient_kind="subject",
            recipient_subject=subject,
            recipient_name=f"{subject.first_name} {subject.last_name}",
            street=subject.street,
            postcode=subject.postcode,
            city=subject.city,
        )
        if (today - dossier.included_on).days > 21:
            letter.sent_on = dossier.included_on + datetime.timedelta(days=rng.randint(3, 24))
            letter.route = "post"
            letter.sent_by = by
            letter.send_note = "demo"
        letters.append(letter)
    NotificationLetter.objects.bulk_create(letters, batch_size=2000)


def _next_agendas(secretary) -> None:
    """The secretary has put what is due on the next ITAT-R and Regieoverleg agendas, as in a
    running programme: each role's start page then shows its part of the next meetings."""
    today = timezone.localdate()
    for kind in (MeetingKind.ADVISORY, MeetingKind.STEERING):
        meeting = (
            Meeting.objects.filter(series__kind=kind, date__gte=today, status=MeetingStatus.PLANNED)
            .order_by("date")
            .first()
        )
        if meeting is None:
            continue
        for proposal in agenda_proposals(meeting=meeting, user=secretary)[:AGENDA_ITEMS]:
            agenda_item_add(
                meeting=meeting, dossier=proposal.dossier, kind=proposal.kind, by=secretary
            )


def _meetings_and_reminders() -> None:
    """Generate the meeting calendar and let the worker run the reminder scan right away."""
    from django_q.models import Schedule

    from dossiers.meetings.services import meetings_generate

    meetings_generate()
    Schedule.objects.filter(func="dossiers.tasks.reminder_scan").update(next_run=timezone.now())


def _partner_export_profile() -> None:
    """One partner with an export profile: the organisation that carries out most items."""
    from django.db.models import Count

    from dossiers.models import PlanItem
    from reports.models import PartnerExportProfile

    busiest = (
        PlanItem.objects.exclude(implementer_organisation=None)
        .values_list("implementer_organisation")
        .annotate(n=Count("pk"))
        .order_by("-n", "implementer_organisation")
        .first()
    )
    if busiest:
        PartnerExportProfile.objects.get_or_create(
            organisation_id=busiest[0],
            defaults={
                "columns": ["dossier", "intervention", "implementer", "planned_start", "status"]
            },
        )

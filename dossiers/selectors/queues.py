"""Reads for the start page: what is waiting for each role, one bounded query per queue.

Each queue counts in SQL and fetches at most ``ROWS`` rows; its "alle N tonen" link opens the
listing with the same filter. Dates come from the stored deadlines (``DossierDeadline`` and
``Dossier.next_due_on``, written from the obligations engine), never worked out here.
"""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dossiers import access
from dossiers.letters.selectors import letter_list_for
from dossiers.models import AgendaItem, Dossier, Meeting, MeetingKind, MeetingStatus, ObligationKind
from dossiers.workflow.states import DossierState as S

ROWS = 10
HORIZON = datetime.timedelta(weeks=4)
WEEK = datetime.timedelta(days=7)

# Who takes the next step from each state, and what it is (the process picture, in words).
NEXT_STEP = {
    S.REGISTERED: gettext_lazy("MAP: eerste beoordeling van de melding"),
    S.PRE_ASSESSMENT: gettext_lazy("Voorportaal: duiden en advies aan het Regieoverleg"),
    S.ON_HOLD: gettext_lazy("Voorportaal: aanvullen en opnieuw voorleggen"),
    S.AWAITING_DECISION: gettext_lazy("Regieoverleg: besluiten over opname"),
    S.INCLUDED: gettext_lazy("Regisseur: conceptplan gereed melden voor het ITAT-R"),
    S.PLAN_SUBMITTED: gettext_lazy("ITAT-R: advies over het plan"),
    S.PLAN_ADVISED: gettext_lazy("Regisseur: plan definitief maken"),
    S.PLAN_DEFINITIVE: gettext_lazy("Regieoverleg: plan vaststellen"),
    S.PLAN_ADOPTED: gettext_lazy("Secretaris: plan accorderen"),
    S.IN_EXECUTION: gettext_lazy("Regisseur: uitvoeren, UVO's en evaluaties"),
    S.CLOSURE_PROPOSED: gettext_lazy("ITAT-R: advies over afbouw of afsluiting"),
    S.CLOSURE_ADVISED: gettext_lazy("Regieoverleg: besluiten over afbouw of afsluiting"),
    S.WINDING_DOWN: gettext_lazy("Regisseur: afsluitvoorstel indienen"),
    S.CLOSED: gettext_lazy("Secretaris: archiveren na de bewaartermijn"),
    S.NOT_INCLUDED: gettext_lazy("Secretaris: archiveren"),
    S.TRIAGE_CLOSED: gettext_lazy("MAP: archiveren"),
    S.REGULAR_TRACK: gettext_lazy("MAP: archiveren"),
}
DECISION_STATES = (S.AWAITING_DECISION, S.PLAN_DEFINITIVE, S.CLOSURE_ADVISED)


def next_step_label(state: str) -> Promise | str:
    """Who takes the dossier's next step and what it is; empty for archived dossiers."""
    return NEXT_STEP.get(state, "")


def next_due_label(kind: str) -> Promise | str:
    return ObligationKind(kind).label if kind else ""


@dataclass
class QueueRow:
    label: str
    url: str
    what: str = ""
    when: datetime.date | None = None
    detail: str = ""
    overdue: bool = False


@dataclass
class WorkQueue:
    key: str
    title: str
    count: int
    rows: list[QueueRow] = field(default_factory=list)
    all_url: str = ""
    empty: str = ""
    columns: tuple[str, str, str] = ("", "", "")

    @property
    def more(self) -> bool:
        return self.count > len(self.rows)


def dossier_index_url(**params) -> str:
    return f"{reverse('dossiers:index')}?{urlencode(params, doseq=True)}"


def _dossier_rows(queryset: QuerySet[Dossier], row) -> list[QueueRow]:
    return [row(d) for d in queryset[:ROWS]]


def _waiting(dossier: Dossier, on: datetime.date) -> str:
    if dossier.state_changed_at is None:
        return ""
    days = (on - dossier.state_changed_at.date()).days
    return _("%(days)s dagen wachtend") % {"days": days}


def _state_queue(user, on, *, key, title, states, empty, oldest_first=True) -> WorkQueue:
    queryset = access.dossiers_for(user).filter(state__in=states)
    order = "state_changed_at" if oldest_first else "-state_changed_at"
    rows = _dossier_rows(
        queryset.order_by(order, "pk"),
        lambda d: QueueRow(
            label=d.reference,
            url=reverse("dossiers:inspect", args=[d.pk]),
            what=d.get_state_display(),
            when=d.state_changed_at.date() if d.state_changed_at else None,
            detail=_waiting(d, on),
        ),
    )
    return WorkQueue(
        key=key,
        title=title,
        count=queryset.count(),
        rows=rows,
        all_url=dossier_index_url(state=list(states), ordering="state_changed_at"),
        empty=empty,
        columns=(_("Dossier"), _("Status"), _("Sinds")),
    )


def _signals(user, on) -> WorkQueue:
    return _state_queue(
        user,
        on,
        key="signals",
        title=_("Nieuwe meldingen om te beoordelen"),
        states=[S.REGISTERED],
        empty=_("Er wachten geen meldingen op een eerste beoordeling."),
    )


def _letters(user, on) -> WorkQueue:
    queryset = letter_list_for(user=user).filter(sent_on__isnull=True)
    rows = [
        QueueRow(
            label=letter.dossier.reference,
            url=reverse("letters:register", args=[letter.dossier_id]),
            what=letter.get_recipient_kind_display(),
            when=letter.due_on,
            detail=_("gemaakt") if letter.file else _("nog maken"),
            overdue=letter.due_on is not None and letter.due_on < on,
        )
        for letter in queryset[:ROWS]
    ]
    return WorkQueue(
        key="letters",
        title=_("Brieven om te maken en te versturen"),
        count=queryset.count(),
        rows=rows,
        all_url=f"{reverse('letters:index')}?status=open",
        empty=_("Alle notificatiebrieven zijn verzonden."),
        columns=(_("Dossier"), _("Ontvanger"), _("Uiterste datum")),
    )


def _pre_assessment(user, on) -> WorkQueue:
    return _state_queue(
        user,
        on,
        key="pre_assessment",
        title=_("In duiding en aangehouden"),
        states=[S.PRE_ASSESSMENT, S.ON_HOLD],
        empty=_("Er zijn geen dossiers in duiding of aangehouden."),
    )


def _awaiting_decision(user, on) -> WorkQueue:
    return _state_queue(
        user,
        on,
        key="decisions",
        title=_("Wachten op een besluit van het Regieoverleg"),
        states=list(DECISION_STATES),
        empty=_("Er wachten geen dossiers op een besluit."),
    )


def _to_accord(user, on) -> WorkQueue:
    return _state_queue(
        user,
        on,
        key="accord",
        title=_("Vastgestelde plannen om te accorderen"),
        states=[S.PLAN_ADOPTED],
        empty=_("Er zijn geen plannen om te accorderen."),
    )


def _next_meetings(user, on) -> WorkQueue:
    rows = []
    for kind in (MeetingKind.ADVISORY, MeetingKind.STEERING):
        meeting = (
            Meeting.objects.filter(series__kind=kind, date__gte=on, status=MeetingStatus.PLANNED)
            .select_related("series")
            .annotate(item_count=Count("items"))
            .order_by("date")
            .first()
        )
        if meeting is None:
            continue
        if meeting.agenda_published_at:
            state = _("agenda verstuurd")
        elif meeting.agenda_due_date < on:
            state = _("agenda nog niet verstuurd, te laat")
        else:
            state = _("agenda nog niet verstuurd")
        rows.append(
            QueueRow(
                label=str(meeting),
                url=reverse("agendas:detail", args=[meeting.pk]),
                what=_("%(count)s agendapunten, %(state)s")
                % {"count": meeting.item_count, "state": state},
                when=meeting.agenda_due_date,
                overdue=not meeting.agenda_published_at and meeting.agenda_due_date < on,
            )
        )
    return WorkQueue(
        key="meetings",
        title=_("Volgende vergaderingen"),
        count=len(rows),
        rows=rows,
        all_url=reverse("agendas:index"),
        empty=_("Er zijn geen vergaderingen gepland."),
        columns=(_("Vergadering"), _("Agenda"), _("Agenda versturen vóór")),
    )


def _undecided_items(user, on) -> WorkQueue:
    queryset = (
        access.children_for(user, AgendaItem.objects.all())
        .filter(decision="", meeting__date__lte=on)
        .exclude(meeting__status=MeetingStatus.CANCELLED)
        .select_related("meeting__series", "dossier")
        .order_by("meeting__date", "position", "pk")
    )
    rows = [
        QueueRow(
            label=item.dossier.reference,
            url=reverse("agendas:detail", args=[item.meeting_id]),
            what=f"{item.meeting}: {item.get_kind_display()}",
            when=item.meeting.date,
        )
        for item in queryset[:ROWS]
    ]
    return WorkQueue(
        key="undecided",
        title=_("Agendapunten zonder besluit"),
        count=queryset.count(),
        rows=rows,
        all_url=reverse("agendas:index"),
        empty=_("Alle besproken agendapunten hebben een besluit."),
        columns=(_("Dossier"), _("Vergadering en punt"), _("Datum")),
    )


def _my_deadlines(user, on) -> WorkQueue:
    queryset = access.directed_dossiers_for(user).filter(next_due_on__lte=on + HORIZON)
    rows = _dossier_rows(
        queryset.order_by("next_due_on", "pk"),
        lambda d: QueueRow(
            label=d.reference,
            url=reverse("dossiers:inspect", args=[d.pk]),
            what=str(next_due_label(d.next_due_kind)),
            when=d.next_due_on,
            detail=str(next_step_label(d.state)),
            overdue=d.next_due_on < on,
        ),
    )
    return WorkQueue(
        key="deadlines",
        title=_("Mijn termijnen in de komende vier weken"),
        count=queryset.count(),
        rows=rows,
        all_url=dossier_index_url(mine="true", due="four_weeks", ordering="next_due_on"),
        empty=_("Er zijn geen termijnen in de komende vier weken."),
        columns=(_("Dossier"), _("Volgende termijn"), _("Uiterste datum")),
    )


def _organisation_items(user, on) -> WorkQueue:
    meeting = (
        Meeting.objects.filter(
            series__kind=MeetingKind.ADVISORY, date__gte=on, status=MeetingStatus.PLANNED
        )
        .select_related("series")
        .order_by("date")
        .first()
    )
    queryset = (
        access.children_for(user, AgendaItem.objects.filter(meeting=meeting))
        .filter(dossier__case_director_organisation_id=user.organisation_id)
        .select_related("dossier")
        .order_by("position", "pk")
        if meeting
        else AgendaItem.objects.none()
    )
    rows = [
        QueueRow(
            label=item.dossier.reference,
            url=reverse("dossiers:inspect", args=[item.dossier_id]),
            what=item.get_kind_display(),
            when=meeting.date,
        )
        for item in queryset[:ROWS]
    ]
    title = (
        _("Uw organisatie op het ITAT-R van %(date)s") % {"date": f"{meeting.date:%d-%m-%Y}"}
        if meeting
        else _("Uw organisatie op het volgende ITAT-R")
    )
    return WorkQueue(
        key="advisory",
        title=title,
        count=queryset.count(),
        rows=rows,
        all_url=reverse("agendas:detail", args=[meeting.pk]) if meeting else "",
        empty=_("Er staan geen dossiers van uw organisatie op de agenda."),
        columns=(_("Dossier"), _("Agendapunt"), _("Vergadering")),
    )


def _account_queue(key, title, select, empty):
    def build(user, on) -> WorkQueue:
        from django.contrib.auth import get_user_model

        queryset = select(get_user_model().objects.all()).order_by("last_name", "first_name")
        rows = [
            QueueRow(
                label=account.get_full_name() or account.get_username(),
                url=reverse("wagtailusers_users:edit", args=[account.pk]),
                what=account.get_username(),
                when=account.last_login.date() if account.last_login else None,
            )
            for account in queryset[:ROWS]
        ]
        return WorkQueue(
            key=key,
            title=title,
            count=queryset.count(),
            rows=rows,
            all_url=f"{reverse('wagtailusers_users:index')}?account={key}",
            empty=empty,
            columns=(_("Naam"), _("Gebruikersnaam"), _("Laatst ingelogd")),
        )

    return build


def _accounts_queues():
    from dossiers.selectors.accounts import (
        users_inactive,
        users_locked,
        users_without_second_factor,
    )

    return (
        (
            "dossiers.change_user",
            _account_queue(
                "no_second_factor",
                gettext_lazy("Gebruikers zonder tweede factor"),
                users_without_second_factor,
                gettext_lazy("Iedereen heeft een tweede factor ingesteld."),
            ),
        ),
        (
            "dossiers.change_user",
            _account_queue(
                "locked",
                gettext_lazy("Geblokkeerde accounts"),
                users_locked,
                gettext_lazy("Er zijn geen geblokkeerde accounts."),
            ),
        ),
        (
            "dossiers.change_user",
            _account_queue(
                "inactive",
                gettext_lazy("Langer dan 90 dagen niet gebruikt"),
                users_inactive,
                gettext_lazy("Alle accounts zijn de afgelopen 90 dagen gebruikt."),
            ),
        ),
    )


# Which queues a role sees, by permission (roles are data). Order is the order on the page.
QUEUES = (
    ("dossiers.triage_signal", _signals),
    ("dossiers.send_letters", _letters),
    ("dossiers.assess_signal", _pre_assessment),
    ("dossiers.manage_agenda", _next_meetings),
    ("dossiers.manage_agenda", _undecided_items),
    ("dossiers.accord_plan", _to_accord),
    ("dossiers.decide_steering", _awaiting_decision),
    ("dossiers.direct_dossier", _my_deadlines),
    ("dossiers.advise_organisation_dossiers", _organisation_items),
    *_accounts_queues(),
)


# Queues that other apps add from their AppConfig.ready() (the monitor's access review): this
# module then needs no import of theirs, so the dependency keeps pointing from them to here.
_REGISTERED: list = []


def register_queue(permission: str, build) -> None:
    """Add ``build(user, on) -> WorkQueue`` to the start page of users with ``permission``."""
    if (permission, build) not in _REGISTERED:
        _REGISTERED.append((permission, build))


def work_queues_for(*, user, on: datetime.date) -> list[WorkQueue]:
    """The queues of ``user``'s role, each counted and bounded in SQL."""
    return [
        build(user, on)
        for permission, build in (*QUEUES, *_REGISTERED)
        if access.has_permission(user, permission)
    ]

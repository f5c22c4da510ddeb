"""Keeps the stored deadlines current: the events that change what the engine works out.

A step of the state machine writes a history row; a letter sent, a UVO held or an evaluation
recorded fulfils an obligation; a moved meeting or a changed setting moves due dates. Each
refreshes the stored copy (``dossiers.services.deadlines``) in the same transaction. A step, a
UVO and an evaluation also refresh the terms the monitor counts (``dossiers.services.terms``).
A step also resolves the open agenda items it answers (``agenda_items_follow_step``).
Connected in ``DossiersConfig.ready``.
"""

from django.db.models.signals import post_delete, post_save

from dossiers.workflow.states import ACTIVE_STATES


def _step_taken(sender, instance, created, raw=False, **kwargs):
    if raw or not created:
        return
    if instance.to_state in ACTIVE_STATES or instance.from_state in ACTIVE_STATES:
        from dossiers.services.deadlines import deadlines_refresh
        from dossiers.services.terms import terms_refresh

        deadlines_refresh(dossier_ids=[instance.dossier_id])
        # The state on a UVO's day and the adoption (the execution states are active ones).
        terms_refresh(dossier_ids=[instance.dossier_id])


def _agenda_follows(sender, instance, created, raw=False, **kwargs):
    if raw or not created or not instance.from_state:
        return
    from dossiers.meetings.decisions import agenda_items_follow_step

    agenda_items_follow_step(change=instance)


def _fulfilled(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from dossiers.services.deadlines import deadlines_refresh

    deadlines_refresh(dossier_ids=[instance.dossier_id])


def _term_held(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from dossiers.services.terms import terms_refresh

    terms_refresh(dossier_ids=[instance.dossier_id])


def _calendar_or_settings_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from dossiers.services.deadlines import deadlines_refresh_active

    deadlines_refresh_active()


def connect() -> None:
    from dossiers.models import (
        CaseMeeting,
        DossierStatusChange,
        Evaluation,
        Meeting,
        MeetingSeries,
        NotificationLetter,
        ProgrammeSettings,
    )

    post_save.connect(_step_taken, sender=DossierStatusChange, dispatch_uid="deadlines-step")
    # The agenda follows a decision recorded on the dossier (and the dossier follows the agenda
    # through ``agenda_item_decide``).
    post_save.connect(_agenda_follows, sender=DossierStatusChange, dispatch_uid="agenda-follows")
    for model in (NotificationLetter, CaseMeeting, Evaluation):
        uid = f"deadlines-{model._meta.model_name}"
        post_save.connect(_fulfilled, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_fulfilled, sender=model, dispatch_uid=f"{uid}-delete")
    for model in (CaseMeeting, Evaluation):
        uid = f"terms-{model._meta.model_name}"
        post_save.connect(_term_held, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_term_held, sender=model, dispatch_uid=f"{uid}-delete")
    for model in (Meeting, MeetingSeries, ProgrammeSettings):
        uid = f"deadlines-{model._meta.model_name}"
        post_save.connect(_calendar_or_settings_changed, sender=model, dispatch_uid=uid)

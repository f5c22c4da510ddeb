"""Intake: registering a signal (with the duplicate check) and its first assessment (triage)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers import access
from dossiers.models import Dossier, Signal, SignalAttachment, SourceType, Subject, Urgency
from dossiers.selectors.duplicates import duplicate_candidates
from dossiers.uploads import validate_upload
from dossiers.workflow.services import TransitionNotAllowed, dossier_create, dossier_transition
from dossiers.workflow.states import DossierState

REPORTER_FIELDS = ("reporter_name", "reporter_organisation", "reporter_contact")


def signal_data_errors(data: dict) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    received_on = data.get("received_on")
    if received_on and received_on > timezone.localdate():
        errors["received_on"] = [_("De ontvangstdatum kan niet in de toekomst liggen.")]
    birth_date = data.get("person_birth_date")
    if birth_date and birth_date > timezone.localdate():
        errors["person_birth_date"] = [_("De geboortedatum kan niet in de toekomst liggen.")]
    if data.get("source_type") == SourceType.ANONYMOUS:
        for field in REPORTER_FIELDS:
            if (data.get(field) or "").strip():
                errors[field] = [
                    _("Bij een anonieme melding worden geen gegevens van de melder vastgelegd.")
                ]
    elif not (data.get("reporter_name") or "").strip():
        errors["reporter_name"] = [_("Vul de naam van de melder in (of kies ‘Anoniem’).")]
    if bool(data.get("person_first_name")) != bool(data.get("person_last_name")):
        errors["person_last_name"] = [
            _("Vul voor- en achternaam van de betrokkene allebei in, of allebei niet.")
        ]
    return errors


def _check_link_target(data: dict, link_to: Dossier) -> None:
    candidates = duplicate_candidates(
        first_name=data.get("person_first_name", ""),
        last_name=data.get("person_last_name", ""),
        birth_date=data.get("person_birth_date"),
    )
    if link_to.pk not in {c.dossier_id for c in candidates}:
        raise ValidationError({"link_to": [_("Dit dossier komt niet overeen met de betrokkene.")]})


@transaction.atomic
def signal_register(*, by, data: dict, attachments=(), link_to: Dossier | None = None) -> Signal:
    """Register a signal: a new case, or a new signal on the known case the user chose to link."""
    if not access.has_permission(by, "dossiers.register_signal"):
        raise ValidationError(_("U mag geen meldingen registreren."))
    errors = signal_data_errors(data)
    for upload in attachments:
        try:
            validate_upload(upload)
        except ValidationError as error:
            errors.setdefault("attachments", []).extend(error.messages)
    if errors:
        raise ValidationError(errors)
    if link_to is not None:
        _check_link_target(data, link_to)
        dossier = link_to
    else:
        subject = None
        if data.get("person_first_name"):
            subject = Subject.objects.create(
                first_name=data["person_first_name"],
                last_name=data["person_last_name"],
                birth_date=data.get("person_birth_date"),
            )
        dossier = dossier_create(
            by=by,
            subject=subject,
            urgent=data.get("urgency") == Urgency.URGENT,
            note=_("Melding geregistreerd."),
        )
    fields = {f.name for f in Signal._meta.concrete_fields}
    signal = Signal.objects.create(
        dossier=dossier,
        registered_by=by,
        **{k: v for k, v in data.items() if k in fields and v is not None},
    )
    for upload in attachments:
        SignalAttachment.objects.create(signal=signal, file=upload, original_name=upload.name[:255])
    return signal


TRIAGE_OUTCOMES = (
    DossierState.TRIAGE_CLOSED,
    DossierState.REGULAR_TRACK,
    DossierState.PRE_ASSESSMENT,
)


@transaction.atomic
def signal_triage(
    *,
    dossier: Dossier,
    outcome: str,
    by,
    close_reason: str = "",
    destination: str = "",
    note: str = "",
) -> Dossier:
    """The first assessment: exactly one outcome, recorded on the signal and as a step."""
    if outcome not in TRIAGE_OUTCOMES:
        raise TransitionNotAllowed([_("Kies één van de drie uitkomsten.")])
    dossier_transition(
        dossier=dossier,
        to=outcome,
        by=by,
        note=note,
        close_reason=close_reason,
        destination=destination,
    )
    signal = dossier.signals.order_by("-received_on", "-pk").first()
    if signal is not None:
        signal.triage_close_reason = close_reason if outcome == DossierState.TRIAGE_CLOSED else ""
        signal.regular_track_destination = (
            destination if outcome == DossierState.REGULAR_TRACK else ""
        )
        signal.save(update_fields=["triage_close_reason", "regular_track_destination"])
    return dossier

"""Baseline data for URL walkers, and real objects for every URL parameter.

Every object that belongs to a dossier is taken from ``World.foreign_dossier``: a dossier in
execution directed by a case director of ANOTHER organisation, so the role ``regisseur`` (and
every role without it in scope) must get 404 on it.
"""

import io
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.log_actions import log

from dossiers.models import (
    AccessAction,
    AccessLogEntry,
    AgendaItem,
    DeletionLogEntry,
    Dossier,
    Meeting,
    MeetingSeries,
    SignalAttachment,
)
from dossiers.workflow.states import DossierState
from tests.conftest import walk_dossier
from tests.factories.dossiers import (
    ROLE_KEYS,
    OrganisationFactory,
    SignalFactory,
    UserFactory,
    role_user,
)
from tests.harness import visibility
from tests.harness.urls import UrlCase
from tests.harness.viewsets import models_by_namespace

MISSING_PK = 987654

# URL namespaces whose views reach further than the dossier scope, on purpose: the MAP makes
# and registers the letters of every active dossier (``tests.harness.visibility``).
WIDER_SCOPES = {"letters"}


@dataclass
class World:
    users: dict
    other_director: object
    foreign_dossier: Dossier
    objects: dict = field(default_factory=dict)  # model -> instance to use for its pk
    extra_users: dict = field(default_factory=dict)  # not matrix columns (see Requester)

    def roles_seeing(self, dossier, *, namespace: str = "") -> set[str]:
        """The roles whose scope holds ``dossier`` by the hand-written table
        (``tests.harness.visibility``, never ``dossiers.access``); for a URL namespace with a
        deliberately wider scope (``WIDER_SCOPES``) the roles reaching it that way too."""
        letters = namespace in WIDER_SCOPES
        return {
            key
            for key, user in self.users.items()
            if visibility.sees(key, user, dossier, letters=letters)
        }


def _png() -> ImageFile:
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (2, 2), "white").save(buffer, "PNG")
    return ImageFile(buffer, name="matrix.png")


def _content_objects(foreign: Dossier, director) -> dict:
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    Document, Image = get_document_model(), get_image_model()
    document = Document.objects.create(title="Matrix", file=ContentFile(b"x", name="matrix.txt"))
    image = Image.objects.create(title="Matrix", file=_png())
    return {
        Document: document,
        Image: image,
        Redirect: Redirect.objects.create(old_path="/matrix-oud", redirect_link="/"),
        Page: Page.objects.filter(depth=2).first() or Page.objects.first(),
        type(director): director,
    }


def _execution_objects(foreign: Dossier, director) -> None:
    """A logbook line, a contact, an agreement, an evaluation and a proposal of the dossier
    (its plan item and UVO come from the walk)."""
    import datetime

    from dossiers.execution.services import contact_save, journal_entry_add
    from dossiers.models import CaseMeeting, Judgement, PlanItem
    from dossiers.services.closure import evaluation_record
    from tests.factories.plan import closure_ready

    today = foreign.state_changed_at.date()
    journal_entry_add(
        dossier=foreign, by=director, kind="other", occurred_on=today, text="Matrixregel"
    )
    contact_save(
        dossier=foreign,
        by=director,
        data={"name": "Matrix Contact", "kind": "private", "role": "Oom"},
    )
    meeting = CaseMeeting.objects.get(dossier=foreign)
    meeting.agreements.create(
        dossier=foreign, description="Matrixafspraak", owner="Wijkteam", due_on=today
    )
    evaluation_record(
        dossier=foreign,
        by=director,
        evaluated_on=today - datetime.timedelta(days=1),
        judgement=Judgement.ON_TRACK,
        items=[{"plan_item": PlanItem.objects.filter(dossier=foreign).first(), "result": "Loopt"}],
    )
    closure_ready(foreign, director)


def build_world() -> World:
    organisation = OrganisationFactory(name="Reclassering Test", short_name="RT")
    other = OrganisationFactory(name="Jeugdbescherming Test", short_name="JT")
    users = {
        key: role_user(role, username=key, organisation=organisation)
        for key, role in ROLE_KEYS.items()
    }
    director = role_user(ROLE_KEYS["regisseur"], username="andere_regisseur", organisation=other)
    foreign = walk_dossier(users, DossierState.IN_EXECUTION, director)
    # A name no faker-made user or subject can share: walkers search pages for it.
    foreign.subject.first_name, foreign.subject.last_name = "Xandrijn", "Quospelaar-Matrix"
    foreign.subject.save(update_fields=["first_name", "last_name"])
    walk_dossier(users, DossierState.IN_EXECUTION, users["regisseur"])  # an own dossier too
    signal = SignalFactory(dossier=foreign, registered_by=users["map"])
    SignalAttachment.objects.create(
        signal=signal,
        file=ContentFile(b"%PDF-1.4", name="melding.pdf"),
        original_name="melding.pdf",
    )
    letter = foreign.letters.first()  # proposed on inclusion; give it a PDF to download
    letter.file.save("brief.pdf", ContentFile(b"%PDF-1.4"), save=True)
    _execution_objects(foreign, director)
    log(instance=foreign, action="wagtail.edit", user=director)
    _agenda_item(foreign)
    AccessLogEntry.objects.create(
        at=foreign.created_at,
        username=director.username,
        dossier_id_snapshot=foreign.pk,
        dossier_reference=foreign.reference,
        subject_name=str(foreign.subject),
        action=AccessAction.VIEW,
    )
    DeletionLogEntry.objects.create(
        deleted_at=foreign.created_at,
        dossier_reference="2020-00001",
        final_state=DossierState.CLOSED,
        ended_on=foreign.created_at.date(),
        retention_until=foreign.created_at.date(),
        rows={"dossiers.Dossier": 1},
        files=0,
    )
    world = World(users=users, other_director=director, foreign_dossier=foreign)
    world.extra_users = {
        "eigen_regisseur": director,
        "superuser": UserFactory(username="matrix_superuser", is_superuser=True, is_staff=True),
    }
    world.objects = _content_objects(foreign, director)
    world.objects.update(_import_objects(users))
    world.objects.update(_partner_export_objects(users, foreign))
    return world


def _agenda_item(foreign: Dossier) -> AgendaItem:
    """The foreign dossier escalated onto an ITAT-R agenda (agenda URLs take its pk)."""
    series = MeetingSeries.objects.get(kind="itatr")
    day = series.first_date
    meeting, _ = Meeting.objects.get_or_create(
        series=series,
        scheduled_on=day,
        defaults={"date": day, "start_time": series.start_time},
    )
    return AgendaItem.objects.create(meeting=meeting, dossier=foreign, kind="escalation")


def _import_objects(users) -> dict:
    """An import job of the programme team (only its uploader sees it) and one person on an
    other approach's list (seen by intake, the pre-assessment desk and administrators)."""
    import datetime

    from django.utils import timezone

    from reports.models import ImportJob, ImportKind, ImportStatus
    from snippets.models import OtherApproach, OtherApproachListEntry

    job = ImportJob.objects.create(
        kind=ImportKind.INTERVENTIONS,
        status=ImportStatus.PLANNED,
        file_name="catalogus.xlsx",
        created_by=users["programmateam"],
    )
    approach = OtherApproach.objects.order_by("pk").first() or OtherApproach.objects.create(
        name="Matrixaanpak", live=True
    )
    entry = OtherApproachListEntry.objects.create(
        other_approach=approach,
        reference="M-1",
        first_name="Matrix",
        last_name="Lijstpersoon",
        birth_date=datetime.date(2000, 1, 1),
        imported_at=timezone.now(),
        imported_by=users["beheer"],
    )
    return {ImportJob: job, OtherApproachListEntry: entry}


def _partner_export_objects(users, foreign) -> dict:
    """A partner's export profile, a finished partner export and a finished listing export of
    the secretary (only they see them)."""
    from django.core.files.base import ContentFile

    from reports.models import ListingExportJob, PartnerExportJob, PartnerExportProfile

    profile = PartnerExportProfile.objects.create(
        organisation=foreign.case_director_organisation, columns=["dossier"]
    )
    job = PartnerExportJob.objects.create(
        profile=profile, requested_by=users["secretaris"], status="done", total=1, processed=1
    )
    job.file.save("matrix.xlsx", ContentFile(b"PK"), save=True)
    listing_job = ListingExportJob.objects.create(
        requested_by=users["secretaris"],
        title="Ingezette interventies",
        path="/admin/interventies-in-plan/",
        filename="interventies",
        status="done",
        total=1,
        processed=1,
    )
    listing_job.file.save("matrix-lijst.xlsx", ContentFile(b"PK"), save=True)
    return {PartnerExportProfile: profile, PartnerExportJob: job, ListingExportJob: listing_job}


# Dossier fields whose target holds the dossier's personal data (reached from the dossier).
CASE_DATA_FIELDS = ("subject",)


def dossier_relation(model) -> str | None:
    """The lookup that links ``model`` to a dossier, or None when it holds no case data."""
    if model is Dossier:
        return "pk"
    if getattr(model, "holds_case_data", True) is False:
        return None
    for rel in model._meta.get_fields():
        if rel.related_model is not Dossier:
            continue
        if rel.concrete and (rel.many_to_one or rel.one_to_one):
            return rel.name
        if rel.auto_created and rel.field.name in CASE_DATA_FIELDS:
            return rel.name
    return None


def instance_for(world: World, model) -> tuple[object, bool]:
    """(pk to put in the URL, whether it is case data of the foreign dossier)."""
    lookup = dossier_relation(model)
    if lookup is not None:
        value = world.foreign_dossier.pk if lookup == "pk" else world.foreign_dossier
        obj = model._default_manager.filter(**{lookup: value}).first()
        if obj is None:
            raise LookupError(
                f"No {model.__name__} of the foreign dossier in the baseline: create one in "
                "tests/harness/world.py build_world()."
            )
        return obj.pk, True
    if model in world.objects:
        return world.objects[model].pk, False
    obj = model._default_manager.order_by("pk").first()
    return (obj.pk if obj else MISSING_PK), False


def _page_pk(world):
    from wagtail.models import Page

    return world.objects[Page].pk


# Values for URL parameters that are not the pk of a viewset's model.
KWARG_VALUES = {
    "app_label": "dossiers",
    "app_name": "dossiers",
    "model_name": "dossier",
    "content_type_app_name": "wagtailcore",
    "content_type_model_name": "page",
    "action": "delete",
    "action_name": "approve",
    "filter_spec": "original",
    "uidb64": "MQ",
    "token": "abc-123",
    "revision_id_a": "earliest",
    "revision_id_b": "latest",
    "import_kind": "interventies",
    "year": 2026,  # the access review's month (access_review:month)
    "month": 1,
}
PAGE_KWARGS = {"page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk"}
MODEL_KWARGS = {
    "document_id": "wagtaildocs.Document",
    "doc_id": "wagtaildocs.Document",
    "image_id": "wagtailimages.Image",
    "collection_id": "wagtailcore.Collection",
    "redirect_id": "wagtailredirects.Redirect",
    "task_id": "wagtailcore.Task",
    "workflow_pk": "wagtailcore.Workflow",
    "dossier_pk": "dossiers.Dossier",
}
# Namespaces whose ``pk`` is not declared by a registered viewset.
PK_MODELS = {
    "signals:attachment": "dossiers.SignalAttachment",
    "wagtailadmin_api:pages": "wagtailcore.Page",
    "wagtailadmin_api:documents": "wagtaildocs.Document",
    "wagtailadmin_api:images": "wagtailimages.Image",
    "wagtailadmin_pages": "wagtailcore.Page",
    "wagtailadmin_collections": "wagtailcore.Collection",
    "wagtailadmin_workflows": "wagtailcore.Workflow",
    "wagtailsettings": None,
    "imports": "monitor.ImportJob",
    "partner_exports": "monitor.PartnerExportJob",
    "listing_exports": "monitor.ListingExportJob",
}
# Parameters named after an object of the foreign dossier (editing sessions, etc.).
DOSSIER_OBJECT_KWARGS = {"object_id"}
POSITIONAL = {
    "wagtaildocs_serve": lambda w, docs: [docs.pk, docs.filename],
    "wagtail_serve": lambda w, docs: [""],
}


def _model(label):
    from django.apps import apps

    return apps.get_model(label) if isinstance(label, str) else label


def _pk_model(case: UrlCase):
    if case.url_name in PK_MODELS:
        return _model(PK_MODELS[case.url_name])
    namespace = case.url_name.rsplit(":", 1)[0] if case.url_name else ""
    if namespace in PK_MODELS:
        return _model(PK_MODELS[namespace])
    return models_by_namespace().get(namespace)


def _value(world: World, case: UrlCase, name: str):
    if name in KWARG_VALUES:
        return KWARG_VALUES[name], False
    if name in DOSSIER_OBJECT_KWARGS:
        return world.foreign_dossier.pk, True
    if name in PAGE_KWARGS:
        return _page_pk(world), False
    if name in MODEL_KWARGS:
        return instance_for(world, _model(MODEL_KWARGS[name]))
    if name == "version_pk":  # a free form: a step's form is filled on its step page only
        from forms.selectors import form_version_current
        from tests.factories.forms import FREE_EVALUATION, free_forms

        free_forms()
        return form_version_current(slug=FREE_EVALUATION).pk, False
    if name == "pk" and (model := _pk_model(case)) is not None:
        return instance_for(world, model)
    if name in {"pk"} or name.endswith("_id"):
        return MISSING_PK, False
    raise LookupError(
        f"URL {case.label} has parameter {name!r} the walker cannot fill: add it to "
        "KWARG_VALUES / MODEL_KWARGS in tests/harness/world.py."
    )


def url_arguments(world: World, case: UrlCase) -> tuple[dict, list, bool]:
    """(kwargs, args, carries_case_data) that make ``case`` a concrete URL."""
    kwargs, carries = {}, False
    for name in case.kwarg_names:
        value, scoped = _value(world, case, name)
        kwargs[name] = value
        carries = carries or scoped
    args = []
    if case.positional:
        from wagtail.documents import get_document_model

        if case.url_name not in POSITIONAL:
            raise LookupError(
                f"URL {case.label} takes positional arguments: add it to POSITIONAL in "
                "tests/harness/world.py."
            )
        args = POSITIONAL[case.url_name](world, world.objects[get_document_model()])
    return kwargs, args, carries

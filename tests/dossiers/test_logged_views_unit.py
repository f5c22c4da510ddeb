"""The three logging mixins of ``site/adminkit/logged_views.py`` on a bare view, so every branch is
reached, also those no view of the project takes today (an empty ``log_description``, extra
response arguments). What each row must hold is written out by hand. Found by `make mutants`
(docs/testing.md)."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from adminkit.logged_views import LoggedExportMixin, LoggedListingMixin, LoggedObjectMixin
from dossiers.models import AccessAction, AccessLogEntry, Dossier
from dossiers.workflow.states import DossierState as S

pytestmark = pytest.mark.django_db


class Rendered:
    """The view below the mixin: hands back what it was asked to render."""

    def render_to_response(self, context, **response_kwargs):
        return {"context": context, "kwargs": response_kwargs}


class ExportView(LoggedExportMixin, Rendered):
    model = Dossier


class ListingView(LoggedListingMixin, Rendered):
    model = Dossier


def _view(view_class, user, *, export: bool, description: str = ""):
    view = view_class()
    view.request = RequestFactory().get("/admin/lijst/", {"export": "csv"} if export else {})
    view.request.user = user
    view.is_export = export
    view.log_description = description
    return view


def test_an_export_without_a_description_is_named_after_the_model(walk, users):
    walk(S.IN_EXECUTION)
    walk(S.INCLUDED)
    view = _view(ExportView, users["beheer"], export=True)
    result = view.render_to_response({"object_list": Dossier.objects.all()}, status=203)
    assert result["kwargs"] == {"status": 203}
    row = AccessLogEntry.objects.get()
    assert (row.username, row.action) == ("beheer", AccessAction.EXPORT)
    assert row.object_description == "dossiers"
    assert row.row_count == 2
    assert row.path == "/admin/lijst/?export=csv"


def test_a_shown_administration_listing_writes_nothing(walk, users):
    walk(S.IN_EXECUTION)
    view = _view(ExportView, users["beheer"], export=False, description="Gebruikers")
    result = view.render_to_response({"object_list": Dossier.objects.all()}, status=203)
    assert result["kwargs"] == {"status": 203}
    assert not AccessLogEntry.objects.exists()


def test_a_listing_page_logs_the_rows_it_shows(walk, users):
    walk(S.IN_EXECUTION)
    walk(S.INCLUDED)
    view = _view(ListingView, users["regisseur"], export=False)
    shown = list(Dossier.objects.all()[:1])
    result = view.render_to_response({"object_list": shown}, status=203)
    assert result["kwargs"] == {"status": 203}
    row = AccessLogEntry.objects.get()
    assert (row.username, row.action, row.row_count) == ("regisseur", AccessAction.VIEW, 1)
    assert row.object_description == "dossiers"


def test_a_listing_export_logs_every_row_of_the_query(walk, users):
    walk(S.IN_EXECUTION)
    walk(S.INCLUDED)
    view = _view(ListingView, users["regisseur"], export=True, description="Mijn dossiers")
    view.render_to_response({"object_list": Dossier.objects.all()})
    row = AccessLogEntry.objects.get()
    assert (row.action, row.row_count) == (AccessAction.EXPORT, 2)
    assert row.object_description == "Mijn dossiers"


def test_a_listing_page_without_rows_logs_no_count(users):
    view = _view(ListingView, users["regisseur"], export=False, description="Mijn dossiers")
    view.render_to_response({})
    row = AccessLogEntry.objects.get()
    assert (row.action, row.row_count) == (AccessAction.VIEW, None)


def test_an_object_page_logs_the_dossier_of_the_object(walk, users):
    dossier = walk(S.IN_EXECUTION)

    class Child:
        _meta = type("Meta", (), {"verbose_name": "contactmoment"})

        def __init__(self, dossier):
            self.dossier = dossier

        def __str__(self):
            return "Huisbezoek 3 maart"

    view = LoggedObjectMixin()
    view.object = Child(dossier)
    assert view.get_logged_dossier() == dossier
    assert view.get_log_description() == "contactmoment: Huisbezoek 3 maart"
    view.object = dossier
    assert view.get_logged_dossier() == dossier
    assert view.get_log_description() == f"dossier: {dossier}"


class Page:
    """The view below ``LoggedObjectMixin``: answers with a set status, records its calls."""

    status = 200

    def __init__(self, dossier):
        self.dossier = dossier
        self.calls = []

    def get_object(self):
        return self.dossier

    def get(self, request, *args, **kwargs):
        self.calls.append(("get", request, args, kwargs))
        return HttpResponse(status=200)

    def post(self, request, *args, **kwargs):
        self.calls.append(("post", request, args, kwargs))
        return HttpResponse(status=self.status)


class EditPage(LoggedObjectMixin, Page):
    pass


class ReadOnlyPage(LoggedObjectMixin):
    def __init__(self, dossier):
        self.object = dossier
        self.calls = []

    def http_method_not_allowed(self, request, *args, **kwargs):
        self.calls.append(("refused", request, args, kwargs))
        return HttpResponse(status=405)


def _request(user, method="get"):
    request = getattr(RequestFactory(), method)("/admin/dossiers/1/bewerken/")
    request.user = user
    return request


def test_get_loads_the_object_and_logs_one_read(walk, users):
    dossier = walk(S.IN_EXECUTION)
    page = EditPage(dossier)
    request = _request(users["regisseur"])
    assert page.get(request, 7, tab="plan").status_code == 200
    assert page.object == dossier
    assert page.calls == [("get", request, (7,), {"tab": "plan"})]
    row = AccessLogEntry.objects.get()
    assert (row.dossier_id_snapshot, row.action) == (dossier.pk, AccessAction.VIEW)
    assert row.object_description == f"dossier: {dossier}"


def test_a_post_shown_again_logs_a_read_and_a_redirect_does_not(walk, users):
    dossier = walk(S.IN_EXECUTION)
    page = EditPage(dossier)
    page.object = dossier
    request = _request(users["regisseur"], "post")
    assert page.post(request, 7, tab="plan").status_code == 200
    assert page.calls == [("post", request, (7,), {"tab": "plan"})]
    assert AccessLogEntry.objects.get().dossier_id_snapshot == dossier.pk

    page.status = 302
    assert page.post(request).status_code == 302
    page.status = 201  # anything but the page itself has shown nothing
    page.post(request)
    assert AccessLogEntry.objects.count() == 1


def test_a_post_shown_again_without_an_object_logs_nothing(walk, users):
    page = EditPage(walk(S.IN_EXECUTION))
    assert page.post(_request(users["regisseur"], "post")).status_code == 200  # never loaded
    page.object = None
    assert page.post(_request(users["regisseur"], "post")).status_code == 200
    assert not AccessLogEntry.objects.exists()


def test_a_page_without_post_refuses_it_and_logs_nothing(walk, users):
    page = ReadOnlyPage(walk(S.IN_EXECUTION))
    request = _request(users["regisseur"], "post")
    assert page.post(request, 7, tab="plan").status_code == 405
    assert page.calls == [("refused", request, (7,), {"tab": "plan"})]
    assert not AccessLogEntry.objects.exists()


def test_get_keeps_an_object_the_view_already_loaded(walk, users):
    dossier = walk(S.IN_EXECUTION)
    page = EditPage(None)  # get_object() would answer None
    page.object = dossier
    page.get(_request(users["regisseur"]))
    assert page.object == dossier
    assert AccessLogEntry.objects.get().dossier_id_snapshot == dossier.pk

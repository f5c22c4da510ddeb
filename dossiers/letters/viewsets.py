"""The admin viewset of notification letters (the MAP's register), configured by attributes."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn

from adminkit.scoping import ScopedModelViewSet
from dossiers import access
from dossiers.filters import LetterFilterSet
from dossiers.letters.views import (
    LetterAddView,
    LetterChangeView,
    LetterDownloadView,
    LetterGenerateView,
    LetterIndexView,
    LetterProposeView,
    LetterRegisterView,
    LetterRelativeAddView,
    LetterSendView,
)
from dossiers.models import NotificationLetter


class NotificationLetterViewSet(ScopedModelViewSet):
    """The MAP's letters: open list, register per dossier, make, download, register sending.

    Scoped by ``access.letters_for``: the MAP reaches the letters of every active dossier,
    never the dossier itself; others see the letters of the dossiers they may see.
    """

    model = NotificationLetter
    icon = "mail"
    menu_label = _("Notificatiebrieven")
    menu_order = 97
    add_to_admin_menu = True
    url_prefix = "notificatiebrieven"
    index_view_class = LetterIndexView
    copy_view_enabled = False
    inspect_view_enabled = False
    filterset_class = LetterFilterSet
    search_fields = ["recipient_name", "dossier__reference"]
    search_backend_name = None
    list_display = [
        TitleColumn(
            "dossier",
            label=_("Dossier"),
            get_url=lambda letter: reverse("letters:register", args=[letter.dossier_id]),
        ),
        Column("recipient_name", label=_("Ontvanger")),
        Column("recipient_kind", label=_("Soort"), accessor="get_recipient_kind_display"),
        Column("due_on", label=_("Uiterste datum")),
        Column("sent_on", label=_("Verzonden op")),
        Column("register_status", label=_("Status")),
    ]
    list_export = ["dossier", "recipient_kind", "due_on", "sent_on", "route"]
    export_headings = {"dossier": _("Dossier"), "due_on": _("Uiterste datum")}
    export_filename = "notificatiebrieven"
    form_fields = ["recipient_name"]

    @staticmethod
    def scope_queryset(user, queryset):
        return access.letters_for(user, queryset).select_related("dossier")

    def _letter_view(self, view_class):
        return self.construct_view(view_class, register_url_name=self.get_url_name("register"))

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            generate_url_name=self.get_url_name("generate"),
            download_url_name=self.get_url_name("download"),
            send_url_name=self.get_url_name("send"),
            change_url_name=self.get_url_name("change"),
            add_letter_url_name=self.get_url_name("add_letter"),
            propose_url_name=self.get_url_name("propose"),
            relative_add_url_name=self.get_url_name("relative_add"),
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "dossier/<int:dossier_pk>/",
                self._letter_view(LetterRegisterView),
                name="register",
            ),
            path(
                "dossier/<int:dossier_pk>/toevoegen/",
                self._letter_view(LetterAddView),
                name="add_letter",
            ),
            path(
                "dossier/<int:dossier_pk>/familielid/",
                self._letter_view(LetterRelativeAddView),
                name="relative_add",
            ),
            path(
                "dossier/<int:dossier_pk>/voorstellen/",
                self._letter_view(LetterProposeView),
                name="propose",
            ),
            path("maken/<str:pk>/", self._letter_view(LetterGenerateView), name="generate"),
            path("download/<str:pk>/", self._letter_view(LetterDownloadView), name="download"),
            path("verzending/<str:pk>/", self._letter_view(LetterSendView), name="send"),
            path("ontvanger/<str:pk>/", self._letter_view(LetterChangeView), name="change"),
        ]


letter_viewset = NotificationLetterViewSet("letters")

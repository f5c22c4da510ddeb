"""Wagtail's user management, extended with the user's organisation."""

import django_filters
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import IndexView as WagtailUserIndexView
from wagtail.users.views.users import UserFilterSet
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from adminkit.logged_views import LoggedExportMixin
from dossiers.selectors.accounts import ACCOUNT_FILTERS
from reports.listing_export import ListingExportMixin


class OrganisationUserCreationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | {"organisation"}


class OrganisationUserEditForm(UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | {"organisation"}


def _organisations():
    from snippets.models import Organisation

    return Organisation.objects.all()


class AccountFilterSet(UserFilterSet):
    """Wagtail's filters (role = group, active, last login) plus organisation and the
    accounts that need functioneel beheer's attention."""

    ACCOUNT_CHOICES = [
        ("no_second_factor", _("Zonder tweede factor")),
        ("locked", _("Geblokkeerd")),
        ("inactive", _("Langer dan 90 dagen niet gebruikt")),
    ]
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisatie"), queryset=lambda request: _organisations(), field_name="organisation"
    )
    account = django_filters.ChoiceFilter(
        label=_("Aandacht nodig"), choices=ACCOUNT_CHOICES, method="filter_account"
    )

    def filter_account(self, queryset, name, value):
        select = ACCOUNT_FILTERS.get(value)
        return select(queryset) if select else queryset


class UserIndexView(LoggedExportMixin, ListingExportMixin, WagtailUserIndexView):
    """The user listing with role and organisation; its export names staff members, so every
    export is logged."""

    log_description = _("Gebruikers")

    @cached_property
    def columns(self):
        columns = list(super().columns)
        extra = [
            Column(
                "groups",
                label=_("Rol"),
                accessor=lambda user: ", ".join(group.name for group in user.groups.all()),
            ),
            Column("organisation", label=_("Organisatie"), sort_key="organisation__name"),
        ]
        return columns[:3] + extra + columns[3:]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("organisation").prefetch_related("groups")


class UserViewSet(WagtailUserViewSet):
    template_prefix = "wagtailusers/users/"
    index_view_class = UserIndexView
    filterset_class = AccountFilterSet
    list_export = [
        "username",
        "first_name",
        "last_name",
        "email",
        "organisation",
        "is_active",
        "last_login",
    ]
    export_filename = "gebruikers"

    def get_form_class(self, for_update=False):
        return OrganisationUserEditForm if for_update else OrganisationUserCreationForm

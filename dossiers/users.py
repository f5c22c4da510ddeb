"""Wagtail's user management, extended with the user's organisation."""

from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import IndexView as WagtailUserIndexView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from dossiers.logged_views import LoggedExportMixin
from reports.listing_export import ListingExportMixin


class OrganisationUserCreationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | {"organisation"}


class OrganisationUserEditForm(UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | {"organisation"}


class UserIndexView(LoggedExportMixin, ListingExportMixin, WagtailUserIndexView):
    """The user listing; its export names staff members, so every export is logged."""

    log_description = _("Gebruikers")


class UserViewSet(WagtailUserViewSet):
    template_prefix = "wagtailusers/users/"
    index_view_class = UserIndexView
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

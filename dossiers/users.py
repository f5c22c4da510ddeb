"""Wagtail's user management, extended with the user's organisation."""

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet


class OrganisationUserCreationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | {"organisation"}


class OrganisationUserEditForm(UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | {"organisation"}


class UserViewSet(WagtailUserViewSet):
    template_prefix = "wagtailusers/users/"

    def get_form_class(self, for_update=False):
        return OrganisationUserEditForm if for_update else OrganisationUserCreationForm

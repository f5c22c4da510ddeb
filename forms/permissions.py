"""Permission policies: definitions are never deleted (responses pin their versions), and
responses are records (never edited or deleted in the admin, superusers included)."""

from wagtail.permission_policies import ModelPermissionPolicy


class NoChangePermissionPolicy(ModelPermissionPolicy):
    """The model's Django permissions, minus the actions listed in ``refused``."""

    def __init__(self, model, *, refused: frozenset[str]):
        super().__init__(model)
        self.refused = refused

    def user_has_permission(self, user, action):
        return action not in self.refused and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


def register() -> None:
    """Register the policies before any admin view touches the models (called from ready)."""
    from wagtail.permissions import register_permission_policy

    from forms.models import FormDefinition, FormResponse

    register_permission_policy(
        FormDefinition, NoChangePermissionPolicy(FormDefinition, refused=frozenset({"delete"}))
    )
    register_permission_policy(
        FormResponse,
        NoChangePermissionPolicy(FormResponse, refused=frozenset({"change", "delete"})),
    )

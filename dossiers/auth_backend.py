"""Django's model backend, reading the signed-in user with their organisation in one query.

Every page that shows personal data writes the access log, which records the user's
organisation: with the plain backend that was a second query on every request.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class UserBackend(ModelBackend):
    def get_user(self, user_id):
        users = get_user_model()._default_manager.select_related("organisation")
        try:
            user = users.get(pk=user_id)
        except get_user_model().DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A personal login; the organisation scopes what an advisory member may see."""

    organisation = models.ForeignKey(
        "catalogue.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        swappable = "AUTH_USER_MODEL"

    def __str__(self):
        return self.get_full_name() or self.username

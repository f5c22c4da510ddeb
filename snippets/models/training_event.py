from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from snippets.models.base import CatalogueContent, LiveQuerySet


class TrainingKind(models.TextChoices):
    COLLECTIVE = "collective", _("Collectieve bijeenkomst")
    WORKSHOP = "workshop", _("Werkatelier")
    CASE_DISCUSSION = "case_discussion", _("Casuïstiekbespreking")
    OPEN_AFTERNOON = "open_afternoon", _("Open middag")
    OTHER = "other", _("Overig")


class TrainingEventQuerySet(LiveQuerySet):
    def upcoming(self, *, now):
        return self.filter(live=True, starts_at__gte=now).order_by("starts_at")


class TrainingEvent(CatalogueContent):
    """A training event (vakontwikkeling) the programme team publishes for case directors."""

    title = models.CharField(_("titel"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=TrainingKind.choices)
    starts_at = models.DateTimeField(_("begint om"))
    ends_at = models.DateTimeField(_("eindigt om"), null=True, blank=True)
    location = models.CharField(_("plaats"), max_length=200)
    description = models.TextField(_("beschrijving"), blank=True)
    capacity = models.PositiveSmallIntegerField(
        _("maximum aantal deelnemers"),
        null=True,
        blank=True,
        help_text=_("Leeg laten als er geen maximum is."),
    )
    registration_open = models.BooleanField(
        _("aanmelden mogelijk"),
        default=True,
        help_text=_("Uitvinken om de aanmelding te sluiten; bestaande aanmeldingen blijven."),
    )

    objects = TrainingEventQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("location"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_open")]),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("location")]

    class Meta:
        verbose_name = _("vakontwikkelingsactiviteit")
        verbose_name_plural = _("vakontwikkeling")
        ordering = ["-starts_at"]

    def __str__(self):
        return self.title

    def clean(self):
        """A maximum below the registrations already made would leave people registered for a
        place that does not exist: refused, the programme team withdraws registrations first."""
        super().clean()
        if self.pk is None or self.capacity is None:
            return
        registered = self.registrations.count()
        if self.capacity < registered:
            raise ValidationError(
                {
                    "capacity": _(
                        "Er zijn al %(count)d aanmeldingen; het maximum kan niet lager zijn. Kies "
                        "ten minste %(count)d, of meld eerst deelnemers af."
                    )
                    % {"count": registered}
                }
            )

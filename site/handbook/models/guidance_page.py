from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from handbook.blocks import GuidanceStreamBlock


class GuidancePage(Page):
    """One chapter of the handbook (handreiking). Sections carry stable anchors."""

    chapter = models.CharField(
        _("hoofdstuk"),
        max_length=20,
        blank=True,
        help_text=_("Nummer of aanduiding in de inhoudsopgave, bijvoorbeeld ‘10’ of ‘Bijlage 1’."),
    )
    summary = models.TextField(_("samenvatting"), blank=True)
    body = StreamField(GuidanceStreamBlock(), verbose_name=_("inhoud"), blank=True)
    placeholder = models.BooleanField(
        _("nog aan te vullen"),
        default=False,
        help_text=_(
            "Aangevinkt zolang (een deel van) dit hoofdstuk nog door het programmateam moet "
            "worden ingevuld."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("chapter"), FieldPanel("placeholder")]),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["handbook.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("hoofdstuk handreiking")
        verbose_name_plural = _("hoofdstukken handreiking")

    def section_anchors(self) -> list[tuple[str, str]]:
        """The (anchor, heading text) of every section with an anchor, in page order."""
        return [
            (block.value["anchor"], block.value["text"])
            for block in self.body
            if block.block_type == "heading" and block.value["anchor"]
        ]

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The site root and handbook index; login-only through page privacy (seeded)."""

    intro = RichTextField(_("inleiding"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["handbook.GuidancePage"]
    max_count = 1

    class Meta:
        verbose_name = _("startpagina handreiking")
        verbose_name_plural = _("startpagina's handreiking")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["chapters"] = self.get_children().live().specific()
        return context

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin
from wagtail.search import index

from forms.panels import CspInlinePanel


class FormDefinition(DraftStateMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """A form the programme team defines; each publish freezes a ``FormVersion``."""

    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(
        _("vaste naam"),
        max_length=50,
        unique=True,
        help_text=_("Vaste naam waarmee het systeem dit formulier vindt, bijv. “evaluatie”."),
    )
    intro = models.TextField(
        _("inleiding"), blank=True, help_text=_("Uitleg boven het formulier voor wie het invult.")
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="formdefinition")

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("intro"),
        CspInlinePanel(
            "form_fields",
            label=_("veld"),
            heading=_("Velden"),
            child_form="forms.viewsets.FormFieldAdminForm",
        ),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("formulierdefinitie")
        verbose_name_plural = _("formulierdefinities")
        ordering = ["title"]
        # Wagtail adds this permission after migrate; declaring it lets a data migration grant it.
        permissions = [("publish_formdefinition", _("Kan formulierdefinitie publiceren"))]

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions

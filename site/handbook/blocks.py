"""StreamField blocks of the handbook: headings with stable anchors, text, callouts, deadline
tables and links to catalogue items."""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]
ANCHOR_VALIDATOR = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    _("Alleen kleine letters, cijfers en koppeltekens, bijvoorbeeld ‘risk-groups’."),
)


class SectionHeadingBlock(blocks.StructBlock):
    """A section heading; its anchor is the stable key that help links point at."""

    text = blocks.CharBlock(label=_("kop"))
    anchor = blocks.CharBlock(
        label=_("anker"),
        required=False,
        validators=[ANCHOR_VALIDATOR],
        help_text=_(
            "Vaste sleutel van deze sectie, waarnaar schermen en formulieren verwijzen. "
            "Niet wijzigen zonder de ontwikkelaars te vragen."
        ),
    )

    class Meta:
        icon = "title"
        label = _("Kop")
        template = "handbook/blocks/section_heading.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("soort"),
        choices=[
            ("info", _("Ter informatie")),
            ("attention", _("Let op")),
            ("todo", _("Aan te vullen")),
        ],
        default="info",
    )
    title = blocks.CharBlock(label=_("titel"), required=False)
    text = blocks.RichTextBlock(label=_("tekst"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Kader")
        template = "handbook/blocks/callout.html"


class DeadlineRowBlock(blocks.StructBlock):
    obligation = blocks.CharBlock(label=_("wat"))
    starts = blocks.CharBlock(label=_("vanaf"), required=False)
    due = blocks.CharBlock(label=_("uiterlijk"))
    who = blocks.CharBlock(label=_("wie"), required=False)


class DeadlineTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("bijschrift"), required=False)
    rows = blocks.ListBlock(DeadlineRowBlock(), label=_("termijnen"))

    class Meta:
        icon = "time"
        label = _("Termijnen")
        template = "handbook/blocks/deadline_table.html"


class CatalogueLinksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("kop"), required=False)
    interventions = blocks.ListBlock(
        SnippetChooserBlock("catalogue.Intervention"), label=_("interventies")
    )

    class Meta:
        icon = "list-ul"
        label = _("Interventies uit de catalogus")
        template = "handbook/blocks/catalogue_links.html"


class ProcessDiagramBlock(blocks.StaticBlock):
    """The work process drawn from the system's own transition table (never a hand-kept copy)."""

    class Meta:
        label = _("Schema werkproces")
        icon = "site"
        admin_text = _("Toont het werkproces zoals het volgsysteem het uitvoert.")
        template = "handbook/blocks/process_diagram.html"


class GuidanceStreamBlock(blocks.StreamBlock):
    heading = SectionHeadingBlock()
    text = blocks.RichTextBlock(label=_("Tekst"), features=RICH_TEXT_FEATURES, icon="pilcrow")
    callout = CalloutBlock()
    deadlines = DeadlineTableBlock()
    catalogue_links = CatalogueLinksBlock()
    process_diagram = ProcessDiagramBlock()

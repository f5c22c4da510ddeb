"""An InlinePanel that works under the admin's strict CSP (``script-src 'self'``).

Wagtail 8.0.1's InlinePanel starts itself with an inline ``<script>``, which the CSP blocks:
the "add field" button does nothing. This panel puts the options in a JSON data element and
starts the panel from a static file instead.
"""

from wagtail.admin.panels import InlinePanel


class CspInlinePanel(InlinePanel):
    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "structuredforms/panels/inline_panel.html"

        class Media:
            js = ["structuredforms/js/inline-panel.js"]

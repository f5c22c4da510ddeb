"""The monitor's queue on the start page: the privacy officer's open access reviews.

Registered from ``MonitorConfig.ready()`` with ``dossiers.selectors.queues.register_queue``.
"""

import datetime

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from dossiers.selectors.queues import ROWS, QueueRow, WorkQueue
from reports.access_review import open_months


def access_review_queue(user, on: datetime.date) -> WorkQueue:
    """The months whose access review is still open, newest first."""
    months = open_months(on)
    return WorkQueue(
        key="access_review",
        title=_("Toegangscontrole nog te doen"),
        count=len(months),
        rows=[
            QueueRow(
                label=date_format(month, "F Y"),
                url=reverse("access_review:month", args=[month.year, month.month]),
                what=_("Nog niet als gecontroleerd gemarkeerd"),
            )
            for month in months[:ROWS]
        ],
        all_url=reverse("access_review:index"),
        empty=_("Alle maanden zijn gecontroleerd."),
        columns=(_("Maand"), _("Stand"), ""),
    )

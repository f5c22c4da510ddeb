"""The shared shape of catalogue content: drafts, revisions, publishing and locking.

Every catalogue model keeps its history as Wagtail revisions, so the programme team can edit
a draft without changing what case directors see until it is published, and a plan can later
pin the revision it used.
"""

from django.db import models
from modelcluster.models import ClusterableModel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin
from wagtail.search import index


class CatalogueContent(
    DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel
):
    """Abstract base: a draftable, revisioned, lockable catalogue record."""

    class Meta:
        abstract = True


class LiveQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)

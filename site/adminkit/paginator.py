"""A listing's page read in two steps at national scale (issue 17).

Wagtail's paginator reads a page as ``queryset[bottom:top]``: the database walks the sort index
and fetches every row it passes to test the listing's filters, then the page's rows. With the
newest 6,700 of 50,000 dossiers outside a steering member's scope, that was 5,600 row fetches
for 20 rows. Here the page's keys are found first (``values_list("pk")``: an index that holds the
sort and the filtered columns answers it alone) and only those rows are read, in that order.
"""

from django.db.models import QuerySet
from wagtail.admin.paginator import WagtailPaginator


class KeysFirstPaginator(WagtailPaginator):
    def page(self, number):
        if not isinstance(self.object_list, QuerySet):  # search results: as Wagtail does
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        keys = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        rows = {row.pk: row for row in self.object_list.filter(pk__in=keys).order_by()}
        # A row deleted between the two reads is left out rather than shown half.
        return self._get_page([rows[key] for key in keys if key in rows], number, self)

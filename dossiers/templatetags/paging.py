"""One pager for the lists on a page that each page on their own query parameter."""

from django import template
from django.http import QueryDict

register = template.Library()


@register.inclusion_tag("includes/section_pager.html", takes_context=True)
def section_pager(context, page, parameter: str, anchor: str, label: str):
    """Previous/next links for ``page`` (a Django ``Page``) under ``?<parameter>=n``; the other
    lists' page numbers in the query string are kept, and the link jumps to ``#<anchor>``."""
    request = context.get("request")

    def url(number: int) -> str:
        query = request.GET.copy() if request is not None else QueryDict(mutable=True)
        query[parameter] = number
        return f"?{query.urlencode()}#{anchor}"

    return {
        "page": page,
        "label": label,
        "previous_url": url(page.previous_page_number()) if page.has_previous() else "",
        "next_url": url(page.next_page_number()) if page.has_next() else "",
    }

"""The accessibility statement, readable without logging in.

The handbook is login-only (page privacy on its root), but the statement must reach the person
who cannot log in because of an accessibility problem: the login page links here. It holds no
personal data; only this one live page is served, through Wagtail's own ``serve``.
"""

from django.http import Http404

from handbook.models import GuidancePage

STATEMENT_SLUG = "toegankelijkheidsverklaring"


def accessibility_statement(request):
    page = GuidancePage.objects.live().filter(slug=STATEMENT_SLUG).first()
    if page is None:
        raise Http404
    return page.serve(request)

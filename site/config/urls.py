"""URL configuration: the Wagtail admin is the application; the handbook is served as pages."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from handbook.views import accessibility_statement


def healthz(request):
    """Liveness probe for Fly.io; touches no personal data."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("account/", include("dossiers.mfa.urls")),
    path("toegankelijkheid/", accessibility_statement, name="accessibility_statement"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    # Media is never served as plain files: attachments and letters go through scoped,
    # logged download views.
    urlpatterns += staticfiles_urlpatterns()

urlpatterns += [path("", include(wagtail_urls))]

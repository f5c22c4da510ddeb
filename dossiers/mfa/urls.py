"""URLs of the second-factor pages, mounted under /account/."""

from django.urls import path

from dossiers.mfa.views import SetupView, VerifyView

app_name = "mfa"
urlpatterns = [
    path("tweestapsverificatie/instellen/", SetupView.as_view(), name="setup"),
    path("tweestapsverificatie/", VerifyView.as_view(), name="verify"),
]

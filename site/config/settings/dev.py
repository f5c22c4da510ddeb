"""Local development: DEBUG, console e-mail, demo logins without a second factor."""

from config.env import env_bool, env_str
from config.settings.base import *  # noqa: F403

DEBUG = env_bool("DEBUG", True)
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
REQUIRE_SECOND_FACTOR = env_bool("REQUIRE_SECOND_FACTOR", False)
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405

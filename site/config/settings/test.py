"""Test settings: fast hashing, synchronous jobs, in-memory e-mail."""

from config.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
Q_CLUSTER = {**Q_CLUSTER, "sync": True}  # noqa: F405
REQUIRE_SECOND_FACTOR = False
AXES_ENABLED = True
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
# One cache per test process, whatever REDIS_URL says (the sidebar kept per user, adminkit)
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

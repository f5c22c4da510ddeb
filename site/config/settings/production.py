"""Production: secrets and hosts must come from the environment; HTTPS everywhere."""

from config.env import env_bool, env_list, env_str, fail
from config.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY", required=True)
if SECRET_KEY.startswith("dev-only") or len(SECRET_KEY) < 50:
    fail("SECRET_KEY is te kort of onveilig (minstens 50 willekeurige tekens).")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])
if not ALLOWED_HOSTS:
    fail("de omgevingsvariabele ALLOWED_HOSTS ontbreekt.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
REQUIRE_SECOND_FACTOR = True

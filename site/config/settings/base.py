"""Settings shared by every environment; values that differ come from the environment."""

import datetime
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_database, env_file_storage, env_list, env_str

SITE_DIR = Path(__file__).resolve().parent.parent.parent
BASE_DIR = SITE_DIR.parent

SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "dossiers",
    "snippets",
    "forms",
    "reports",
    "handbook",
    "wagtail.contrib.forms",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.sites",
    "dossiers.apps.UsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_q",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "pgtrigger",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "dossiers.middleware.RequestIdMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "dossiers.middleware.SessionLimitsMiddleware",
    "dossiers.mfa.middleware.RequireSecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "dossiers.middleware.NoStoreMiddleware",
    "dossiers.middleware.PermissionsPolicyMiddleware",
    "dossiers.middleware.MalformedPostMiddleware",
    "axes.middleware.AxesMiddleware",
    # The programme team's redirects (Instellingen > Doorverwijzingen) for moved handbook pages.
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]
FORM_RENDERER = "adminkit.form_renderer.FormRenderer"  # TemplatesSetting, selects in Python

DATABASES = {"default": env_database(BASE_DIR / "db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "dossiers.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "dossiers.auth_backend.UserBackend",  # ModelBackend, the organisation read with the user
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"
LOGIN_REDIRECT_URL = "wagtailadmin_home"
# The handbook pages are login-only (page privacy); they use the admin's login (2FA, axes).
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL

# Internationalisation: Dutch first, English second; every datetime is aware.
LANGUAGE_CODE = "nl"
# Everyone works in Dutch: no language negotiation from the browser (no LocaleMiddleware).
LANGUAGES = [("nl", _("Nederlands"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = False
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": env_file_storage(),  # local disk, or S3-compatible storage (README "Scaling out")
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Wagtail: the admin is the application.
WAGTAIL_SITE_NAME = "IPGA volgsysteem"
# No gravatar: it would send hashed staff e-mail addresses out (and the CSP blocks it);
# avatars are initials (templates/wagtailadmin/shared/avatar.html).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILADMIN_USER_LOGIN_FORM = "dossiers.mfa.forms.AdminLoginForm"  # Dutch, formal labels

# The admin kit (site/adminkit) writes access-log rows through the dossiers' recorder; the
# rows are about dossiers (adminkit.access_log).
ADMINKIT_ACCESS_RECORDER = "dossiers.services.access_log.access_log_record"
ADMINKIT_LOGGED_MODEL = "dossiers.Dossier"
WAGTAILUSERS_PASSWORD_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False

# Sessions: 15 minutes of inactivity, 10 hours at most (docs/spec/quality.md S6).
SESSION_COOKIE_AGE = 15 * 60
# Sliding: SessionLimitsMiddleware saves the session (a new expiry) once a minute of activity,
# not on every request; so the inactivity limit is between 14 and 15 minutes.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_REFRESH_SECONDS = 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_ABSOLUTE_SECONDS = 10 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# Login throttling (docs/spec/quality.md S4, dossiers/throttling.py): 5 failures per username +
# IP lock the pair for 15 minutes; 20 failures from one IP across usernames (password spraying) lock
# the address for an hour. The client IP comes from Fly's header only behind Fly.
AXES_HANDLER = "dossiers.throttling.ThrottlingHandler"
AXES_FAILURE_LIMIT = 5
AXES_USERNAME_COOLOFF = datetime.timedelta(minutes=15)
AXES_IP_FAILURE_LIMIT = 20
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_COOLOFF_TIME = 1  # hours: the per-IP window, and how long attempts are kept
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account/locked.html"
AXES_VERBOSE = False  # no English start-up banner on every management command (R5: one Dutch line)
AXES_LOCKOUT_CALLABLE = "dossiers.throttling.lockout_response"
AXES_CLIENT_IP_CALLABLE = "dossiers.throttling.client_ip"
BEHIND_FLY = env_bool("BEHIND_FLY", False)

# Second factor: every account must verify a TOTP or backup code (docs/spec/quality.md S5).
OTP_TOTP_ISSUER = "IPGA volgsysteem"
REQUIRE_SECOND_FACTOR = env_bool("REQUIRE_SECOND_FACTOR", True)

# Headers (docs/spec/quality.md S7): the admin runs under a strict CSP.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Browser features no page uses, all denied (dossiers.middleware.PermissionsPolicyMiddleware).
PERMISSIONS_POLICY = (
    "accelerometer",
    "autoplay",
    "bluetooth",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "publickey-credentials-get",
    "serial",
    "usb",
    "xr-spatial-tracking",
)

# A listing export of more rows than this is written by a background job with a progress page
# (reports.listing_export_jobs); smaller ones stream inside the request.
LISTING_EXPORT_BACKGROUND_ROWS = int(env_str("LISTING_EXPORT_BACKGROUND_ROWS", "5000"))

# Background jobs: django-q2, ORM broker unless REDIS_URL is set.
REDIS_URL = env_str("REDIS_URL", "")
Q_CLUSTER = {
    "name": "ipga",
    "workers": 2,
    "timeout": 300,
    "retry": 360,
    "max_attempts": 3,
    "catch_up": True,
    "label": _("Achtergrondtaken"),
    "orm": "default",
}
# The cache (the admin's sidebar per user): Redis when there is one, shared by every web
# process, so a changed role renews it everywhere; else each process keeps its own.
ADMINKIT_SIDEBAR_SECONDS = int(env_str("ADMINKIT_SIDEBAR_SECONDS", "300"))
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "ipga",
        }
    }
    Q_CLUSTER.pop("orm")
    Q_CLUSTER["redis"] = REDIS_URL

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env_str("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "volgsysteem@ipga.invalid")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

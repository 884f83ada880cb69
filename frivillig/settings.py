"""Settings for Frivillig: one module, read from environment variables.

Development needs no configuration at all (SQLite file, console email, DEBUG on for
localhost). Production sets DJANGO_DEBUG=false, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and
DATABASE_URL; README.md has the full table of variables.
"""

import os
import warnings
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value and value.strip() else default


DEBUG = env_bool("DJANGO_DEBUG", True)

LOCAL_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", LOCAL_HOSTS)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off. "
            "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    SECRET_KEY = "django-insecure-development-only-never-use-in-production"

if DEBUG and any(host not in LOCAL_HOSTS for host in ALLOWED_HOSTS):
    # DEBUG pages leak settings and source code; refuse rather than trust a checklist.
    raise ImproperlyConfigured(
        "DJANGO_DEBUG is on while DJANGO_ALLOWED_HOSTS names a public host. "
        "Set DJANGO_DEBUG=false in production."
    )

INSTALLED_APPS = [
    "frivillig.apps.FrivilligAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "mailer",
    "frivillig.apps.FrivilligConfig",
    "foreninger",
    "selvhjaelp",
    "arrangementer",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "frivillig.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Turns django-ratelimit's refusal into our "too many requests" page (429).
    "django_ratelimit.middleware.RatelimitMiddleware",
    # django-axes wants to be last: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "frivillig.urls"
WSGI_APPLICATION = "frivillig.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "frivillig.context_processors.site",
                "frivillig.lib.cache.csrf_placeholder",
            ],
        },
    },
]

# Database: SQLite file by default, PostgreSQL (or anything dj-database-url reads) through
# DATABASE_URL. Persistent connections matter on PostgreSQL: a new connection per request
# made pages ~10x slower when measured (../shared/reference/toolchain.md).
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL,
            conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60),
            conn_health_checks=True,
        )
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("DJANGO_SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            # Opening a SQLite file runs the PRAGMAs below: keep it open between requests.
            "CONN_MAX_AGE": env_int("DJANGO_CONN_MAX_AGE", 60),
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {
                # IMMEDIATE avoids "database is locked" when two requests write at once.
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches. Rendered pages and fragments live in each worker's memory ("default"). Whether one
# is still right is told by a generation number per kind of data, kept in a shared store that
# every worker and host reads (frivillig/lib/cache.py): the database by default, Redis when
# DJANGO_CACHE_URL is set. Rate-limit counters have an alias of their own, shared by all
# workers, which no amount of page caching can evict.
CACHE_URL = os.environ.get("DJANGO_CACHE_URL", "").strip()
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "frivillig-pages",
        "OPTIONS": {"MAX_ENTRIES": env_int("FRIVILLIG_PAGE_CACHE_ENTRIES", 2000)},
    },
}
if CACHE_URL:
    if not CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            "DJANGO_CACHE_URL must be a Redis address such as redis://127.0.0.1:6379/0"
        )
    _redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": CACHE_URL,
        # A Redis that does not answer must cost a page a second at most, never hang it.
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    CACHES["shared"] = {**_redis, "KEY_PREFIX": "frivillig"}
    CACHES["ratelimit"] = {**_redis, "KEY_PREFIX": "frivillig-ratelimit"}
else:
    CACHES["ratelimit"] = {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "frivillig_ratelimit",
        # Counters are few and short-lived; never cull live ones to make room.
        "OPTIONS": {"MAX_ENTRIES": 1_000_000},
    }

# Authentication
AUTHENTICATION_BACKENDS = [
    # AxesStandaloneBackend must come first: it refuses locked-out credentials.
    "axes.backends.AxesStandaloneBackend",
    "frivillig.backends.EmailOrUsernameBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "frivillig:home"
LOGOUT_REDIRECT_URL = "frivillig:home"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # one day
# The site's public address, for links in email sent outside a request (daily commands).
SITE_URL = os.environ.get("FRIVILLIG_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
INVITATION_VALID_DAYS = env_int("FRIVILLIG_INVITATION_VALID_DAYS", 14)

# Failed logins: after AXES_FAILURE_LIMIT failures for one username from one address, that
# pair is locked out for AXES_COOLOFF_TIME. A success resets the count.
AXES_FAILURE_LIMIT = env_int("FRIVILLIG_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("FRIVILLIG_LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "frivillig.lib.security.client_ip"
# How many reverse proxies stand in front of the app and append to X-Forwarded-For; the
# client's address is the one the outermost proxy saw.
FRIVILLIG_PROXY_COUNT = env_int("FRIVILLIG_PROXY_COUNT", 0 if DEBUG else 1)

# Rate limits on public forms (django-ratelimit) count in the "ratelimit" cache, shared by
# every worker, per address as client_ip sees it.
RATELIMIT_USE_CACHE = "ratelimit"
RATELIMIT_IP_META_KEY = "frivillig.lib.security.ratelimit_ip"
RATELIMIT_VIEW = "frivillig.views.errors.rate_limited"

# Languages: Danish first and unprefixed, English under /en/.
LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

# Static files and uploads
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
if DEBUG:
    # Development serves static files from the finders; no collectstatic output is needed.
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed names in production (needs collectstatic); plain files in
        # development and tests so that no build step is needed.
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Email. Every message goes through the outbox (frivillig/lib/mail.py): it is stored in the
# database with the change that caused it and handed to MAILER_EMAIL_BACKEND once that
# change has committed; `manage.py send_outbox` (every minute) retries what failed.
# Printed to the console in development; SMTP when DJANGO_EMAIL_HOST is set.
EMAIL_BACKEND = "frivillig.lib.mail.OutboxBackend"
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "")
if EMAIL_HOST:
    MAILER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 587)
    EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", True)
    EMAIL_USE_SSL = env_bool("DJANGO_EMAIL_USE_SSL", False)
    # Sending at once happens in the request, after the commit: a hanging server costs the
    # citizen at most this long, and the message waits in the outbox for the next round.
    EMAIL_TIMEOUT = env_int("DJANGO_EMAIL_TIMEOUT", 10)
else:
    MAILER_EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Hand mail to the server right after the commit; off leaves all sending to send_outbox.
FRIVILLIG_MAIL_SEND_AT_ONCE = env_bool("FRIVILLIG_MAIL_SEND_AT_ONCE", True)
# Days the outbox keeps its delivery log (which holds each message's text).
FRIVILLIG_MAIL_LOG_DAYS = env_int("FRIVILLIG_MAIL_LOG_DAYS", 30)
# Each message is sent under a row lock, which works across hosts; a lock file would not.
MAILER_USE_FILE_LOCK = False
MAILER_ERROR_HANDLER = "frivillig.lib.mail.defer_on_any_error"
# While the server refuses, stop a round after this many failures instead of trying them all.
MAILER_EMAIL_MAX_DEFERRED = 5
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "noreply@localhost")
SERVER_EMAIL = os.environ.get("DJANGO_SERVER_EMAIL", DEFAULT_FROM_EMAIL)
ADMINS = [("Admin", address) for address in env_list("DJANGO_ADMINS", [])]

# Forms
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Security. Production values follow `manage.py check --deploy`; the reverse proxy
# terminates TLS and must set X-Forwarded-Proto.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}

"""Settings for the workbench, read from the environment.

Defaults make `make run` work on a fresh machine (DEBUG on, SQLite in the repository). Production sets
DEBUG=0, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL=postgres://...
"""

import os
import tempfile
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote, urlsplit

from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def envint(name, default):
    return int(os.environ.get(name, default))


def envlist(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def database_from_url(url):
    """Django's DATABASES entry for a sqlite:///path or postgres://user:pass@host:port/name URL."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        path = unquote(parts.path)
        return {
            "ENGINE": "workbench.sqlite_backend",  # Django's, with history kept append-only by flush too
            "NAME": path[1:] if path.startswith("//") else path or ":memory:",
            # WAL and IMMEDIATE transactions let the threaded server read while it writes instead of
            # failing with "database is locked"; tests get a file too, since the in-memory database's
            # shared cache locks whole tables.
            "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE", "timeout": 20},
            "TEST": {"NAME": os.path.join(tempfile.gettempdir(), f"workbench-test-{os.getpid()}.sqlite3")},
        }
    if parts.scheme in ("postgres", "postgresql"):
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            # A connection per request would cost more than most requests' queries: keep it a minute,
            # checked before reuse.
            "CONN_MAX_AGE": envint("DB_CONN_MAX_AGE", 60),
            "CONN_HEALTH_CHECKS": True,
            # Parameters bound by the server, and a query run a few times prepared: PostgreSQL then skips
            # parsing and planning it, which is most of a small query's time. DB_PREPARE_THRESHOLD=0 turns
            # it off (behind PgBouncer's transaction pooling, say).
            "OPTIONS": {"server_side_binding": True, "prepare_threshold": envint("DB_PREPARE_THRESHOLD", 5) or None},
        }
    raise ValueError(f"DATABASE_URL scheme {parts.scheme!r} is not supported (use sqlite or postgres)")


DEBUG = envbool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise RuntimeError("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "development-only-not-secret"
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    # For its clearsessions command; the sessions themselves are claims.models.Session (SESSION_ENGINE).
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "claims",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    # Static files straight from the app process, before sessions or a login are looked at.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last: it answers a locked-out sign-in (see AXES_ below).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "workbench.urls"
WSGI_APPLICATION = "workbench.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            # {% url %} that remembers what it reversed (claims/templatetags/cached_urls.py).
            "builtins": ["claims.templatetags.cached_urls"],
        },
    }
]

# Inputs and textareas drawn without a template each (claims/widget_rendering.py); the rest as Django does.
FORM_RENDERER = "claims.widget_rendering.WidgetRenderer"

DATABASES = {"default": database_from_url(os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Sessions and cache live in the database so several app processes can share them.
SESSION_ENGINE = "claims.sessions"  # Django's database sessions, read with the user in one query

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# django-axes first: it refuses a locked-out sign-in before any password is checked.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "claims.auth_backend.RolesBackend"]
# Sign-in throttling: after five failures for one username from one address, that pair is refused, even
# with the right password, for LOGIN_LOCKOUT_MINUTES; a success clears the count.
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(minutes=envint("LOGIN_LOCKOUT_MINUTES", 15))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Behind proxies, the client's address is the last one they add to X-Forwarded-For (docs/deployment.md).
AXES_IPWARE_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)
# Sessions end this many hours after sign-in, or when the browser closes if SESSION_AT_BROWSER_CLOSE=1.
SESSION_COOKIE_AGE = envint("SESSION_HOURS", 12) * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = envbool("SESSION_AT_BROWSER_CLOSE", False)
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "claims:article_list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_ROOT = BASE_DIR / "media"
# With DEBUG off, collectstatic (make serve runs it) writes compressed copies under content-hashed
# names, which WhiteNoise serves with far-future cache headers. A file missing from its manifest falls
# back to its plain name rather than failing the page.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_MANIFEST_STRICT = False

# HTTPS: production turns these on in the environment (docs/deployment.md gives the values).
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = envbool("SECURE_COOKIES", not DEBUG)
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
# Behind a proxy that ends TLS and says so in X-Forwarded-Proto (set only when the proxy always sets it).
if envbool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The load balancer's health check needs no redirect to HTTPS.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Everything comes from the site itself, and nothing inline: no script or style in a page or an
# attribute runs (htmx's own indicator styles are off, see base.html).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Imports: the largest file accepted (bytes) and the longest sentence the importer keeps (characters).
IMPORT_MAX_BYTES = envint("IMPORT_MAX_BYTES", 10 * 1024 * 1024)
IMPORT_MAX_SENTENCE_CHARS = envint("IMPORT_MAX_SENTENCE_CHARS", 5000)
DATA_UPLOAD_MAX_MEMORY_SIZE = IMPORT_MAX_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2621440

# Background jobs (claims/jobs.py): tasks wait in the database for `make worker` (django-tasks-db), so no
# other service is needed. An upload larger than JOB_IMPORT_BYTES is imported by the worker; an export of
# several articles always is. A running job that has not reported for JOB_STALE_SECONDS lost its worker
# and is handed to a new task, at most JOB_MAX_ATTEMPTS times; finished jobs are kept JOB_KEEP_DAYS.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
JOB_IMPORT_BYTES = envint("JOB_IMPORT_BYTES", 200 * 1024)
JOB_STALE_SECONDS = envint("JOB_STALE_SECONDS", 60)
JOB_MAX_ATTEMPTS = envint("JOB_MAX_ATTEMPTS", 3)
JOB_KEEP_DAYS = envint("JOB_KEEP_DAYS", 7)

# Exports: the organisation that publishes ClaimReview verdicts, and the site's own address (for links
# in exported files; the request's host is not known to commands).
REVIEWING_ORGANISATION_NAME = os.environ.get("REVIEWING_ORGANISATION_NAME", "Workbench Fact Desk")
REVIEWING_ORGANISATION_URL = os.environ.get("REVIEWING_ORGANISATION_URL", "https://factdesk.example.org/")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")
# The paper of Word exports: "A4" (most of the world) or "Letter".
EXPORT_PAGE_SIZE = os.environ.get("EXPORT_PAGE_SIZE", "A4")
if EXPORT_PAGE_SIZE not in ("A4", "Letter"):
    raise RuntimeError(f"EXPORT_PAGE_SIZE must be A4 or Letter, not {EXPORT_PAGE_SIZE!r}")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

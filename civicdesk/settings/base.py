"""civicdesk settings: every value comes from the environment, with safe defaults.

With DJANGO_DEBUG unset the installation runs in production mode: SECRET_KEY and
PERSONAL_DATA_KEY must be given, cookies are secure, HTTPS is enforced and
`manage.py check --deploy` has nothing to report. `make run` sets DJANGO_DEBUG=1.
See docs/operations.md for the full list.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from civicdesk.settings.env import (
    env_bool,
    env_int,
    env_list,
    env_required,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("CIVICDESK_VAR_DIR") or BASE_DIR / "var")

DEBUG = env_bool("DJANGO_DEBUG", False)

_KEY_HINT = "Generate one with: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
if DEBUG:
    SECRET_KEY = env_str("SECRET_KEY") or "insecure-development-key-never-use-in-production"
    # The development key encrypts demo data only; production refuses to start without a real one.
    PERSONAL_DATA_KEY = env_str("PERSONAL_DATA_KEY") or "insecure-development-personal-data-key"
else:
    SECRET_KEY = env_required("SECRET_KEY", _KEY_HINT)
    PERSONAL_DATA_KEY = env_required(
        "PERSONAL_DATA_KEY",
        "It encrypts national identity numbers and keys their look-up hash. " + _KEY_HINT,
    )
# Keys that decrypted earlier data, newest first; used while re-encrypting after a rotation.
PERSONAL_DATA_PREVIOUS_KEYS = env_list("PERSONAL_DATA_PREVIOUS_KEYS", [])

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "civicdesk.core.apps.CivicAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "servestatic.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules",
    "django_htmx",
    "template_partials",
    "csp",
    "axes",
    "auditlog",
    "django_tasks",
    "django_tasks_db",
    "civicdesk.core",
    "civicdesk.jobs",
    "civicdesk.org",
    "civicdesk.integrations",
    "civicdesk.catalog",
    "civicdesk.sla",
    "civicdesk.customers",
    "civicdesk.knowledge",
    "civicdesk.cases",
    "civicdesk.intake",
    "civicdesk.sms",
    "civicdesk.telephony",
    "civicdesk.reporting",
    "civicdesk.billing",
    "civicdesk.portal",
    "civicdesk.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "servestatic.middleware.ServeStaticMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "civicdesk.core.middleware.UserPreferencesMiddleware",
    "civicdesk.core.middleware.DomainErrorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "civicdesk.urls"
WSGI_APPLICATION = "civicdesk.wsgi.application"
ASGI_APPLICATION = "civicdesk.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "civicdesk" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "civicdesk.core.context_processors.civicdesk",
            ],
        },
    }
]

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL")
if not DATABASE_URL:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASE_URL = f"sqlite:///{VAR_DIR / 'civicdesk.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=0)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers and the writer work at once; synchronous=FULL makes an acknowledged
        # write survive a power cut; IMMEDIATE takes the write lock up front instead of failing
        # half-way through a transaction with "database is locked".
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "org.User"

# --- Authentication -------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Repeated wrong passwords lock the username from that address for a while, never for good,
# so an attacker cannot shut an agent out of their working day.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_IPWARE_PROXY_COUNT = env_int("AXES_PROXY_COUNT", 0)

# --- Security -------------------------------------------------------------------------------
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 10 * 3600)
X_FRAME_OPTIONS = "DENY"
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("pl", _("Polish")),
    ("sv", _("Swedish")),
    ("fi", _("Finnish")),
]
LOCALE_PATHS = [BASE_DIR / "civicdesk" / "locale"]
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["civicdesk.formats"]
TIME_ZONE = "UTC"
LANGUAGE_COOKIE_NAME = "civicdesk_language"
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [
    BASE_DIR / "civicdesk" / "static",
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "servestatic.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "civicdesk <no-reply@localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# --- Background work ------------------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}
# civicdesk.jobs (docs/decisions/0009-background-work.md): a worker refreshes its heartbeat
# every HEARTBEAT seconds; one silent for STALE_AFTER seconds is presumed dead and the reaper
# returns its running task to the queue. The scheduler ticks every SCHEDULER_INTERVAL seconds.
CIVICDESK_JOBS_HEARTBEAT_SECONDS = env_int("CIVICDESK_JOBS_HEARTBEAT_SECONDS", 5)
CIVICDESK_JOBS_STALE_AFTER_SECONDS = env_int("CIVICDESK_JOBS_STALE_AFTER_SECONDS", 60)
CIVICDESK_JOBS_SCHEDULER_INTERVAL_SECONDS = env_int("CIVICDESK_JOBS_SCHEDULER_INTERVAL_SECONDS", 5)
# History kept by the nightly prune: periodic job runs, successful and failed task results.
CIVICDESK_JOBS_KEEP_JOB_RUNS_DAYS = env_int("CIVICDESK_JOBS_KEEP_JOB_RUNS_DAYS", 30)
CIVICDESK_JOBS_KEEP_SUCCESSFUL_TASKS_DAYS = env_int("CIVICDESK_JOBS_KEEP_SUCCESSFUL_TASKS_DAYS", 14)
CIVICDESK_JOBS_KEEP_FAILED_TASKS_DAYS = env_int("CIVICDESK_JOBS_KEEP_FAILED_TASKS_DAYS", 90)

# --- Logging --------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}

# --- civicdesk ------------------------------------------------------------------------------
CIVICDESK_API_PAGE_SIZE = env_int("CIVICDESK_API_PAGE_SIZE", 50)
CIVICDESK_API_MAX_PAGE_SIZE = 500

# Targets shown beside the results on the managers' dashboard (docs/figures.md); the seeds'
# contact centre aims at 70 % resolved at first contact.
CIVICDESK_TARGET_FIRST_CONTACT_PERCENT = env_int("CIVICDESK_TARGET_FIRST_CONTACT_PERCENT", 70)
CIVICDESK_TARGET_FEEDBACK_IN_TIME_PERCENT = env_int("CIVICDESK_TARGET_FEEDBACK_IN_TIME_PERCENT", 95)
CIVICDESK_TARGET_SERVICE_LEVEL_PERCENT = env_int("CIVICDESK_TARGET_SERVICE_LEVEL_PERCENT", 90)
CIVICDESK_TARGET_TALK_SECONDS = env_int("CIVICDESK_TARGET_TALK_SECONDS", 180)
# The service level's convention (docs/figures.md, "Calls"): answered within this many seconds
# of being offered; abandoned calls count against it unless ..._COUNTS_ABANDONED is off; a
# caller who hangs up within ..._SHORT_ABANDON_SECONDS (a misdial, a wrong menu choice) is not
# counted as offered at all (0: every abandoned call counts).
CIVICDESK_SERVICE_LEVEL_SECONDS = env_int("CIVICDESK_SERVICE_LEVEL_SECONDS", 120)
CIVICDESK_SERVICE_LEVEL_COUNTS_ABANDONED = env_bool(
    "CIVICDESK_SERVICE_LEVEL_COUNTS_ABANDONED", True
)
CIVICDESK_SHORT_ABANDON_SECONDS = env_int("CIVICDESK_SHORT_ABANDON_SECONDS", 5)

# Files that arrive with a contact (mail attachments, web-form uploads): larger files or other
# types are refused with a reason; a mail carrying one lands in quarantine, never dropped.
CIVICDESK_ATTACHMENT_MAX_BYTES = env_int("CIVICDESK_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)
CIVICDESK_ATTACHMENT_TYPES = [
    "application/pdf",
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/heic",
    "text/plain",
    "text/calendar",
    "text/csv",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/rtf",
    "message/rfc822",
]

# E-mail intake (docs/email.md): limits checked on the raw bytes before the parser runs. A
# message over one of them is kept in quarantine with the reason, never dropped.
CIVICDESK_MAIL_MAX_BYTES = env_int("CIVICDESK_MAIL_MAX_BYTES", 30 * 1024 * 1024)
CIVICDESK_MAIL_MAX_HEADER_BYTES = env_int("CIVICDESK_MAIL_MAX_HEADER_BYTES", 256 * 1024)
CIVICDESK_MAIL_MAX_HEADER_FIELD = env_int("CIVICDESK_MAIL_MAX_HEADER_FIELD", 32 * 1024)
CIVICDESK_MAIL_MAX_ADDRESSES = env_int("CIVICDESK_MAIL_MAX_ADDRESSES", 300)
CIVICDESK_MAIL_MAX_PARTS = env_int("CIVICDESK_MAIL_MAX_PARTS", 200)

# SMS through a generic HTTP gateway (docs/sms.md). Without a URL, development writes messages to
# the log and production keeps them queued.
CIVICDESK_SMS_GATEWAY_URL = env_str("CIVICDESK_SMS_GATEWAY_URL", "")
CIVICDESK_SMS_GATEWAY_API_KEY = env_str("CIVICDESK_SMS_GATEWAY_API_KEY", "")
CIVICDESK_SMS_GATEWAY_SENDER = env_str("CIVICDESK_SMS_GATEWAY_SENDER", "civicdesk")
CIVICDESK_SMS_GATEWAY_WEBHOOK_SECRET = env_str("CIVICDESK_SMS_GATEWAY_WEBHOOK_SECRET", "")
CIVICDESK_SMS_GATEWAY_TIMEOUT = env_int("CIVICDESK_SMS_GATEWAY_TIMEOUT", 10)
CIVICDESK_SMS_WEBHOOK_TOLERANCE_SECONDS = env_int("CIVICDESK_SMS_WEBHOOK_TOLERANCE_SECONDS", 300)
# An SMS without a case reference joins the open case that exchanged an SMS with the same
# number within this many days.
CIVICDESK_SMS_THREAD_DAYS = env_int("CIVICDESK_SMS_THREAD_DAYS", 7)

# Mailboxes read over IMAP (docs/email.md, "IMAP and replies"): every minute one poll per active
# mailbox with an IMAP server, at most this many messages per poll (the rest the next minute).
CIVICDESK_IMAP_TIMEOUT_SECONDS = env_int("CIVICDESK_IMAP_TIMEOUT_SECONDS", 30)
CIVICDESK_IMAP_MESSAGES_PER_POLL = env_int("CIVICDESK_IMAP_MESSAGES_PER_POLL", 1000)

# E-mail intake (docs/email.md): limits checked on the raw bytes before the parser runs. A
# message over one of them is kept in quarantine with the reason, never dropped.
CIVICDESK_MAIL_MAX_BYTES = env_int("CIVICDESK_MAIL_MAX_BYTES", 30 * 1024 * 1024)
CIVICDESK_MAIL_MAX_HEADER_BYTES = env_int("CIVICDESK_MAIL_MAX_HEADER_BYTES", 256 * 1024)
CIVICDESK_MAIL_MAX_HEADER_FIELD = env_int("CIVICDESK_MAIL_MAX_HEADER_FIELD", 32 * 1024)
CIVICDESK_MAIL_MAX_ADDRESSES = env_int("CIVICDESK_MAIL_MAX_ADDRESSES", 300)
CIVICDESK_MAIL_MAX_PARTS = env_int("CIVICDESK_MAIL_MAX_PARTS", 200)

# --- Real time (telephony screen pops, docs/decisions/0015-screen-pop.md) ---------------------
# In memory by default: each web process relays pops from the database to its own websockets.
# With several web processes, point CHANNEL_REDIS_URL at Redis (redis://host:6379/0).
CHANNEL_REDIS_URL = env_str("CHANNEL_REDIS_URL", "")
CHANNEL_LAYERS = {
    "default": (
        {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [CHANNEL_REDIS_URL]},
        }
        if CHANNEL_REDIS_URL
        else {"BACKEND": "channels.layers.InMemoryChannelLayer"}
    )
}
CIVICDESK_SCREEN_POP_POLL_SECONDS = float(env_str("CIVICDESK_SCREEN_POP_POLL_SECONDS", "0.5"))

# The citizens' web form and status look-up (docs/portal.md). Counts are per client address
# (an IPv6 client by its /64) or per e-mail address or phone number, within the window.
CIVICDESK_PORTAL_MIN_FILL_SECONDS = env_int("CIVICDESK_PORTAL_MIN_FILL_SECONDS", 3)
CIVICDESK_PORTAL_FORM_MAX_AGE_HOURS = env_int("CIVICDESK_PORTAL_FORM_MAX_AGE_HOURS", 24)
CIVICDESK_PORTAL_RATE_WINDOW_MINUTES = env_int("CIVICDESK_PORTAL_RATE_WINDOW_MINUTES", 60)
CIVICDESK_PORTAL_SUBMISSIONS_PER_ADDRESS = env_int("CIVICDESK_PORTAL_SUBMISSIONS_PER_ADDRESS", 10)
CIVICDESK_PORTAL_SUBMISSIONS_PER_SENDER = env_int("CIVICDESK_PORTAL_SUBMISSIONS_PER_SENDER", 3)
CIVICDESK_PORTAL_LOOKUPS_PER_ADDRESS = env_int("CIVICDESK_PORTAL_LOOKUPS_PER_ADDRESS", 10)
CIVICDESK_PORTAL_CODES_PER_REFERENCE = env_int("CIVICDESK_PORTAL_CODES_PER_REFERENCE", 3)
CIVICDESK_PORTAL_CODE_MINUTES = env_int("CIVICDESK_PORTAL_CODE_MINUTES", 15)
CIVICDESK_PORTAL_CODE_ATTEMPTS = env_int("CIVICDESK_PORTAL_CODE_ATTEMPTS", 5)

"""Settings for the test suite: production mode, with test keys and fast hashing."""

import os

os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production-0123456789abcdef")
os.environ.setdefault("PERSONAL_DATA_KEY", "test-personal-data-key-0123456789abcdefghij")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SESSION_COOKIE_SECURE", "0")
os.environ.setdefault("CSRF_COOKIE_SECURE", "0")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

from civicdesk.settings.base import *  # noqa: F403
from civicdesk.settings.base import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AXES_ENABLED = False  # switched on by the tests that exercise lock-out
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
# Serve static files from the apps' folders, as in development: tests run no collectstatic.
SERVESTATIC_AUTOREFRESH = True
SERVESTATIC_USE_FINDERS = True

# --- civicdesk.jobs (owner: civicdesk/jobs/tests) ---------------------------------------------
# Its tests start workers and schedulers as child processes, which must open the test database:
# on SQLite that needs a file, not the in-memory default. Kept in /dev/shm (memory, so no
# slower), named by process id so parallel runs and xdist workers never share one. The test app
# holds the tables and tasks those tests drive.
import tempfile  # noqa: E402

from civicdesk.settings.base import DATABASES, INSTALLED_APPS  # noqa: E402

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    _JOBS_TEST_DIR = "/dev/shm"  # noqa: S108 (a throw-away database, named per process)
    if not os.path.isdir(_JOBS_TEST_DIR):
        _JOBS_TEST_DIR = tempfile.gettempdir()
    DATABASES["default"]["TEST"] = {
        "NAME": os.path.join(_JOBS_TEST_DIR, f"civicdesk-test-{os.getpid()}.sqlite3")
    }
INSTALLED_APPS = [*INSTALLED_APPS, "civicdesk.jobs.tests.testapp"]

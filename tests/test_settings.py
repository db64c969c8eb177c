"""Settings come from the environment; production mode refuses to start half-configured."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STRONG = {
    "SECRET_KEY": "k" * 20 + "-Zq8vN2mXr7Lp4Ws9Tb6Yc3Hd5Jf1Gk0Qe",
    "PERSONAL_DATA_KEY": "p" * 10 + "-Vx7Nc2Mb9Lz4Kj6Hg3Fd8Sa1Qw5Er0Ty",
}


def manage(*args, **env):
    clean = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DJANGO_DEBUG",
            "SECRET_KEY",
            "PERSONAL_DATA_KEY",
            "DJANGO_SETTINGS_MODULE",
            "SECURE_SSL_REDIRECT",
            "SESSION_COOKIE_SECURE",
            "CSRF_COOKIE_SECURE",
            "SECURE_HSTS_SECONDS",
            "ALLOWED_HOSTS",
            "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests in the same worker
        }
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "PERSONAL_DATA_KEY"])
def test_production_mode_names_the_missing_setting(missing, tmp_path):
    env = {key: value for key, value in STRONG.items() if key != missing}
    result = manage("check", DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3", **env)
    assert result.returncode != 0
    assert f"The environment variable {missing} is required" in result.stderr


def test_a_fully_configured_production_install_passes_the_deploy_check(tmp_path):
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",
        **STRONG,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_a_weak_personal_data_key_fails_the_deploy_check(tmp_path):
    result = manage(
        "check",
        "--deploy",
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",
        SECRET_KEY=STRONG["SECRET_KEY"],
        PERSONAL_DATA_KEY="short",
    )
    assert result.returncode != 0
    assert "civicdesk.E001" in result.stderr


def test_a_yes_no_setting_with_a_typo_is_refused(tmp_path):
    result = manage(
        "check",
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",
        SECURE_SSL_REDIRECT="maybe",
        **STRONG,
    )
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT='maybe' is not a yes/no value" in result.stderr


def test_embedded_sqlite_runs_in_wal_mode_with_full_sync(tmp_path):
    code = (
        "from django.db import connection\n"
        "cursor = connection.cursor()\n"
        "print(cursor.execute('PRAGMA journal_mode').fetchone()[0],"
        " cursor.execute('PRAGMA synchronous').fetchone()[0])\n"
    )
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        code,
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",
        **STRONG,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["wal", "2"]  # 2 is FULL

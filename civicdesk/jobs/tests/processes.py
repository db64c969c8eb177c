"""Child processes for the tests that kill workers and race schedulers.

The children run the real management commands against the test database, which therefore
must be one they can open: a file on SQLite (civicdesk/settings/test.py sees to that) or the
PostgreSQL test database. The tests using them need committed data: transactional_db.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

from django.db import connection

ROOT = Path(__file__).resolve().parents[3]
T = TypeVar("T")


def database_url() -> str:
    """The test database, as a DATABASE_URL for the children."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        name = str(settings["NAME"])
        assert not connection.creation.is_in_memory_db(name), (
            "The SQLite test database is in memory; civicdesk/settings/test.py should make it "
            "a file so that child processes can open it."
        )
        return f"sqlite:///{name}"
    credentials = quote(settings["USER"], safe="")
    if settings["PASSWORD"]:
        credentials += ":" + quote(settings["PASSWORD"], safe="")
    host = settings["HOST"] or "127.0.0.1"
    return f"postgres://{credentials}@{host}:{settings['PORT'] or 5432}/{settings['NAME']}"


class Children:
    """Starts children, keeps their output in files, and kills whatever is left at the end."""

    def __init__(self, directory: Path, periodic_modules: tuple[str, ...] = ()) -> None:
        self.directory = directory
        self.periodic_modules = periodic_modules  # registered in the children (see child.py)
        self.started: list[tuple[subprocess.Popen, Path]] = []

    def start(self, *command: str) -> subprocess.Popen:
        log = self.directory / f"child-{len(self.started)}-{command[0]}.log"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "civicdesk.jobs.tests.testapp.settings",
            "DATABASE_URL": database_url(),
            "PYTHONUNBUFFERED": "1",
            "CIVICDESK_TEST_PERIODIC_MODULES": ",".join(self.periodic_modules),
        }
        with open(log, "wb") as output:
            process = subprocess.Popen(  # noqa: S603 (our interpreter, our module)
                [sys.executable, "-m", "civicdesk.jobs.tests.testapp.child", *command],
                cwd=ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        self.started.append((process, log))
        return process

    def worker(self) -> subprocess.Popen:
        return self.start(
            "run_worker", "--skip-checks", "--no-reload", "--no-startup-delay",
            "--interval", "0.05", "--heartbeat-interval", "0.2",
        )  # fmt: skip

    def scheduler(self) -> subprocess.Popen:
        return self.start("run_scheduler", "--skip-checks", "--no-reload", "--interval", "0.1")

    def output(self) -> str:
        return "\n".join(
            f"--- {' '.join(map(str, process.args[3:]))} (pid {process.pid}, "
            f"exit {process.poll()}):\n{log.read_text(errors='replace')[-4000:]}"
            for process, log in self.started
        )

    def stop_all(self) -> None:
        for process, _log in self.started:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=10)

    def wait_until(self, check: Callable[[], T], what: str, timeout: float = 20.0) -> T:
        """Polls `check` until it returns something truthy; fails with the children's output."""
        deadline = time.monotonic() + timeout
        while True:
            value = check()
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"Not within {timeout} s: {what}\n{self.output()}")
            time.sleep(0.05)

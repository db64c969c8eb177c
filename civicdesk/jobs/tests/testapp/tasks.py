"""Tasks the background-work tests run. Arguments are plain values, as in every task."""

from __future__ import annotations

import os
import time
from pathlib import Path

from django_tasks import task

from civicdesk.jobs import PermanentFailure, retrying
from civicdesk.jobs.tests.testapp.models import TaskCompletion, TaskStart


@task()
def record_and_wait(*, key: str, gate: str, timeout: float = 30.0) -> str:
    """Records its start, waits until the file `gate` exists, records completion once."""
    TaskStart.objects.create(key=key, pid=os.getpid())
    deadline = time.monotonic() + timeout
    while not Path(gate).exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{gate} did not appear within {timeout} s")
        time.sleep(0.02)
    TaskCompletion.objects.get_or_create(key=key, defaults={"pid": os.getpid()})
    return key


@task()
@retrying(max_attempts=5, base_delay=30)
def fails_twice(*, key: str, attempt: int = 1) -> int:
    TaskStart.objects.create(key=key, pid=os.getpid())
    if attempt < 3:
        raise ConnectionError(f"gateway unreachable (attempt {attempt})")
    return attempt


@task()
@retrying(max_attempts=4, base_delay=10, max_delay=25)
def always_fails(*, key: str) -> None:
    TaskStart.objects.create(key=key, pid=os.getpid())
    raise ConnectionError("gateway still unreachable")


@task()
@retrying(max_attempts=5)
def refuses(*, key: str) -> None:
    TaskStart.objects.create(key=key, pid=os.getpid())
    raise PermanentFailure("the message is malformed")


@task()
@retrying(max_attempts=5)
def interrupted(*, key: str) -> None:
    TaskStart.objects.create(key=key, pid=os.getpid())
    raise SystemExit(1)  # what the worker's second Ctrl-C raises in the middle of a task


@task()
def tick() -> str:
    return "tick"


@task()
def tick_with_slot(*, slot: str) -> str:
    return slot

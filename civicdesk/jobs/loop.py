"""The scheduler's loop: every few seconds fire due periodic jobs and reap abandoned tasks.

Several schedulers may run (one per host, say): firing is once per slot and reaping is one
conditional update per task, so they need no leader. Each leaves a heartbeat too, so the admin
shows whether any scheduler is alive.
"""

from __future__ import annotations

import atexit
import logging
import threading
from collections.abc import Callable
from datetime import timedelta

from django.db import close_old_connections, connections

from civicdesk.jobs.heartbeat import Heartbeat, new_worker_id
from civicdesk.jobs.models import WorkerHeartbeat
from civicdesk.jobs.reaper import reap_abandoned_tasks
from civicdesk.jobs.registry import registered_jobs
from civicdesk.jobs.scheduler import schedule_due_jobs

log = logging.getLogger(__name__)


def run_scheduler(
    *,
    interval: float,
    stop: threading.Event,
    once: bool = False,
    stale_after: timedelta | None = None,
    scheduler_id: str | None = None,
) -> None:
    scheduler_id = scheduler_id or new_worker_id()
    heartbeat = Heartbeat(worker_id=scheduler_id, kind=WorkerHeartbeat.Kind.SCHEDULER)
    heartbeat.register()

    def remove_heartbeat() -> None:
        _safely("remove the heartbeat", heartbeat.remove)

    # Under --reload this loop runs in a thread that a reload or a signal ends from the main
    # thread, past the `finally` below: atexit still removes the row then.
    atexit.register(remove_heartbeat)
    log.info(
        "Scheduler %s started: every %ss, jobs: %s",
        scheduler_id, interval, ", ".join(job.name for job in registered_jobs()) or "none",
    )  # fmt: skip
    try:
        while not stop.is_set():
            tick(scheduler_id, heartbeat=heartbeat, stale_after=stale_after)
            if once:
                break
            stop.wait(interval)
    finally:
        remove_heartbeat()
        atexit.unregister(remove_heartbeat)
        connections.close_all()
        log.info("Scheduler %s stopped", scheduler_id)


def tick(scheduler_id: str, *, heartbeat: Heartbeat, stale_after: timedelta | None) -> None:
    # As a request would: drop a connection the database closed or that errored last time.
    close_old_connections()
    _safely("beat", heartbeat.beat)
    _safely("fire periodic jobs", lambda: schedule_due_jobs(fired_by=scheduler_id))
    _safely("reap abandoned tasks", lambda: reap_abandoned_tasks(stale_after=stale_after))


def _safely(what: str, step: Callable[[], object]) -> None:
    # A database that is briefly away must not end the scheduler; the next tick tries again.
    try:
        step()
    except Exception:
        log.exception("Scheduler could not %s", what)

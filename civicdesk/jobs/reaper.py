"""Returning the tasks of dead workers to the queue.

django-tasks-db marks a task RUNNING when a worker claims it and never looks at it again: a
worker killed mid-task leaves it RUNNING for ever. The worker that holds a task is the last
entry of `DBTaskResult.worker_ids`; when that worker's heartbeat is missing or stale, the task
goes back to READY and another worker runs it again (tasks are idempotent, so that is safe).

Each reset is one conditional UPDATE that re-checks, in the database and at that moment, that
the task is still RUNNING under the same claim and that its worker has no fresh heartbeat. So
several reapers can run at once (each task is reset once; the others update nothing), and a
worker whose heartbeat came back after the first look keeps its task.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Exists
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from civicdesk.jobs.models import WorkerHeartbeat, liveness_cutoff

log = logging.getLogger(__name__)

# A task whose workers died this many times is probably what kills them (memory, a crash in a
# C library): it is failed for an administrator to look at instead of killing a sixth worker.
MAX_CLAIMS = 5


class WorkerLost(Exception):
    """Recorded on a task that was running each time its worker died, MAX_CLAIMS times."""


WORKER_LOST = f"{WorkerLost.__module__}.{WorkerLost.__qualname__}"


@dataclass(frozen=True)
class AbandonedTask:
    id: str
    task_path: str
    worker_id: str
    claims: int
    started_at: datetime | None


def abandoned_tasks(
    *, now: datetime | None = None, stale_after: timedelta | None = None
) -> list[AbandonedTask]:
    """RUNNING tasks whose claiming worker has no fresh heartbeat (a first look, no locks)."""
    running = list(
        DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).values_list(
            "id", "task_path", "worker_ids", "started_at"
        )
    )
    if not running:
        return []
    alive = set(
        WorkerHeartbeat.objects.alive(now=now, stale_after=stale_after).values_list(
            "worker_id", flat=True
        )
    )
    found = []
    for task_id, task_path, worker_ids, started_at in running:
        worker_id = worker_ids[-1] if worker_ids else ""
        if worker_id not in alive:
            found.append(
                AbandonedTask(str(task_id), task_path, worker_id, len(worker_ids), started_at)
            )
    return found


def reap_abandoned_tasks(
    now: datetime | None = None, stale_after: timedelta | None = None
) -> list[str]:
    """Returns abandoned tasks to the queue (or fails them after MAX_CLAIMS); returns their ids.

    `now` and `stale_after` default to the database's clock and the
    CIVICDESK_JOBS_STALE_AFTER_SECONDS setting.
    """
    cutoff = liveness_cutoff(now, stale_after)
    reaped = []
    for task in abandoned_tasks(now=now, stale_after=stale_after):
        worker_alive = WorkerHeartbeat.objects.filter(
            worker_id=task.worker_id, last_seen__gte=cutoff
        )
        # The same claim (status and started_at), still without a live worker: re-checked in
        # the UPDATE itself, so a concurrent reaper or a claim by another worker wins cleanly.
        same_claim = DBTaskResult.objects.filter(
            pk=task.id, status=TaskResultStatus.RUNNING, started_at=task.started_at
        ).filter(~Exists(worker_alive))
        if task.claims >= MAX_CLAIMS:
            updated = same_claim.update(
                status=TaskResultStatus.FAILED,
                finished_at=now or timezone.now(),
                return_value=None,
                exception_class_path=WORKER_LOST,
                traceback=(
                    f"WorkerLost: the worker running this task died {task.claims} times "
                    f"(last: {task.worker_id}); it is not retried again."
                ),
            )
            if updated:
                log.error(
                    "Task %s (%s) failed: %d workers died running it, the last %s",
                    task.id, task.task_path, task.claims, task.worker_id,
                )  # fmt: skip
        else:
            updated = same_claim.update(status=TaskResultStatus.READY)
            if updated:
                log.warning(
                    "Task %s (%s) returned to the queue: its worker %s stopped sending "
                    "heartbeats (claim %d, started %s)",
                    task.id, task.task_path, task.worker_id or "(none)", task.claims,
                    task.started_at,
                )  # fmt: skip
        if updated:
            reaped.append(task.id)
    return reaped

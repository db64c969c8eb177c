"""Pruning what background work leaves behind, so the tables stay small.

Kept: each job's newest run whatever its age (it is what stops the latest slot from firing
again), failed task results for longer than successful ones (administrators look at them),
and heartbeats of dead workers for a day (the admin shows which worker died and when).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from civicdesk.jobs import conf
from civicdesk.jobs.models import JobRun, WorkerHeartbeat

log = logging.getLogger(__name__)

KEEP_DEAD_HEARTBEATS = timedelta(days=1)


def prune_history(now: datetime | None = None) -> dict[str, int]:
    now = now or timezone.now()
    newest_of_its_job = (
        JobRun.objects.filter(name=OuterRef("name")).order_by("-slot").values("pk")[:1]
    )
    runs, _ = (
        JobRun.objects.filter(slot__lt=now - conf.keep_job_runs())
        .exclude(pk=Subquery(newest_of_its_job))
        .delete()
    )
    _, tasks_by_model = DBTaskResult.objects.filter(
        Q(status=TaskResultStatus.SUCCESSFUL, finished_at__lt=now - conf.keep_successful_tasks())
        | Q(status=TaskResultStatus.FAILED, finished_at__lt=now - conf.keep_failed_tasks())
    ).delete()
    heartbeats, _ = WorkerHeartbeat.objects.filter(
        last_seen__lt=now - KEEP_DEAD_HEARTBEATS
    ).delete()
    pruned = {
        "job runs": runs,
        "task results": tasks_by_model.get(DBTaskResult._meta.label, 0),
        "heartbeats": heartbeats,
    }
    log.info("Pruned background-work history: %s", pruned)
    return pruned

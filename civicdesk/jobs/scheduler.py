"""Firing periodic jobs: each (job, slot) once, however many schedulers run.

For each job, the slot due is the latest time its schedule names at or before now. Firing a
slot is one transaction: insert the JobRun row (unique on job and slot), enqueue the task,
link the two. A second scheduler's insert of the same row fails (on PostgreSQL it waits for
the first to commit), so it enqueues nothing. Consequences, by design:
- slots missed while no scheduler ran fire once, the latest, not once per missed slot;
- a clock that jumps backwards lands on slots that already have their row: nothing fires twice;
- a clock that jumps forwards fires each job once, for the latest slot it passed.
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from civicdesk.jobs.models import JobRun
from civicdesk.jobs.registry import PeriodicJob, registered_jobs

log = logging.getLogger(__name__)


def schedule_due_jobs(now: datetime | None = None, *, fired_by: str = "") -> list[JobRun]:
    """Fires every registered job whose latest slot has not fired; returns the runs it fired."""
    now = now or timezone.now()
    due: dict[str, tuple[PeriodicJob, datetime]] = {}
    for job in registered_jobs():
        slot = job.latest_slot(now)
        if slot is not None:
            due[job.name] = (job, slot)
    if not due:
        return []
    # One read skips the slots that fired already, which is almost every job on almost every
    # tick; the unique constraint, not this read, is what guarantees a single fire.
    fired_before = set(
        JobRun.objects.filter(
            name__in=list(due), slot__in={slot for _job, slot in due.values()}
        ).values_list("name", "slot")
    )
    fired = []
    for name, (job, slot) in due.items():
        if (name, slot) in fired_before:
            continue
        try:
            run = fire(job, slot, fired_by=fired_by)
        except Exception:
            # One broken job must not hold back the others; its slot is tried again next tick.
            log.exception("Periodic job %s could not be fired for %s", name, slot.isoformat())
            continue
        if run is not None:
            fired.append(run)
    return fired


def fire(job: PeriodicJob, slot: datetime, *, fired_by: str = "") -> JobRun | None:
    """Claims the slot and enqueues the job's task in one transaction; None if taken already."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                run = JobRun.objects.create(name=job.name, slot=slot, fired_by=fired_by)
        except IntegrityError:
            log.debug("Periodic job %s for %s was fired by another scheduler", job.name, slot)
            return None
        result = job.enqueue(slot)
        # Only the database backend's results are rows to link to (the immediate backend of
        # the test settings has run the task already).
        db_result = getattr(result, "db_result", None)
        if db_result is not None:
            run.task_result = db_result
            run.save(update_fields=["task_result"])
    log.info("Fired periodic job %s for %s as task %s", job.name, slot.isoformat(), result.id)
    return run

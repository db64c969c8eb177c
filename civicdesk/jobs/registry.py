"""The registry of periodic jobs: a name, a django-tasks Task and a cron schedule.

Apps register in their tasks modules (imported by JobsConfig.ready in every process):

    @periodic("integrations.deliver_due_email", cron="* * * * *")
    @task()
    def deliver_due_email() -> int: ...

Cron expressions are cronsim's: five fields, or six with seconds first; they are read in the
job's time zone, so "0 7 * * MON" with "Europe/Stockholm" fires at 07:00 Swedish time all year.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cronsim import CronSim, CronSimError
from django.core.exceptions import ImproperlyConfigured
from django_tasks.base import Task

if TYPE_CHECKING:
    from django_tasks import TaskResult

NAME_MAX_LENGTH = 100  # JobRun.name


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    task: Task
    cron: str
    timezone: str
    # The slot (ISO 8601, UTC) is passed as `slot=`: a job that sends a weekly digest can key
    # its mail on the week it covers, so a rerun of the same slot sends nothing twice.
    pass_slot: bool = False

    def latest_slot(self, now: datetime) -> datetime | None:
        """The latest time at or before `now` that the schedule names, in UTC."""
        zone = ZoneInfo(self.timezone)
        # cronsim, iterating backwards from a whole second, yields times strictly before it;
        # start one second after `now` (in UTC, where a second is always a second).
        start = now.astimezone(UTC).replace(microsecond=0) + timedelta(seconds=1)
        try:
            slot = next(CronSim(self.cron, start.astimezone(zone), reverse=True))
        except StopIteration:  # no such time in the past fifty years
            return None
        return slot.astimezone(UTC)

    def enqueue(self, slot: datetime) -> TaskResult:
        kwargs: dict[str, Any] = {"slot": slot.isoformat()} if self.pass_slot else {}
        return self.task.enqueue(**kwargs)


_jobs: dict[str, PeriodicJob] = {}


def register_periodic(
    name: str,
    task: Task,
    cron: str = "*/1 * * * *",
    timezone: str = "UTC",
    *,
    pass_slot: bool = False,
) -> PeriodicJob:
    """Registers `task` to run on the `cron` schedule; the name identifies its runs for ever."""
    if not isinstance(task, Task):
        raise ImproperlyConfigured(
            f"Periodic job {name!r} needs a django-tasks Task: put @periodic above @task()."
        )
    if not name or len(name) > NAME_MAX_LENGTH:
        raise ImproperlyConfigured(f"A periodic job's name has 1 to {NAME_MAX_LENGTH} characters.")
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ImproperlyConfigured(
            f"Periodic job {name!r}: unknown time zone {timezone!r}."
        ) from None
    try:
        CronSim(cron, datetime.now(ZoneInfo(timezone)))
    except CronSimError as error:
        raise ImproperlyConfigured(
            f"Periodic job {name!r}: {cron!r} is not valid: {error}."
        ) from None
    if pass_slot and "slot" not in inspect.signature(task.func).parameters:
        raise ImproperlyConfigured(f"Periodic job {name!r} passes the slot: add a `slot` argument.")
    existing = _jobs.get(name)
    if existing is not None and existing.task.module_path != task.module_path:
        raise ImproperlyConfigured(
            f"Two periodic jobs are named {name!r}: "
            f"{existing.task.module_path} and {task.module_path}."
        )
    job = PeriodicJob(name=name, task=task, cron=cron, timezone=timezone, pass_slot=pass_slot)
    _jobs[name] = job
    return job


def periodic(
    name: str,
    cron: str = "*/1 * * * *",
    timezone: str = "UTC",
    *,
    pass_slot: bool = False,
) -> Callable[[Task], Task]:
    """Decorator form of `register_periodic`, placed above `@task()`."""

    def decorate(task: Task) -> Task:
        register_periodic(name, task, cron, timezone, pass_slot=pass_slot)
        return task

    return decorate


def registered_jobs() -> list[PeriodicJob]:
    return sorted(_jobs.values(), key=lambda job: job.name)

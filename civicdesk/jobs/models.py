from __future__ import annotations

from datetime import datetime, timedelta

from django.db import models
from django.db.models.functions import Now
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civicdesk.jobs import conf


def liveness_cutoff(
    now: datetime | None = None, stale_after: timedelta | None = None
) -> datetime | models.Expression:
    """The oldest `last_seen` that still counts as alive.

    Without `now` it is computed on the database's clock, the same clock that stamps every
    heartbeat: workers on several hosts are then compared on one clock, and a host whose own
    clock is off or jumps cannot make a live worker look dead. Tests pass `now`.
    """
    stale_after = conf.stale_after() if stale_after is None else stale_after
    if now is None:
        return models.ExpressionWrapper(
            Now() - models.Value(stale_after, output_field=models.DurationField()),
            output_field=models.DateTimeField(),
        )
    return now - stale_after


class WorkerHeartbeatQuerySet(models.QuerySet["WorkerHeartbeat"]):
    def alive(
        self, *, now: datetime | None = None, stale_after: timedelta | None = None
    ) -> WorkerHeartbeatQuerySet:
        return self.filter(last_seen__gte=liveness_cutoff(now, stale_after))

    def with_alive(self, *, stale_after: timedelta | None = None) -> WorkerHeartbeatQuerySet:
        return self.annotate(
            alive=models.Case(
                models.When(last_seen__gte=liveness_cutoff(None, stale_after), then=True),
                default=False,
                output_field=models.BooleanField(),
            )
        )


class WorkerHeartbeat(models.Model):
    """A sign of life from a worker or scheduler process, refreshed every few seconds.

    The reaper trusts a task's worker as long as this row is fresh; a process that stops
    gracefully deletes it, one that is killed leaves it to go stale.
    """

    class Kind(models.TextChoices):
        WORKER = "worker", _("task worker")
        SCHEDULER = "scheduler", _("scheduler")

    # The id recorded in DBTaskResult.worker_ids, which the reaper matches against.
    worker_id = models.CharField(_("worker id"), max_length=64, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.WORKER)
    host = models.CharField(_("host"), max_length=255)
    pid = models.PositiveIntegerField(_("process id"))
    queues = models.CharField(_("queues"), max_length=200, blank=True)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    last_seen = models.DateTimeField(_("last seen"))

    objects = WorkerHeartbeatQuerySet.as_manager()

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")
        ordering = ["kind", "host", "started_at"]

    def __str__(self) -> str:
        return self.worker_id


class JobRun(models.Model):
    """One firing of a periodic job for one slot of its schedule.

    The unique (name, slot) pair is what makes several schedulers fire each slot once: each
    tries the insert, and only the one whose insert succeeds enqueues the task, in the same
    transaction, so a slot is never claimed without its task being queued.
    """

    name = models.CharField(_("job"), max_length=100)
    slot = models.DateTimeField(_("slot"))
    fired_at = models.DateTimeField(_("fired at"), default=timezone.now)
    fired_by = models.CharField(_("fired by"), max_length=64, blank=True)
    task_result = models.ForeignKey(
        "django_tasks_database.DBTaskResult",
        verbose_name=_("task"),
        null=True,
        blank=True,
        # Pruning old task results keeps the record that the slot fired.
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("periodic job run")
        verbose_name_plural = _("periodic job runs")
        ordering = ["-slot", "name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "slot"], name="jobs_jobrun_once_per_slot")
        ]

    def __str__(self) -> str:
        return f"{self.name} @ {self.slot:%Y-%m-%d %H:%M:%S}"

"""Reliable background work on django-tasks-db.

What the database backend leaves out, added around it rather than copied: workers that leave a
heartbeat (`run_worker`), a reaper that returns the task of a dead worker to the queue, periodic
jobs that fire once per slot however many schedulers run (`run_scheduler`), and retries with
back-off. Apps use two decorators, above and below django-tasks' `@task()`:

    @periodic("sla.fire_due_alarms", cron="* * * * *")
    @task()
    def fire_due_alarms() -> int: ...

    @task()
    @retrying(max_attempts=5, base_delay=30)
    def push_to_gateway(*, message_id: int) -> None: ...

Why and how: docs/decisions/0009-background-work.md.
"""

from civicdesk.jobs.registry import periodic, register_periodic
from civicdesk.jobs.retries import PermanentFailure, RetryScheduled, retrying

__all__ = ["PermanentFailure", "RetryScheduled", "periodic", "register_periodic", "retrying"]

"""django-tasks-db's worker loop, leaving a heartbeat while it runs."""

from __future__ import annotations

import atexit
from typing import Any

from django_tasks_db.management.commands.db_worker import Worker

from civicdesk.jobs.heartbeat import Heartbeat
from civicdesk.jobs.models import WorkerHeartbeat


class HeartbeatWorker(Worker):
    """The library's Worker; only `run` is wrapped, so its claiming and signals stay as tested
    upstream. The heartbeat is registered before the first claim, so the reaper never sees a
    task of this worker without a fresh heartbeat beside it."""

    def __init__(self, *, heartbeat_interval: float | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.heartbeat = Heartbeat(
            worker_id=self.worker_id,
            kind=WorkerHeartbeat.Kind.WORKER,
            interval=heartbeat_interval,
            queues=",".join(self.queue_names + [f"-{name}" for name in self.excluded_queue_names]),
        )

    def run(self) -> None:
        self.heartbeat.start()
        # Under --reload the loop runs in a thread and a signal ends the process from the main
        # thread, past this `finally`: atexit still removes the row then.
        atexit.register(self.heartbeat.stop)
        try:
            super().run()
        finally:
            self.heartbeat.stop()
            atexit.unregister(self.heartbeat.stop)

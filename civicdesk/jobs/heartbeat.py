"""A process's sign of life: a WorkerHeartbeat row refreshed by a background thread.

The thread has its own database connection (Django's connections are per thread), so a task
holding the worker's connection in a long transaction does not stop the heartbeat, and it
closes that connection when it ends.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable
from types import TracebackType

from django.db import close_old_connections, connections
from django.db.models.functions import Now
from django.utils import timezone
from django.utils.crypto import get_random_string

from civicdesk.jobs import conf
from civicdesk.jobs.models import WorkerHeartbeat

log = logging.getLogger(__name__)


def new_worker_id() -> str:
    """Unique across hosts and restarts, and readable in the admin: host:pid:random."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{get_random_string(8)}"


class Heartbeat:
    def __init__(
        self,
        *,
        worker_id: str,
        kind: str = WorkerHeartbeat.Kind.WORKER,
        interval: float | None = None,
        queues: str = "",
    ) -> None:
        self.worker_id = worker_id
        self.kind = kind
        self.interval = conf.heartbeat_interval() if interval is None else interval
        self.queues = queues[:200]
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    # --- one step at a time, in the calling thread -------------------------------------------
    def register(self) -> None:
        WorkerHeartbeat.objects.update_or_create(
            worker_id=self.worker_id,
            defaults={
                "kind": self.kind,
                "host": socket.gethostname()[:255],
                "pid": os.getpid(),
                "queues": self.queues,
                "started_at": timezone.now(),
                # The database's clock, which the reaper compares with (see liveness_cutoff).
                "last_seen": Now(),
            },
        )

    def beat(self) -> None:
        if WorkerHeartbeat.objects.filter(worker_id=self.worker_id).update(last_seen=Now()):
            return
        # The row went: pruned after this process was silent for a long time (a suspended
        # machine?). The reaper may have handed this worker's task to another worker meanwhile;
        # tasks are idempotent, so the double run is harmless, but it deserves a trace.
        log.warning("Heartbeat of %s was missing (presumed dead); registering again", self)
        self.register()

    def remove(self) -> None:
        WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()

    # --- in a background thread --------------------------------------------------------------
    def start(self) -> None:
        """Registers at once (before the caller claims any task), then beats in a thread."""
        self.register()
        self._stopping.clear()
        self._thread = threading.Thread(
            target=self._run, name=f"heartbeat {self.worker_id}", daemon=True
        )
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stops the thread, which removes the row; safe to call twice (atexit and finally)."""
        thread, self._thread = self._thread, None
        if thread is None:
            return
        self._stopping.set()
        thread.join(timeout)

    def _run(self) -> None:
        try:
            while not self._stopping.wait(self.interval):
                self._safely(self.beat)
            self._safely(self.remove)
        finally:
            connections.close_all()  # this thread's connections only

    def _safely(self, step: Callable[[], None]) -> None:
        # A database hiccup must not end the heartbeat: the next beat tries again.
        try:
            close_old_connections()
            step()
        except Exception:
            log.exception("Heartbeat of %s failed", self)

    def __enter__(self) -> Heartbeat:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def __str__(self) -> str:
        return f"{self.kind} {self.worker_id}"

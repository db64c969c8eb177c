"""`manage.py run_worker`: django-tasks-db's `db_worker`, plus a heartbeat. Use it instead.

Every option of db_worker is kept (--queue-name, --interval, --batch, --max-tasks, --reload
...), and --heartbeat-interval is added. A worker stopped with SIGTERM or Ctrl-C finishes its
task and removes its heartbeat; one that is killed leaves the heartbeat to go stale, and the
scheduler's reaper returns its task to the queue.
"""

from __future__ import annotations

import os
from argparse import ArgumentParser, ArgumentTypeError
from typing import Any

from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from civicdesk.jobs import conf
from civicdesk.jobs.heartbeat import new_worker_id
from civicdesk.jobs.worker import HeartbeatWorker


def positive_seconds(value: str) -> float:
    seconds = float(value)
    if not 0 < seconds < 3600:
        raise ArgumentTypeError("Must be a number of seconds above 0 and below 3600")
    return seconds


class Command(db_worker.Command):
    help = "Run a database task worker that leaves a heartbeat (use instead of db_worker)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--heartbeat-interval",
            type=positive_seconds,
            default=None,
            help="Seconds between heartbeats (default: CIVICDESK_JOBS_HEARTBEAT_SECONDS).",
        )
        # db_worker draws a random id when its parser is built; ours names host and process.
        parser.set_defaults(worker_id=None)

    def handle(  # type: ignore[override]
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        reload: bool,
        max_tasks: int | None,
        worker_id: str | None,
        exclude_queues: str,
        heartbeat_interval: float | None,
        **options: Any,
    ) -> None:
        self.configure_logging(verbosity)
        heartbeat_interval = heartbeat_interval or conf.heartbeat_interval()
        if heartbeat_interval * 3 > conf.stale_after().total_seconds():
            raise CommandError(
                "The heartbeat interval must be at most a third of "
                "CIVICDESK_JOBS_STALE_AFTER_SECONDS, or live workers would look dead."
            )
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        if reload and batch:
            reload = False

        worker = HeartbeatWorker(
            queue_names=queue_names,
            excluded_queue_names=excluded_queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id or new_worker_id(),
            heartbeat_interval=heartbeat_interval,
        )
        if reload:
            # As db_worker: only the reloaded child handles signals; it runs the loop.
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()

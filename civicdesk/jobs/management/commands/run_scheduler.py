"""`manage.py run_scheduler`: fire periodic jobs and reap abandoned tasks, every few seconds.

Run one beside the workers, or several (one per host): each slot still fires once. SIGTERM or
Ctrl-C ends it after the current tick; --once runs a single tick (for a cron-driven setup).
"""

from __future__ import annotations

import signal
import sys
import threading
from argparse import ArgumentParser, ArgumentTypeError, BooleanOptionalAction
from datetime import timedelta
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.autoreload import run_with_reloader

from civicdesk.jobs import conf
from civicdesk.jobs.loop import run_scheduler

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def positive_seconds(value: str) -> float:
    seconds = float(value)
    if not 0 < seconds < 86400:
        raise ArgumentTypeError("Must be a number of seconds above 0 and below 86400")
    return seconds


class Command(BaseCommand):
    help = "Fire due periodic jobs and return abandoned tasks to the queue, every few seconds."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--interval",
            type=positive_seconds,
            default=None,
            help="Seconds between ticks (default: CIVICDESK_JOBS_SCHEDULER_INTERVAL_SECONDS).",
        )
        parser.add_argument(
            "--stale-after",
            type=positive_seconds,
            default=None,
            help="Seconds of silence after which a worker is presumed dead "
            "(default: CIVICDESK_JOBS_STALE_AFTER_SECONDS).",
        )
        parser.add_argument("--once", action="store_true", help="Run one tick, then exit.")
        parser.add_argument(
            "--reload",
            action=BooleanOptionalAction,
            default=settings.DEBUG,
            help="Restart on code changes, for development (default: DEBUG).",
        )

    def handle(
        self,
        *,
        interval: float | None,
        stale_after: float | None,
        once: bool,
        reload: bool,
        **options: Any,
    ) -> None:
        stop = threading.Event()

        def main() -> None:
            run_scheduler(
                interval=interval or conf.scheduler_interval(),
                stale_after=timedelta(seconds=stale_after) if stale_after else None,
                once=once,
                stop=stop,
            )

        if reload and not once:
            run_with_reloader(main)
            return

        def shutdown(signum: int, frame: FrameType | None) -> None:
            if stop.is_set():  # asked twice: stop now
                sys.exit(1)
            stop.set()

        previous = {signum: signal.signal(signum, shutdown) for signum in STOP_SIGNALS}
        try:
            main()
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

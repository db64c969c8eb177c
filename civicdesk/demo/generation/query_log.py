"""Switching Django's query log off while writing in bulk.

With DEBUG on (as in development and in the benchmark) every statement is kept in memory with
its parameters quoted into it; SQLite even runs an extra query per statement to quote them. For
a million rows that is gigabytes of memory and a large share of the time, and the log would
measure Django's debugging instead of the database.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.test.utils import override_settings


@contextmanager
def query_log_off() -> Iterator[None]:
    # Connections look at settings.DEBUG for every new cursor; override_settings is the
    # supported way to change a setting for a while and restores it on the way out.
    with override_settings(DEBUG=False):
        yield

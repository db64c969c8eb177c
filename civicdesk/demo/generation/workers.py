"""Building rows in worker processes while the calling process writes them."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from django.db import connections

B = TypeVar("B")
R = TypeVar("R")


def built_in_order(build: Callable[[B], R], batches: Iterable[B], workers: int) -> Iterator[R]:
    """Built batches in order. A bounded window of batches in flight keeps memory flat when
    the workers build faster than the database writes (Pool.imap would queue them all)."""
    if workers <= 1:
        yield from map(build, batches)
        return
    # The workers must not share the parent's database connections; fork keeps the configured
    # settings (and the personal-data key) without setting Django up again.
    connections.close_all()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        in_flight = deque()
        for batch in batches:
            in_flight.append(pool.apply_async(build, (batch,)))
            if len(in_flight) > 2 * workers:
                yield in_flight.popleft().get()
        while in_flight:
            yield in_flight.popleft().get()

"""What scenarios share: the scale, the run's context, records and latency statistics."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime


@dataclass(frozen=True)
class Scale:
    customers: int
    cases: int
    lookups: int  # timed look-ups per scenario
    protected_ids: int  # national IDs protected in the single-core rate
    requests: int  # HTTP requests per URL
    searches: int  # timed case searches per actor and kind of query


SCALES = {
    "small": Scale(
        customers=20_000, cases=20_000, lookups=500, protected_ids=20_000, requests=200,
        searches=200,
    ),
    "full": Scale(
        customers=1_000_000, cases=1_000_000, lookups=500, protected_ids=100_000, requests=500,
        searches=300,
    ),
}  # fmt: skip
ORGANISATIONS = 3  # one of each country, so every national-ID and phone format is exercised


@dataclass(frozen=True)
class Record:
    name: str
    value: float
    unit: str
    data_size: int  # customers in the database when measured (cases: as many, see Scale)
    database: str  # connection.vendor: sqlite, postgresql
    measured_at: str


@dataclass
class Bench:
    """One run: what it measures against, and what it found."""

    scale: Scale
    seed: int
    database: str
    generation: list = field(default_factory=list)  # StepResults of the data preparation
    records: list[Record] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def record(self, name: str, value: float, unit: str) -> None:
        measured_at = datetime.now(UTC).isoformat(timespec="seconds")
        self.records.append(
            Record(name, round(value, 3), unit, self.scale.customers, self.database, measured_at)
        )

    def note(self, message: str) -> None:
        """Something a reader of the results must know, such as a skipped measurement."""
        self.notes.append(message)
        print(f"  note: {message}", flush=True)


def latencies_ms(call: Callable[[object], object], inputs: Iterable, *, warm_up: int = 20):
    """Milliseconds per call, after `warm_up` untimed calls fill caches and connections."""
    inputs = list(inputs)
    for item in inputs[:warm_up]:
        call(item)
    timings = []
    for item in inputs:
        started = time.perf_counter()
        call(item)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[94]

"""The frame of `generate_data`: a run's settings, the Step interface and the runner.

Each step brings one kind of data up to a target count (`--customers 1000000`). Targets, not
increments: a second run with the same numbers creates nothing, and a larger number tops up.
Steps run in the order of `STEPS`; a later step builds on what earlier steps made.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.db import connection

from civicdesk.org.models import User


@dataclass(frozen=True)
class GenerationRun:
    seed: int
    actor: User  # the installation admin, for the steps that go through services
    batch_size: int = 5_000
    workers: int = 1  # processes that build rows; the calling process writes them
    progress: bool = True  # a tqdm bar on stderr


@dataclass(frozen=True)
class StepResult:
    option: str
    unit: str
    created: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.created / self.seconds if self.seconds else 0.0


class Step:
    """One kind of generated data. Subclasses set the three names and implement `fill`."""

    option: str  # the command-line option: --<option> N
    unit: str  # what N counts, for messages
    help: str
    # The target when the option is not given but other steps run: what they cannot do without.
    implied_target: int | None = None

    def fill(self, run: GenerationRun, target: int) -> int:
        """Create what is missing up to `target`; return how many were created."""
        raise NotImplementedError

    def run(self, run: GenerationRun, target: int) -> StepResult:
        started = time.perf_counter()
        created = self.fill(run, target)
        return StepResult(self.option, self.unit, created, time.perf_counter() - started)


def generate(run: GenerationRun, steps, targets: dict[str, int | None]) -> list[StepResult]:
    """Run each step that has a target, in the order given."""
    if all(targets.get(step.option) is None for step in steps):
        return []
    results = []
    for step in steps:
        target = targets.get(step.option)
        if target is None:
            target = step.implied_target
        if target is not None:
            results.append(step.run(run, target))
    if any(result.created for result in results):
        refresh_planner_statistics()
    return results


def refresh_planner_statistics() -> None:
    """ANALYZE after a bulk load, as one does after restoring a dump. Without statistics
    SQLite's planner takes the (organisation, registered_at) index for any case query of an
    organisation: measured at 1,000,000 cases, reading 26 search hits by id took 84 ms
    instead of 6, and "open cases of a group" 1.5 s instead of 17. PostgreSQL's autovacuum
    would get there too, but only after a while. (3 s at a million cases on SQLite.)"""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

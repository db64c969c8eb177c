"""Retries: each attempt a task result of its own, queued later and later, then given up."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from civicdesk.jobs.retries import backoff_seconds
from civicdesk.jobs.tests.conftest import run_ready_tasks
from civicdesk.jobs.tests.testapp.models import TaskStart
from civicdesk.jobs.tests.testapp.tasks import always_fails, fails_twice, interrupted, refuses

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
RETRY_SCHEDULED = "civicdesk.jobs.retries.RetryScheduled"


def attempts(key: str) -> list[DBTaskResult]:
    """The task results of one logical task, in attempt order."""
    results = DBTaskResult.objects.filter(args_kwargs__kwargs__key=key)
    return sorted(results, key=lambda result: result.args_kwargs["kwargs"].get("attempt", 1))


def test_a_task_failing_twice_then_succeeding_runs_three_times_with_growing_delays(
    db_tasks, time_machine
):
    time_machine.move_to(T0, tick=False)
    fails_twice.enqueue(key="flaky")
    assert run_ready_tasks() == 1
    assert run_ready_tasks() == 0  # attempt 2 waits its 30 s
    time_machine.move_to(T0 + timedelta(seconds=30), tick=False)
    assert run_ready_tasks() == 1
    time_machine.move_to(T0 + timedelta(seconds=89), tick=False)
    assert run_ready_tasks() == 0  # attempt 3 waits 60 s after attempt 2
    time_machine.move_to(T0 + timedelta(seconds=90), tick=False)
    assert run_ready_tasks() == 1

    first, second, third = attempts("flaky")
    assert [result.status for result in (first, second, third)] == [
        TaskResultStatus.FAILED,
        TaskResultStatus.FAILED,
        TaskResultStatus.SUCCESSFUL,
    ]
    assert [second.run_after, third.run_after] == [
        T0 + timedelta(seconds=30),
        T0 + timedelta(seconds=90),
    ]
    assert third.return_value == 3
    assert TaskStart.objects.filter(key="flaky").count() == 3
    # Each failure stays visible with the real error in its traceback.
    assert first.exception_class_path == second.exception_class_path == RETRY_SCHEDULED
    assert "ConnectionError: gateway unreachable (attempt 1)" in first.traceback
    assert f"queued as task {second.id}" in first.traceback
    assert "ConnectionError: gateway unreachable (attempt 2)" in second.traceback


def test_a_task_that_always_fails_stops_after_its_last_attempt(db_tasks, time_machine):
    time_machine.move_to(T0, tick=False)
    always_fails.enqueue(key="down")
    for _ in range(10):
        run_ready_tasks()
        time_machine.shift(timedelta(minutes=1))

    results = attempts("down")
    assert len(results) == 4  # max_attempts
    assert {result.status for result in results} == {TaskResultStatus.FAILED}
    assert [r.exception_class_path for r in results] == [RETRY_SCHEDULED] * 3 + [
        "builtins.ConnectionError"
    ]
    # 10 s, 20 s, then 40 s capped at 25 s.
    waits = [
        later.run_after - earlier.finished_at for earlier, later in itertools.pairwise(results)
    ]
    assert waits == [timedelta(seconds=10), timedelta(seconds=20), timedelta(seconds=25)]
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()


def test_a_permanent_failure_is_not_retried(db_tasks):
    refuses.enqueue(key="malformed")
    run_ready_tasks()
    (result,) = attempts("malformed")
    assert result.status == TaskResultStatus.FAILED
    assert result.exception_class_path == "civicdesk.jobs.retries.PermanentFailure"


def test_an_attempt_interrupted_by_a_forced_stop_is_retried_and_the_interrupt_goes_on(
    db_tasks, time_machine
):
    time_machine.move_to(T0, tick=False)
    interrupted.enqueue(key="stopped")
    assert run_ready_tasks() == 1
    first, second = attempts("stopped")
    # The worker saw the SystemExit (and would stop); the next attempt waits its back-off.
    assert first.status == TaskResultStatus.FAILED
    assert first.exception_class_path == "builtins.SystemExit"
    assert second.status == TaskResultStatus.READY
    assert second.run_after == T0 + timedelta(seconds=30)
    # Counted like any failure: a task that exits by itself stops after its last attempt.
    for _ in range(6):
        time_machine.shift(timedelta(hours=1))
        run_ready_tasks()
    assert len(attempts("stopped")) == 5


def test_with_a_backend_that_cannot_delay_the_first_error_is_final():
    # The test settings' immediate backend runs the task at once and cannot schedule a retry.
    result = fails_twice.enqueue(key="immediate")
    assert result.status == TaskResultStatus.FAILED
    assert result.errors[0].exception_class_path == "builtins.ConnectionError"
    assert TaskStart.objects.filter(key="immediate").count() == 1


@pytest.mark.parametrize(
    ("attempt", "seconds"), [(1, 30), (2, 60), (3, 120), (4, 240), (8, 3600), (30, 3600)]
)
def test_the_back_off_doubles_up_to_its_cap(attempt, seconds):
    assert backoff_seconds(attempt, base_delay=30, max_delay=3600) == seconds

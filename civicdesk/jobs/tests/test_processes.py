"""Real worker and scheduler processes: killed mid-task, left alone while alive, racing.

Children start in about a second; every wait polls with a deadline, so a test takes as long
as the processes need and a hang fails with their output instead of stalling the suite.
"""

from __future__ import annotations

import signal
import time
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from civicdesk.jobs.models import JobRun, WorkerHeartbeat
from civicdesk.jobs.reaper import reap_abandoned_tasks
from civicdesk.jobs.tests.processes import Children
from civicdesk.jobs.tests.testapp.models import TaskCompletion, TaskStart
from civicdesk.jobs.tests.testapp.tasks import record_and_wait

pytestmark = [pytest.mark.xdist_group("processes"), pytest.mark.timeout(120)]

# A second of silence makes a worker dead here; production allows a minute.
STALE_AFTER = timedelta(seconds=1)


@pytest.fixture
def children(transactional_db, db_tasks, tmp_path):
    started = Children(tmp_path)
    yield started
    started.stop_all()  # before transactional_db empties the tables under them


def status(result_id: str) -> str:
    return DBTaskResult.objects.get(pk=result_id).status


def test_a_worker_killed_mid_task_is_reaped_and_a_second_worker_completes_it_once(
    children, tmp_path
):
    gate = tmp_path / "gate"
    result = record_and_wait.enqueue(key="killed", gate=str(gate))
    first = children.worker()
    children.wait_until(
        lambda: TaskStart.objects.filter(key="killed").exists(), "the first worker starts"
    )
    (first_worker_id,) = DBTaskResult.objects.get(pk=result.id).worker_ids
    assert WorkerHeartbeat.objects.filter(worker_id=first_worker_id).exists()

    first.send_signal(signal.SIGKILL)  # no cleanup at all, in the middle of the task
    assert first.wait(timeout=10) == -signal.SIGKILL
    assert status(result.id) == TaskResultStatus.RUNNING

    reaped = children.wait_until(
        lambda: reap_abandoned_tasks(stale_after=STALE_AFTER), "the reaper sees the worker dead"
    )
    assert reaped == [result.id]
    assert status(result.id) == TaskResultStatus.READY

    gate.touch()
    second = children.worker()
    children.wait_until(
        lambda: status(result.id) == TaskResultStatus.SUCCESSFUL, "the second worker completes"
    )
    done = DBTaskResult.objects.get(pk=result.id)
    assert done.worker_ids[0] == first_worker_id
    assert len(done.worker_ids) == 2
    assert done.return_value == "killed"
    assert TaskStart.objects.filter(key="killed").count() == 2
    assert list(TaskCompletion.objects.values_list("key", "pid")) == [("killed", second.pid)]

    second.send_signal(signal.SIGTERM)
    assert second.wait(timeout=10) == 0
    # A graceful stop removes the heartbeat; the killed worker's stays until it is pruned.
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == [first_worker_id]


def test_the_reaper_leaves_the_task_of_a_live_worker_alone(children, tmp_path):
    gate = tmp_path / "gate"
    result = record_and_wait.enqueue(key="alive", gate=str(gate))
    children.worker()
    children.wait_until(lambda: TaskStart.objects.filter(key="alive").exists(), "the task starts")

    # For twice the allowed silence the task runs, and the reaper finds nothing to take.
    deadline = time.monotonic() + 2 * STALE_AFTER.total_seconds()
    while time.monotonic() < deadline:
        assert reap_abandoned_tasks(stale_after=STALE_AFTER) == []
        time.sleep(0.1)

    gate.touch()
    children.wait_until(
        lambda: status(result.id) == TaskResultStatus.SUCCESSFUL, "the worker completes"
    )
    assert len(DBTaskResult.objects.get(pk=result.id).worker_ids) == 1
    assert TaskStart.objects.filter(key="alive").count() == 1
    assert TaskCompletion.objects.filter(key="alive").count() == 1


def test_two_schedulers_racing_over_several_ticks_fire_each_slot_once(children):
    schedulers = [children.scheduler(), children.scheduler()]
    children.wait_until(
        lambda: WorkerHeartbeat.objects.filter(kind=WorkerHeartbeat.Kind.SCHEDULER).count() == 2,
        "both schedulers run",
    )
    both_running = timezone.now()
    children.wait_until(
        lambda: JobRun.objects.filter(name="test.every-second", slot__gt=both_running).count() >= 5,
        "five every-second slots pass with both schedulers running",
    )
    for scheduler in schedulers:
        scheduler.send_signal(signal.SIGTERM)
    assert [scheduler.wait(timeout=10) for scheduler in schedulers] == [0, 0]
    assert not WorkerHeartbeat.objects.exists()  # both removed theirs on the way out

    for job, task_path in [
        ("test.every-second", "civicdesk.jobs.tests.testapp.tasks.tick"),
        ("test.every-two-seconds", "civicdesk.jobs.tests.testapp.tasks.tick_with_slot"),
    ]:
        tasks = list(JobRun.objects.filter(name=job).values_list("task_result_id", flat=True))
        assert len(tasks) >= 2
        assert None not in tasks
        assert len(set(tasks)) == len(tasks)  # one task per slot ...
        assert DBTaskResult.objects.filter(task_path=task_path).count() == len(tasks)  # ... only
    for run in JobRun.objects.filter(name="test.every-two-seconds").select_related("task_result"):
        assert run.task_result.args_kwargs["kwargs"] == {"slot": run.slot.isoformat()}

"""The reaper in-process: dead, stale and live workers, concurrent reapers, poison tasks."""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

import pytest
from django.db import connections
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from civicdesk.jobs import reaper
from civicdesk.jobs.heartbeat import Heartbeat
from civicdesk.jobs.models import WorkerHeartbeat
from civicdesk.jobs.reaper import MAX_CLAIMS, WORKER_LOST, reap_abandoned_tasks
from civicdesk.jobs.tests.testapp.tasks import tick

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("db_tasks")]

MINUTE = timedelta(minutes=1)


def running_task(*worker_ids: str) -> DBTaskResult:
    """A task claimed by each of `worker_ids` in turn; the last one holds it."""
    result = DBTaskResult.objects.get(pk=tick.enqueue().id)
    for worker_id in worker_ids:
        result.claim(worker_id)
    return result


def heartbeat(worker_id: str, *, seen_ago: timedelta) -> WorkerHeartbeat:
    return WorkerHeartbeat.objects.create(
        worker_id=worker_id, host="test", pid=1, last_seen=timezone.now() - seen_ago
    )


def status(task: DBTaskResult) -> str:
    return DBTaskResult.objects.get(pk=task.pk).status


def test_the_task_of_a_worker_without_heartbeat_goes_back_to_the_queue(caplog):
    task = running_task("gone")
    with caplog.at_level(logging.WARNING, logger="civicdesk.jobs.reaper"):
        assert reap_abandoned_tasks() == [str(task.pk)]
    assert status(task) == TaskResultStatus.READY
    assert f"Task {task.pk}" in caplog.text
    assert "its worker gone stopped sending heartbeats" in caplog.text
    assert reap_abandoned_tasks() == []  # once


def test_the_task_of_a_worker_whose_heartbeat_went_stale_goes_back_to_the_queue():
    task = running_task("silent")
    heartbeat("silent", seen_ago=2 * MINUTE)
    assert reap_abandoned_tasks(stale_after=MINUTE) == [str(task.pk)]
    assert status(task) == TaskResultStatus.READY


def test_the_task_of_a_live_worker_is_left_alone_on_the_databases_clock():
    task = running_task("alive")
    Heartbeat(worker_id="alive").register()  # stamped with the database's clock
    assert reap_abandoned_tasks(stale_after=timedelta(seconds=30)) == []
    assert status(task) == TaskResultStatus.RUNNING


def test_liveness_is_judged_at_the_given_time():
    task = running_task("alive")
    heartbeat("alive", seen_ago=timedelta(seconds=30))
    assert reap_abandoned_tasks(now=timezone.now(), stale_after=MINUTE) == []
    assert reap_abandoned_tasks(now=timezone.now() + MINUTE, stale_after=MINUTE) == [str(task.pk)]


def test_only_the_last_worker_of_a_task_counts():
    task = running_task("died-first", "alive-now")
    heartbeat("died-first", seen_ago=timedelta(days=1))
    heartbeat("alive-now", seen_ago=timedelta(seconds=1))
    assert reap_abandoned_tasks(stale_after=MINUTE) == []
    assert status(task) == TaskResultStatus.RUNNING


def test_finished_and_waiting_tasks_are_not_touched():
    ready = DBTaskResult.objects.get(pk=tick.enqueue().id)
    done = running_task("gone")
    done.set_successful("tick")
    assert reap_abandoned_tasks() == []
    assert (status(ready), status(done)) == (TaskResultStatus.READY, TaskResultStatus.SUCCESSFUL)


def test_a_reaper_that_looked_before_another_worker_claimed_the_task_changes_nothing(
    monkeypatch,
):
    task = running_task("gone")
    seen = reaper.abandoned_tasks()
    # Meanwhile a second reaper returned it and a live worker claimed it again.
    assert reap_abandoned_tasks() == [str(task.pk)]
    task.refresh_from_db()
    task.claim("alive")
    heartbeat("alive", seen_ago=timedelta(seconds=1))
    # The late reaper acts on its old look; the conditional update finds nothing to change.
    monkeypatch.setattr(reaper, "abandoned_tasks", lambda **kwargs: seen)
    assert reap_abandoned_tasks() == []
    task.refresh_from_db()
    assert (task.status, task.worker_ids) == (TaskResultStatus.RUNNING, ["gone", "alive"])


def test_a_worker_whose_heartbeat_returns_after_the_first_look_keeps_its_task(monkeypatch):
    task = running_task("slow")
    heartbeat("slow", seen_ago=2 * MINUTE)
    seen = reaper.abandoned_tasks(stale_after=MINUTE)
    WorkerHeartbeat.objects.filter(worker_id="slow").update(last_seen=timezone.now())
    monkeypatch.setattr(reaper, "abandoned_tasks", lambda **kwargs: seen)
    assert reap_abandoned_tasks(stale_after=MINUTE) == []
    assert status(task) == TaskResultStatus.RUNNING


def test_a_task_whose_workers_keep_dying_is_failed_for_an_administrator(caplog):
    task = running_task(*[f"victim-{n}" for n in range(MAX_CLAIMS)])
    with caplog.at_level(logging.ERROR, logger="civicdesk.jobs.reaper"):
        assert reap_abandoned_tasks() == [str(task.pk)]
    task.refresh_from_db()
    assert task.status == TaskResultStatus.FAILED
    assert task.exception_class_path == WORKER_LOST
    assert f"died {MAX_CLAIMS} times" in task.traceback
    assert f"{MAX_CLAIMS} workers died running it" in caplog.text


@pytest.mark.django_db(transaction=True)
def test_reapers_running_at_once_return_each_task_once():
    tasks = {str(running_task(f"gone-{n}").pk) for n in range(20)}
    start = threading.Barrier(3)
    found: list[list[str]] = []

    def reap() -> None:
        try:
            start.wait(timeout=10)
            found.append(reap_abandoned_tasks())
        finally:
            connections.close_all()

    reapers = [threading.Thread(target=reap) for _ in range(3)]
    for thread in reapers:
        thread.start()
    for thread in reapers:
        thread.join(timeout=30)
    reaped = [task_id for ids in found for task_id in ids]
    assert len(found) == 3
    assert sorted(reaped) == sorted(tasks)  # every task once, by one reaper or another
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 20

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django_tasks_db.models import DBTaskResult

from civicdesk.jobs.history import prune_history
from civicdesk.jobs.models import JobRun, WorkerHeartbeat
from civicdesk.jobs.registry import registered_jobs
from civicdesk.jobs.tests.testapp.tasks import tick

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("db_tasks")]

NOW = datetime(2026, 11, 23, 3, 17, tzinfo=UTC)
DAY = timedelta(days=1)


def finished_task(status: str, days_ago: float) -> DBTaskResult:
    result = DBTaskResult.objects.get(pk=tick.enqueue().id)
    DBTaskResult.objects.filter(pk=result.pk).update(
        status=status, finished_at=NOW - days_ago * DAY
    )
    return result


def test_old_history_is_pruned_and_what_still_matters_is_kept():
    for days_ago in (90, 40, 31, 29, 1):
        JobRun.objects.create(name="test.minute", slot=NOW - days_ago * DAY)
    JobRun.objects.create(name="test.yearly", slot=NOW - 300 * DAY)  # its newest run
    linked = JobRun.objects.create(
        name="test.linked", slot=NOW - DAY, task_result=finished_task("SUCCESSFUL", 20)
    )
    kept_tasks = {
        finished_task("SUCCESSFUL", 13).pk,
        finished_task("FAILED", 80).pk,
        DBTaskResult.objects.get(pk=tick.enqueue().id).pk,  # waiting, whatever its age
    }
    finished_task("FAILED", 91)
    for name, seen_days_ago in (("dead", 2), ("recently-dead", 0.5)):
        WorkerHeartbeat.objects.create(
            worker_id=name, host="h", pid=1, last_seen=NOW - seen_days_ago * DAY
        )

    assert prune_history(NOW) == {"job runs": 3, "task results": 2, "heartbeats": 1}

    assert sorted(JobRun.objects.values_list("name", "slot")) == [
        ("test.linked", NOW - DAY),
        ("test.minute", NOW - 29 * DAY),
        ("test.minute", NOW - DAY),
        ("test.yearly", NOW - 300 * DAY),  # else its last slot would fire again
    ]
    linked.refresh_from_db()
    assert linked.task_result is None  # the run stays, without the pruned task result
    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == kept_tasks
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["recently-dead"]


def test_the_prune_runs_nightly_and_the_outbox_every_minute():
    jobs = {job.name: job.cron for job in registered_jobs()}
    assert jobs["jobs.prune_history"] == "17 3 * * *"
    assert jobs["integrations.deliver_due_email"] == "* * * * *"

"""The commands in-process: what they refuse, and one scheduler tick."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django_tasks_db.models import DBTaskResult

from civicdesk.jobs import register_periodic
from civicdesk.jobs.models import JobRun, WorkerHeartbeat
from civicdesk.jobs.tests.testapp.tasks import tick


def test_a_worker_whose_heartbeat_would_look_dead_is_refused(settings, db_tasks):
    settings.CIVICDESK_JOBS_STALE_AFTER_SECONDS = 60
    with pytest.raises(CommandError, match="at most a third"):
        call_command("run_worker", "--heartbeat-interval", "30", "--no-reload")


# The command closes its connections when it ends, as a process does: data must be committed.
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("db_tasks", "no_periodic_jobs")
def test_one_scheduler_tick_fires_due_jobs_reaps_and_leaves_no_heartbeat():
    register_periodic("test.minute", tick, "* * * * *")
    abandoned = DBTaskResult.objects.get(pk=tick.enqueue().id)
    abandoned.claim("killed-worker")

    call_command("run_scheduler", "--once", "--no-reload")

    assert JobRun.objects.get(name="test.minute").task_result is not None
    abandoned.refresh_from_db()
    assert abandoned.status == "READY"
    assert not WorkerHeartbeat.objects.exists()

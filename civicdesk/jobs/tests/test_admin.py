"""Installation administrators see failed, retried, stuck and waiting tasks; nobody else does."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from civicdesk.jobs.models import JobRun, WorkerHeartbeat
from civicdesk.jobs.tests.conftest import run_ready_tasks
from civicdesk.jobs.tests.testapp.tasks import always_fails, tick

# An organisation's administrator (org.choices.Role.ADMINISTRATOR; jobs may not import org).
ORGANISATION_ADMINISTRATOR = "administrator"

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("db_tasks")]

TASKS = reverse("admin:django_tasks_database_dbtaskresult_changelist")


@pytest.fixture
def tasks(time_machine) -> dict[str, set]:
    """One task in each state an operator asks about."""
    time_machine.move_to(timezone.now(), tick=False)
    always_fails.enqueue(key="down")
    for _ in range(4):
        run_ready_tasks()
        time_machine.shift(timedelta(minutes=5))
    stuck = DBTaskResult.objects.get(pk=tick.enqueue().id)
    stuck.claim("dead-worker")
    by_attempt = {
        result.args_kwargs["kwargs"].get("attempt", 1): result
        for result in DBTaskResult.objects.filter(task_path__endswith="always_fails")
    }
    later = tick.using(run_after=timezone.now() + timedelta(hours=1)).enqueue()
    return {
        "retrying": {by_attempt[1].pk, by_attempt[2].pk, by_attempt[3].pk},
        "failed": {by_attempt[4].pk},
        "stuck": {stuck.pk},
        "later": {DBTaskResult.objects.get(pk=later.id).pk},
    }


@pytest.mark.parametrize("attention", ["failed", "retrying", "stuck", "later"])
def test_the_task_list_filters_what_needs_attention(client, superuser, tasks, attention):
    client.force_login(superuser)
    response = client.get(TASKS, {"attention": attention})
    assert response.status_code == 200
    assert {result.pk for result in response.context["cl"].result_list} == tasks[attention]


def test_a_failed_task_shows_its_traceback(client, superuser, tasks):
    client.force_login(superuser)
    (failed,) = tasks["failed"]
    url = reverse("admin:django_tasks_database_dbtaskresult_change", args=[failed])
    response = client.get(url)
    assert response.status_code == 200
    assert "ConnectionError: gateway still unreachable" in response.text


def test_a_task_that_no_longer_imports_still_lists(client, superuser):
    result = DBTaskResult.objects.get(pk=tick.enqueue().id)
    DBTaskResult.objects.filter(pk=result.pk).update(task_path="civicdesk.gone.tasks.renamed")
    client.force_login(superuser)
    response = client.get(TASKS)
    assert response.status_code == 200
    assert "renamed" in response.text


def test_heartbeats_and_job_runs_are_listed(client, superuser, tasks):
    WorkerHeartbeat.objects.create(
        worker_id="host:1:alive", host="host", pid=1, last_seen=timezone.now()
    )
    (later,) = tasks["later"]
    JobRun.objects.create(name="test.minute", slot=timezone.now(), task_result_id=later)
    client.force_login(superuser)
    heartbeats = client.get(reverse("admin:jobs_workerheartbeat_changelist"))
    runs = client.get(reverse("admin:jobs_jobrun_changelist"))
    assert (heartbeats.status_code, runs.status_code) == (200, 200)
    assert "host:1:alive" in heartbeats.text
    assert str(later) in runs.text


@pytest.mark.parametrize(
    "url",
    [
        TASKS,
        reverse("admin:jobs_workerheartbeat_changelist"),
        reverse("admin:jobs_jobrun_changelist"),
    ],
)
def test_organisation_administrators_do_not_see_background_work(client, tenant_a, url):
    client.force_login(tenant_a.user(ORGANISATION_ADMINISTRATOR))
    assert client.get(url).status_code == 403
    index = client.get(reverse("admin:index"))
    assert index.status_code == 200
    assert "Background work" not in index.text

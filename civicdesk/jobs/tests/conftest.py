"""Fixtures of the background-work tests."""

from __future__ import annotations

import pytest
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from civicdesk.jobs import registry

DATABASE_BACKEND = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
}


@pytest.fixture
def db_tasks(settings):
    """Tasks go to the database, as in production (the test settings run them at once)."""
    settings.TASKS = DATABASE_BACKEND


@pytest.fixture
def no_periodic_jobs(monkeypatch):
    """An empty registry: a test's jobs are the only ones, and vanish after it."""
    monkeypatch.setattr(registry, "_jobs", {})


def run_ready_tasks(worker_id: str = "test-worker", limit: int = 50) -> int:
    """Runs every task that is due with django-tasks-db's own Worker.run_task, in this process
    and this transaction; returns how many ran. More than `limit` means a task requeues itself
    at once, for ever: that fails the test instead of hanging it."""
    worker = Worker(
        queue_names=["*"],
        excluded_queue_names=[],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
    )
    ran = 0
    while (result := DBTaskResult.objects.ready().first()) is not None:
        result.claim(worker_id)
        worker.run_task(result)
        ran += 1
        assert ran <= limit, f"more than {limit} tasks in a row: one keeps requeueing itself"
    return ran

"""Firing periodic jobs in-process, with the clock given: repeats, gaps, jumps, instances."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from django_tasks_db.models import DBTaskResult

from civicdesk.jobs import register_periodic
from civicdesk.jobs.models import JobRun
from civicdesk.jobs.registry import PeriodicJob
from civicdesk.jobs.scheduler import schedule_due_jobs
from civicdesk.jobs.tests.testapp.tasks import tick, tick_with_slot

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("db_tasks", "no_periodic_jobs")]

T0 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)  # a Monday


@pytest.fixture
def jobs() -> list[PeriodicJob]:
    return [
        register_periodic("test.minute", tick, "* * * * *"),
        register_periodic("test.hourly", tick, "0 * * * *"),
        register_periodic(
            "test.morning", tick_with_slot, "0 7 * * *", "Europe/Stockholm", pass_slot=True
        ),
    ]


def at(**offset: float) -> datetime:
    return T0 + timedelta(**offset)


def fired(runs: list[JobRun]) -> list[tuple[str, datetime]]:
    return sorted((run.name, run.slot) for run in runs)


def fires_per_slot() -> Counter:
    return Counter(JobRun.objects.values_list("name", "slot"))


def test_each_job_fires_its_latest_slot_once_however_often_the_scheduler_ticks(jobs):
    assert fired(schedule_due_jobs(at(seconds=5))) == [
        ("test.hourly", T0),
        ("test.minute", T0),
        ("test.morning", datetime(2026, 11, 23, 6, 0, tzinfo=UTC)),  # 07:00 in Stockholm
    ]
    assert schedule_due_jobs(at(seconds=35)) == []
    assert schedule_due_jobs(at(seconds=59.9)) == []
    assert fired(schedule_due_jobs(at(minutes=1))) == [("test.minute", at(minutes=1))]
    # Each run enqueued exactly one task, linked to it.
    assert DBTaskResult.objects.count() == JobRun.objects.count() == 4
    assert not JobRun.objects.filter(task_result=None).exists()


def test_the_slot_is_passed_to_jobs_that_ask_for_it(jobs):
    schedule_due_jobs(at(seconds=5))
    run = JobRun.objects.select_related("task_result").get(name="test.morning")
    assert run.task_result.args_kwargs["kwargs"] == {"slot": "2026-11-23T06:00:00+00:00"}
    assert JobRun.objects.get(name="test.minute").task_result.args_kwargs["kwargs"] == {}


def test_two_scheduler_instances_ticking_in_turn_fire_each_slot_once(jobs):
    for second in range(0, 300, 7):
        for instance in ("scheduler-a", "scheduler-b"):
            schedule_due_jobs(at(seconds=second), fired_by=instance)
    assert set(fires_per_slot().values()) == {1}
    assert fires_per_slot()["test.minute", at(minutes=4)] == 1
    assert JobRun.objects.filter(name="test.minute").count() == 5
    assert DBTaskResult.objects.count() == JobRun.objects.count() == 7  # 5 + 1 + 1


def test_slots_missed_while_no_scheduler_ran_fire_once_the_latest(jobs):
    schedule_due_jobs(at(seconds=5))
    # Down from 10:00 to 13:37: 217 minute slots and three hourly ones passed.
    assert fired(schedule_due_jobs(at(hours=3, minutes=37, seconds=20))) == [
        ("test.hourly", at(hours=3)),
        ("test.minute", at(hours=3, minutes=37)),
    ]


def test_a_clock_jumping_backwards_fires_nothing_twice(jobs):
    for minute in range(3):
        schedule_due_jobs(at(minutes=minute, seconds=10))
    before = fires_per_slot()
    for minute in range(3):  # the clock is put back 30 s and runs through the same minutes
        assert schedule_due_jobs(at(minutes=minute, seconds=40)) == []
    assert fires_per_slot() == before
    assert fired(schedule_due_jobs(at(minutes=3))) == [("test.minute", at(minutes=3))]
    assert set(fires_per_slot().values()) == {1}


def test_a_clock_jumping_forwards_fires_each_job_once(jobs):
    schedule_due_jobs(at(seconds=10))
    jumped = at(days=3, hours=2, seconds=10)
    assert fired(schedule_due_jobs(jumped)) == [
        ("test.hourly", at(days=3, hours=2)),
        ("test.minute", at(days=3, hours=2)),
        ("test.morning", datetime(2026, 11, 26, 6, 0, tzinfo=UTC)),
    ]
    assert schedule_due_jobs(jumped + timedelta(seconds=30)) == []


def test_a_job_that_cannot_be_enqueued_holds_back_no_other_and_fires_when_it_can(jobs, monkeypatch):
    original = PeriodicJob.enqueue

    def broken_for_hourly(self, slot):
        if self.name == "test.hourly":
            raise ConnectionError("queue unavailable")
        return original(self, slot)

    monkeypatch.setattr(PeriodicJob, "enqueue", broken_for_hourly)
    assert [run.name for run in schedule_due_jobs(at(seconds=5))] == ["test.minute", "test.morning"]
    # Its JobRun was rolled back with the failed enqueue, so the slot is not lost:
    assert not JobRun.objects.filter(name="test.hourly").exists()
    monkeypatch.setattr(PeriodicJob, "enqueue", original)
    assert fired(schedule_due_jobs(at(seconds=15))) == [("test.hourly", T0)]


def test_with_no_jobs_registered_nothing_fires(no_periodic_jobs):
    assert schedule_due_jobs(T0) == []

from datetime import UTC, datetime

import pytest
from django.core.exceptions import ImproperlyConfigured

from civicdesk.jobs import periodic, register_periodic
from civicdesk.jobs.registry import registered_jobs
from civicdesk.jobs.tests.testapp.tasks import record_and_wait, tick, tick_with_slot

pytestmark = pytest.mark.usefixtures("no_periodic_jobs")


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("cron", "now", "slot"),
    [
        ("* * * * *", "2026-11-23 10:00:00", "2026-11-23 10:00:00"),  # a slot is due at its time
        ("* * * * *", "2026-11-23 10:00:59.999999", "2026-11-23 10:00:00"),
        ("*/15 * * * *", "2026-11-23 10:14:59", "2026-11-23 10:00:00"),
        ("0 3 * * *", "2026-11-23 02:59:00", "2026-11-22 03:00:00"),
        ("0 8 * * MON", "2026-11-29 12:00:00", "2026-11-23 08:00:00"),
        ("*/2 * * * * *", "2026-11-23 10:00:03.5", "2026-11-23 10:00:02"),  # seconds first
    ],
)
def test_the_slot_due_is_the_latest_at_or_before_now(cron, now, slot):
    job = register_periodic("test.job", tick, cron)
    assert job.latest_slot(utc(now)) == utc(slot)


@pytest.mark.parametrize(
    ("now", "slot"),
    [
        ("2026-03-28 12:00:00", "2026-03-28 06:00:00"),  # winter time: 07:00 CET
        ("2026-03-30 12:00:00", "2026-03-30 05:00:00"),  # summer time from 29 March: 07:00 CEST
        ("2026-10-26 05:30:00", "2026-10-25 06:00:00"),  # winter again from 25 October
    ],
)
def test_the_schedule_is_read_in_the_jobs_time_zone_across_daylight_saving(now, slot):
    job = register_periodic("test.morning", tick, "0 7 * * *", "Europe/Stockholm")
    assert job.latest_slot(utc(now)) == utc(slot)


def test_the_decorator_registers_the_task_and_returns_it():
    assert periodic("test.decorated", cron="*/5 * * * *")(tick) is tick
    (job,) = registered_jobs()
    assert (job.name, job.task, job.cron, job.timezone) == (
        "test.decorated",
        tick,
        "*/5 * * * *",
        "UTC",
    )


def test_registering_the_same_job_again_replaces_it():
    register_periodic("test.job", tick, "* * * * *")
    register_periodic("test.job", tick, "*/5 * * * *")
    assert [job.cron for job in registered_jobs()] == ["*/5 * * * *"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"cron": "61 * * * *"}, "is not valid"),
        ({"cron": "* * *"}, "is not valid"),
        ({"timezone": "Europe/Atlantis"}, "unknown time zone"),
        ({"name": ""}, "1 to 100 characters"),
        ({"task": record_and_wait.func}, "needs a django-tasks Task"),
        ({"pass_slot": True}, "add a `slot` argument"),
    ],
)
def test_a_bad_registration_is_refused_with_a_clear_message(arguments, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        register_periodic(**{"name": "test.job", "task": tick, **arguments})


def test_two_tasks_cannot_share_a_job_name():
    register_periodic("test.job", tick)
    with pytest.raises(ImproperlyConfigured, match=r"Two periodic jobs are named 'test\.job'"):
        register_periodic("test.job", tick_with_slot, pass_slot=True)

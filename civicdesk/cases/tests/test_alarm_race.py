"""Two schedulers and two workers, real processes, racing over alarms that fall due while they
run: each alarm level of each case fires once and is told once to each recipient."""

from __future__ import annotations

import datetime
import signal
import zoneinfo
from collections import Counter

import pytest
import time_machine
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from civicdesk.cases import services
from civicdesk.cases.choices import Channel
from civicdesk.cases.models import CaseAlarm
from civicdesk.integrations.models import OutboundEmail
from civicdesk.jobs.models import JobRun, WorkerHeartbeat
from civicdesk.jobs.tests.processes import Children
from civicdesk.org.choices import Role

pytestmark = [pytest.mark.xdist_group("processes"), pytest.mark.timeout(120)]
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
CASES = 6


@pytest.fixture
def children(transactional_db, tmp_path):
    # The set-up runs its tasks at once (the test settings); the children use the database.
    started = Children(tmp_path, periodic_modules=("civicdesk.cases.tests.periodic_jobs",))
    yield started
    started.stop_all()  # before transactional_db empties the tables under them


def forwarded_cases(tenant) -> list:
    agent = tenant.user(Role.GENERAL_AGENT)
    expert = tenant.user(Role.DEPARTMENT_EXPERT)
    services.resolve_case(actor=agent, case=tenant.case, resolution="Out of the way")
    cases = []
    # Registered and forwarded a week ago: every level of the feedback deadline has passed.
    with time_machine.travel(datetime.datetime(2026, 11, 9, 9, tzinfo=STOCKHOLM), tick=False):
        for number in range(CASES):
            case = services.register_contact(
                actor=agent,
                organisation=tenant.organisation,
                channel=Channel.PHONE,
                case_type=tenant.case_type,
                subject=f"Racing case {number}",
            )
            services.forward_case_to_group(
                actor=agent, case=case, group=tenant.group, reason="To the department"
            )
            services.take_case(actor=expert, case=case)
            cases.append(case)
    return cases


def test_two_schedulers_and_two_workers_fire_and_tell_each_alarm_level_once(children, tenant_a):
    cases = forwarded_cases(tenant_a)
    alarms = list(CaseAlarm.objects.filter(case__in=cases, fired_at__isnull=True))
    assert {(alarm.deadline, alarm.level) for alarm in alarms} >= {
        ("feedback", "warning"),
        ("feedback", "breach"),
        ("feedback", "second"),
    }
    # The alarms fall due one after another over the next seconds, while the processes race.
    start = timezone.now() + datetime.timedelta(seconds=2)
    for index, alarm in enumerate(alarms):
        CaseAlarm.objects.filter(pk=alarm.pk).update(
            fire_at=start + datetime.timedelta(milliseconds=150 * index)
        )
    OutboundEmail.objects.all().delete()  # the forwarding notices are not what is counted

    for _ in range(2):
        children.scheduler()
        children.worker()
    children.wait_until(
        lambda: WorkerHeartbeat.objects.count() == 4, "two schedulers and two workers run"
    )
    children.wait_until(
        lambda: not CaseAlarm.objects.filter(case__in=cases, notified_at__isnull=True).exists(),
        "every alarm is fired and told",
        timeout=60,
    )
    ticks = JobRun.objects.filter(name="test.alarm-tick")
    children.wait_until(
        lambda: (
            ticks.count() >= 5 and not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()
        ),
        "a few more ticks pass and every task has finished",
        timeout=60,
    )
    for process, _log in children.started:
        process.send_signal(signal.SIGTERM)
    assert [process.wait(timeout=20) for process, _log in children.started] == [0, 0, 0, 0]

    # No slot fired twice. Which scheduler wins a slot and which worker takes a tick is up to
    # the race (on PostgreSQL one scheduler often wins them all); all four were running (the
    # heartbeats) and stopped cleanly at the end.
    tick_results = DBTaskResult.objects.filter(task_path="civicdesk.cases.tasks.alarm_tick")
    assert ticks.values("slot").distinct().count() == ticks.count()
    assert tick_results.count() >= ticks.count()  # cases.alarm_tick's own slot may add one

    fired_total = sum(result.return_value["fired"] for result in tick_results)
    told_total = sum(result.return_value["notified"] for result in tick_results)
    assert fired_total == told_total == len(alarms)

    mails = Counter(
        (subject, tuple(to))
        for subject, to in OutboundEmail.objects.filter(
            dedupe_key__startswith="alarm:"
        ).values_list("subject", "to")
    )
    recipients = {tenant_a.user(Role.DEPARTMENT_EXPERT).email, tenant_a.group.manager.email}
    assert len(recipients) == 2
    assert sum(mails.values()) == len(alarms) * 2
    assert set(mails.values()) == {1}
    per_case = Counter(alarm.case_id for alarm in alarms)
    for case in cases:
        assert sum(case.reference in subject for subject, _to in mails) == per_case[case.pk] * 2

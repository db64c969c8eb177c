"""Deadlines stored on the case, recomputed by events, paused while waiting; alarms once."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core import mail

from civicdesk.cases import alarms, services
from civicdesk.cases.choices import Channel, Direction
from civicdesk.cases.models import AlarmLevel, CaseAlarm, DeadlineKind
from civicdesk.org.choices import Role
from civicdesk.sla import services as sla_services
from civicdesk.sla.choices import DurationUnit

pytestmark = pytest.mark.django_db
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


def local(text):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=STOCKHOLM)


def forwarded_case(tenant, when):
    with time_machine.travel(local(when), tick=False):
        case = services.register_contact(
            actor=tenant.user(Role.GENERAL_AGENT),
            organisation=tenant.organisation,
            channel=Channel.PHONE,
            case_type=tenant.case_type,
        )
        services.forward_case_to_group(
            actor=tenant.user(Role.GENERAL_AGENT),
            case=case,
            group=tenant.group,
            reason="To the department",
        )
    return case


def test_registration_and_forwarding_store_the_deadlines(tenant_a):
    case = forwarded_case(tenant_a, "2026-11-20 10:00")  # a Friday
    assert case.feedback_due_at == local("2026-11-25 10:00")
    assert case.resolution_due_at == local("2026-12-04 10:00")  # ten working days
    levels = {(alarm.deadline, alarm.level): alarm.fire_at for alarm in case.alarms.all()}
    assert levels[(DeadlineKind.FEEDBACK, AlarmLevel.BREACH)] == local("2026-11-25 10:00")
    # Four working hours before: Tuesday 14:30 (office hours 8:00-16:30).
    assert levels[(DeadlineKind.FEEDBACK, AlarmLevel.WARNING)] == local("2026-11-24 14:30")
    # Eight working hours after: Thursday 09:30.
    assert levels[(DeadlineKind.FEEDBACK, AlarmLevel.SECOND)] == local("2026-11-26 09:30")


def test_a_groups_policy_sets_its_own_feedback_time(tenant_a):
    sla_services.create_policy(
        actor=tenant_a.user(Role.ADMINISTRATOR),
        organisation=tenant_a.organisation,
        name="Fast group",
        answer_group=tenant_a.group,
        feedback_amount=4,
        feedback_unit=DurationUnit.WORKING_HOURS,
    )
    case = forwarded_case(tenant_a, "2026-11-20 15:00")
    # 1.5 hours on Friday, 2.5 on Monday.
    assert case.feedback_due_at == local("2026-11-23 10:30")


def test_waiting_for_the_customer_stops_the_clocks(tenant_a):
    case = forwarded_case(tenant_a, "2026-11-23 10:00")  # Monday, due Thursday 10:00
    expert = tenant_a.user(Role.DEPARTMENT_EXPERT)
    with time_machine.travel(local("2026-11-23 11:00"), tick=False):
        services.take_case(actor=expert, case=case)
        services.wait_for_customer(actor=expert, case=case, reason="Needs a document")
    assert not case.alarms.filter(fired_at__isnull=True).exists()  # no alarm while waiting
    with time_machine.travel(local("2026-11-24 11:00"), tick=False):  # a working day later
        services.append_contact(
            actor=expert,
            case=case,
            channel=Channel.EMAIL,
            direction=Direction.INBOUND,
            summary="Sent the document",
        )
    case.refresh_from_db()
    assert case.status == "in_progress"
    assert case.waiting_since is None
    assert case.feedback_due_at == local("2026-11-27 10:00")  # 8.5 working hours later


def test_contacting_the_customer_meets_the_feedback_deadline(tenant_a):
    case = forwarded_case(tenant_a, "2026-11-23 10:00")
    expert = tenant_a.user(Role.DEPARTMENT_EXPERT)
    services.take_case(actor=expert, case=case)
    services.append_contact(
        actor=expert,
        case=case,
        channel=Channel.PHONE,
        direction=Direction.OUTBOUND,
        summary="Called back",
    )
    assert not case.alarms.filter(deadline=DeadlineKind.FEEDBACK).exists()
    assert case.alarms.filter(deadline=DeadlineKind.RESOLUTION).count() == 3


def test_resolving_cancels_the_alarms_still_to_come(tenant_a):
    case = forwarded_case(tenant_a, "2026-11-23 10:00")
    services.resolve_case(actor=tenant_a.user(Role.TEAM_LEAD), case=case, resolution="Done")
    assert not case.alarms.exists()


def test_each_alarm_level_fires_once_even_when_the_clock_jumps(
    tenant_a, django_capture_on_commit_callbacks
):
    services.resolve_case(
        actor=tenant_a.user(Role.GENERAL_AGENT),
        case=tenant_a.case,
        resolution="The fixture's own case, out of the way",
    )
    case = forwarded_case(tenant_a, "2026-11-20 10:00")
    expert = tenant_a.user(Role.DEPARTMENT_EXPERT)
    services.take_case(actor=expert, case=case)
    # The clock jumps a week ahead: warning, breach and second level fire, each once.
    later = local("2026-11-27 12:00")
    # The phone call answered the customer at once, so there is no first-response clock.
    assert alarms.fire_due_alarms(now=later) == 3  # the feedback warning, breach and second
    assert alarms.fire_due_alarms(now=later) == 0
    # It jumps back and forth again: nothing fires twice.
    assert alarms.fire_due_alarms(now=local("2026-11-24 09:00")) == 0
    assert alarms.fire_due_alarms(now=local("2026-12-31 09:00")) == 3  # resolution only
    # Telling follows the alarm's own time: what fired early, while the clock ran ahead, is
    # told when time reaches it.
    with django_capture_on_commit_callbacks(execute=True):
        with time_machine.travel(later, tick=False):
            assert alarms.notify_fired_alarms() == 3
        with time_machine.travel(local("2026-12-31 09:00"), tick=False):
            assert alarms.notify_fired_alarms() == 3
            assert alarms.notify_fired_alarms() == 0
    manager = tenant_a.user(Role.TEAM_LEAD)
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([expert.email] * 6 + [manager.email] * 6)
    assert all(case.reference in message.subject for message in mail.outbox)
    assert CaseAlarm.objects.filter(fired_at__isnull=True).count() == 0


def test_a_level_that_fired_does_not_fire_again_after_a_new_deadline(tenant_a):
    from civicdesk.testing.factories import AnswerGroupFactory

    case = forwarded_case(tenant_a, "2026-11-20 10:00")
    assert alarms.fire_due_alarms(now=local("2026-11-26 12:00")) == 3
    other_group = AnswerGroupFactory(organisation=tenant_a.organisation)
    with time_machine.travel(local("2026-11-26 13:00"), tick=False):
        services.forward_case_to_group(
            actor=tenant_a.user(Role.TEAM_LEAD),
            case=case,
            group=other_group,
            reason="Another department",
        )
    case.refresh_from_db()
    assert case.feedback_due_at == local("2026-12-01 13:00")
    # The new group's feedback deadline passes too, but its levels fired for this case already.
    assert alarms.fire_due_alarms(now=local("2026-12-03 12:00")) == 0
    assert case.alarms.filter(deadline=DeadlineKind.FEEDBACK).count() == 3

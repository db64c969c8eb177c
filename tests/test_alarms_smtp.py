"""Alarms while the mail server is down: nothing is lost, nothing arrives twice."""

import datetime
import zoneinfo

import pytest
import time_machine

from civicdesk.cases import alarms, services
from civicdesk.cases.choices import Channel
from civicdesk.integrations import mail
from civicdesk.integrations.models import OutboundEmail
from civicdesk.org.choices import Role

pytestmark = pytest.mark.django_db(transaction=True)
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


def local(text):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=STOCKHOLM)


def test_every_alarm_arrives_once_after_the_smtp_server_returns(tenant_a, smtp_server):
    services.resolve_case(
        actor=tenant_a.user(Role.GENERAL_AGENT),
        case=tenant_a.case,
        resolution="The fixture's own case, out of the way",
    )
    expert = tenant_a.user(Role.DEPARTMENT_EXPERT)
    cases = []
    with time_machine.travel(local("2026-11-16 09:00"), tick=False):
        for number in range(3):
            case = services.register_contact(
                actor=tenant_a.user(Role.GENERAL_AGENT),
                organisation=tenant_a.organisation,
                channel=Channel.PHONE,
                case_type=tenant_a.case_type,
                subject=f"Case {number}",
            )
            services.forward_case_to_group(
                actor=tenant_a.user(Role.GENERAL_AGENT),
                case=case,
                group=tenant_a.group,
                reason="To the department",
            )
            services.take_case(actor=expert, case=case)
            cases.append(case)
    smtp_server.messages.clear()  # forwarding notices went out while the server was up
    smtp_server.stop()

    breach = local("2026-11-20 12:00")  # feedback warning, breach and second level are due
    with time_machine.travel(breach, tick=False):
        assert alarms.fire_due_alarms() == 9
        assert alarms.notify_fired_alarms() == 9
    # Each alarm goes to the expert (handler) and the team lead (the group's manager).
    assert OutboundEmail.objects.filter(status="pending").count() == 18
    assert all(email.attempts == 1 for email in OutboundEmail.objects.filter(status="pending"))

    smtp_server.start()
    with time_machine.travel(breach + datetime.timedelta(minutes=5), tick=False):
        assert mail.deliver_due() == 18
        assert mail.deliver_due() == 0
        assert alarms.fire_due_alarms() == 0
        assert alarms.notify_fired_alarms() == 0
    subjects = [message["Subject"] for message in smtp_server.messages]
    assert len(subjects) == 18
    assert len(set(zip(subjects, smtp_server.recipients(), strict=True))) == 18
    for case in cases:
        assert sum(case.reference in subject for subject in subjects) == 6

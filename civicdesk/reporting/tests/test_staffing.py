"""Next week's staffing from the organisation's own contacts, on a hand-counted history."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.urls import reverse

from civicdesk.cases import services
from civicdesk.cases.choices import Channel
from civicdesk.core.errors import Forbidden
from civicdesk.org.choices import Role
from civicdesk.reporting.staffing import StaffingRequest, next_week_staffing

pytestmark = pytest.mark.django_db
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
# A Wednesday before any test runs: the fixtures' own contacts, made at the real time, are
# after it and so outside the history.
TODAY = datetime.datetime(2026, 10, 14, 12, 0, tzinfo=STOCKHOLM)
REQUEST = StaffingRequest(
    answer_group=None,
    target=0.8,
    threshold_seconds=20,
    shrinkage=0.3,
    handle_seconds=None,
    patience_seconds=None,
)


def calls_on_mondays_at_nine(tenant, weeks: int, per_hour: int, seconds: int = 180):
    agent = tenant.user(Role.GENERAL_AGENT)
    for week in range(weeks):  # the last Monday and those before it
        monday = datetime.datetime(2026, 10, 12, 9, 5, tzinfo=STOCKHOLM) - datetime.timedelta(
            weeks=week
        )
        for number in range(per_hour):
            with time_machine.travel(monday + datetime.timedelta(seconds=number), tick=False):
                services.register_contact(
                    actor=agent,
                    organisation=tenant.organisation,
                    channel=Channel.PHONE,
                    case_type=tenant.case_type,
                    subject=f"Call {week}-{number}",
                    duration_seconds=seconds,
                )


def test_next_week_is_planned_from_the_same_hour_of_the_last_weeks(tenant_a):
    calls_on_mondays_at_nine(tenant_a, weeks=2, per_hour=20)
    lead = tenant_a.user(Role.TEAM_LEAD)
    report = next_week_staffing(lead, REQUEST, now=TODAY)
    assert report.first_day == datetime.date(2026, 10, 19)
    assert report.history_contacts == 40
    assert report.handle_seconds == 180  # the history's average
    nine = next(hour for hour in report.plan if hour.hour == datetime.datetime(2026, 10, 19, 9))
    assert nine.contacts == 20  # the mean of two Mondays at 09:00
    # 20 calls of 3 minutes in an hour: 1 erlang; 80 % within 20 s takes 3 agents, 5 scheduled.
    assert nine.staffing.on_phones.agents == 3
    assert nine.staffing.scheduled == 5
    assert report.peak_scheduled == 5
    assert [hour for hour in report.plan if hour.staffing] == [nine]
    # Each tested week is forecast from the weeks before it alone.
    tested = dict(report.backtest.weekly)
    assert tested[datetime.date(2026, 10, 7)] == 0.0  # 20 forecast from 5 October, 20 came
    assert tested[datetime.date(2026, 9, 30)] == 1.0  # nothing before to forecast from
    assert tested[datetime.date(2026, 9, 23)] is None  # no contacts that week
    assert report.backtest.wape == 0.5


def test_the_page_shows_the_plan_to_a_lead_and_marks_a_bad_target(client, tenant_a):
    calls_on_mondays_at_nine(tenant_a, weeks=1, per_hour=10)
    client.force_login(tenant_a.user(Role.TEAM_LEAD))
    url = reverse("reporting:staffing")
    with time_machine.travel(TODAY, tick=False):
        page = client.get(
            url, {"target_percent": 80, "threshold_seconds": 20, "shrinkage_percent": 30}
        )
    assert page.status_code == 200
    body = page.content.decode()
    assert "Agents to schedule" in body
    (planned,) = [hour for hour in page.context["report"].plan if hour.staffing]
    # The one hour with contacts is the chart's one column, titled with its agents.
    assert body.count("<rect x=") == 1
    assert f"<title>Mon 09:00: {planned.staffing.scheduled}</title>" in body
    assert page.context["report"].history_contacts == 10
    with time_machine.travel(TODAY, tick=False):
        exported = client.get(
            url,
            {
                "target_percent": 80,
                "threshold_seconds": 20,
                "shrinkage_percent": 30,
                "format": "csv",
            },
        )
    header, monday_nine = exported.content.decode("utf-8-sig").splitlines()
    assert header.startswith("Hour,Contacts forecast,Agents on the phones,Agents to schedule")
    assert monday_nine.startswith("2026-10-19 09:00,10.0,")
    bad = client.get(url, {"target_percent": 120, "threshold_seconds": 20, "shrinkage_percent": 30})
    assert bad.status_code == 200
    assert bad.context["report"] is None
    assert "target_percent" in bad.context["form"].errors


def test_agents_may_not_plan_staffing(client, tenant_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    with pytest.raises(Forbidden):
        next_week_staffing(agent, REQUEST)
    client.force_login(agent)
    assert client.get(reverse("reporting:staffing")).status_code == 403


def test_a_group_of_another_organisation_is_not_found(tenant_a, tenant_b):
    from civicdesk.core.errors import NotFound

    request = StaffingRequest(**{**REQUEST.__dict__, "answer_group": tenant_b.group})
    with pytest.raises(NotFound):
        next_week_staffing(tenant_a.user(Role.TEAM_LEAD), request)

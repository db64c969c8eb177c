"""The team lead's report pages in the browser: filled in, and free of serious accessibility
violations (axe-core, WCAG 2.1 A and AA)."""

import datetime

import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from civicdesk.cases import services
from civicdesk.cases.choices import Channel
from civicdesk.catalog import services as catalog_services
from civicdesk.org.choices import Role
from tests.e2e.conftest import axe_violations, sign_in


def last_weeks_calls(tenant):
    """Calls on the same weekday at 10:00 in each of the last three weeks, resolved at once."""
    agent = tenant.user(Role.GENERAL_AGENT)
    catalog_services.update_case_type(
        actor=tenant.user(Role.ADMINISTRATOR), case_type=tenant.case_type, department_minutes=8
    )
    for weeks in (1, 2, 3):
        moment = (timezone.now() - datetime.timedelta(weeks=weeks)).replace(hour=9, minute=0)
        for number in range(12):
            with time_machine.travel(moment + datetime.timedelta(minutes=number), tick=False):
                services.register_and_resolve(
                    actor=agent,
                    organisation=tenant.organisation,
                    channel=Channel.PHONE,
                    case_type=tenant.case_type,
                    subject=f"Call {weeks}-{number}",
                    duration_seconds=240,
                    resolution="Answered",
                )


def test_report_pages_show_their_figures_without_accessibility_violations(
    page, live_server, tenant_a
):
    last_weeks_calls(tenant_a)
    sign_in(page, live_server, tenant_a.user(Role.TEAM_LEAD).username)
    page.goto(f"{live_server.url}/reporting/staffing/")
    page.get_by_label("Callers' average patience (seconds)").fill("60")
    page.get_by_role("button", name="Plan").click()
    expect(page.get_by_role("img")).to_have_count(1)  # the chart, with its title
    expect(page.get_by_role("table")).to_contain_text("Agents to schedule")
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/reporting/relief/?weeks=4&hours_per_fte=35")
    # 36 calls of a case type the department gave 8 minutes: 4.8 hours.
    expect(page.get_by_role("row").nth(1)).to_contain_text("36")
    expect(page.get_by_role("row").nth(1)).to_contain_text("4.8")
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/reporting/")
    expect(page.get_by_role("table").first).to_contain_text("Phone")
    assert axe_violations(page) == []
    page.get_by_role("combobox", name="By").select_option("agent")
    page.get_by_role("combobox", name="Per").select_option("hour")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("table").nth(1)).to_contain_text("09:00")
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/reporting/monthly/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("the month of")
    expect(page.get_by_role("link", name="Download as PDF")).to_be_visible()
    assert axe_violations(page) == []
    # Printed, the navigation and the form are left out and the figures stay.
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
    expect(page.get_by_role("button", name="Show")).to_be_hidden()
    expect(page.get_by_text("Cases registered").first).to_be_visible()
    for path in ("/reporting/digests/", "/cases/alarms/"):
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path

"""Billing and the pre-study report in the browser: filled in, and free of serious
accessibility violations (axe-core, WCAG 2.1 A and AA)."""

import datetime

import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from civicdesk.billing import services as billing
from civicdesk.cases import services as cases
from civicdesk.org.choices import DepartmentKind, Role, ServicePointKind
from civicdesk.telephony.models import Call, CallState
from civicdesk.testing import factories
from tests.e2e.conftest import axe_violations, sign_in


def last_months_visits(tenant) -> datetime.date:
    """Three visits for a producer at a counter last month, priced, and its statements."""
    organisation = tenant.organisation
    administrator = tenant.user(Role.ADMINISTRATOR)
    producer = factories.DepartmentFactory(
        organisation=organisation, kind=DepartmentKind.SERVICE_PRODUCER, name="Kela"
    )
    counter = factories.ServicePointFactory(
        organisation=organisation, kind=ServicePointKind.COUNTER, name="Counter"
    )
    event_type = billing.create_event_type(
        actor=administrator,
        organisation=organisation,
        code="manual",
        names={"en": "Manual service event"},
    )
    case_type = factories.CaseTypeFactory(organisation=organisation, department=producer)
    billing.map_case_type(actor=administrator, case_type=case_type, event_type=event_type)
    month = billing.previous_month(organisation)
    billing.set_price(
        actor=administrator,
        producer=producer,
        event_type=event_type,
        amount_cents=950,
        valid_from=month,
    )
    for day in (3, 10, 17):
        moment = timezone.make_aware(
            datetime.datetime.combine(month.replace(day=day), datetime.time(10))
        )
        with time_machine.travel(moment, tick=False):
            cases.register_contact(
                actor=tenant.user(Role.GENERAL_AGENT),
                organisation=organisation,
                channel="visit",
                case_type=case_type,
                subject="At the counter",
                service_point=counter,
                started_at=moment,
            )
    billing.produce_statements(
        actor=tenant.user(Role.TEAM_LEAD), organisation=organisation, month=month
    )
    return month


def test_billing_and_prestudy_pages_without_accessibility_violations(page, live_server, tenant_a):
    month = last_months_visits(tenant_a)
    now = timezone.now()
    for minutes, wait in ((10, 20), (20, 150)):
        offered = now - datetime.timedelta(days=2, minutes=minutes)
        Call.objects.create(
            organisation=tenant_a.organisation,
            external_id=f"call-{minutes}",
            state=CallState.ENDED,
            offered_at=offered,
            answered_at=offered + datetime.timedelta(seconds=wait),
            wait_seconds=wait,
            ivr_choice="1",
            queue="general",
        )
    sign_in(page, live_server, tenant_a.user(Role.TEAM_LEAD).username)
    page.goto(f"{live_server.url}/billing/?month={month:%Y-%m}")
    expect(page.get_by_role("table")).to_contain_text("Kela")
    assert axe_violations(page) == []
    page.get_by_role("table").get_by_role("link").first.click()
    expect(page.get_by_role("table").first).to_contain_text("28.50")  # 3 x 9.50
    assert axe_violations(page) == []
    page.get_by_role("button", name="Issue this statement").click()
    expect(page.get_by_role("status")).to_contain_text("Issued")
    page.goto(f"{live_server.url}/billing/prices/")
    expect(page.get_by_role("table").nth(1)).to_contain_text("9.50")
    assert axe_violations(page) == []

    page.goto(f"{live_server.url}/reporting/prestudy/")
    first = (now - datetime.timedelta(days=6)).date().isoformat()
    page.get_by_label("First day").fill(first)
    page.get_by_label("Last day").fill(now.date().isoformat())
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", name="Whom the calls were for")).to_be_visible()
    expect(page.get_by_role("table", name="By IVR choice")).to_contain_text("1")
    assert axe_violations(page) == []
    page.get_by_label("First day").fill(now.date().isoformat())
    page.get_by_label("Last day").fill(first)
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("alert")).to_contain_text("empty")
    assert axe_violations(page) == []

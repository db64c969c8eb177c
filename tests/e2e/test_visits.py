"""The counter in the browser: a walk-in visit registered and resolved in one step, with the
keyboard alone, on a page axe-core finds no serious fault in; and the screen a call pops."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from civicdesk.cases.models import Case
from civicdesk.org.choices import Role, ServicePointKind
from civicdesk.telephony.services import CallReport, phone_account, report_call_event
from civicdesk.testing.factories import CustomerFactory, ServicePointFactory
from tests.e2e.conftest import axe_violations, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_visit_in_one_step_with_the_keyboard(page, live_server, tenant_a):
    CustomerFactory(
        organisation=tenant_a.organisation, name="Britt Lundström", national_id="811228-9874"
    )
    counter = ServicePointFactory(
        organisation=tenant_a.organisation, kind=ServicePointKind.COUNTER, name="Medborgarkontoret"
    )
    sign_in(page, live_server, tenant_a.user(Role.GENERAL_AGENT).username)
    page.get_by_role("link", name="Visit", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Visit at the counter")
    assert axe_violations(page) == []
    expect(page.locator("#caller-q")).to_be_focused()
    page.keyboard.type("811228-9874")
    expect(page.get_by_label(re.compile("Britt Lundström"))).to_be_checked()
    page.keyboard.press("Tab")  # the chosen visitor
    page.keyboard.press("Tab")  # the case type
    page.keyboard.type(tenant_a.case_type.name_en)
    page.keyboard.press("Tab")  # the service point: the counter is preset
    expect(page.get_by_label("Service point")).to_have_value(str(counter.pk))
    page.keyboard.press("Tab")
    page.keyboard.type("Helped to fill in the application for a parking permit.")
    page.keyboard.press("Tab")  # "Register and resolve"
    page.keyboard.press("Enter")

    expect(page.get_by_role("status")).to_contain_text("registered and resolved")
    expect(page.locator(".page-head .status")).to_have_text("Resolved")
    case = Case.objects.latest("pk")
    assert (case.channel, case.service_point, case.customer.name) == (
        "visit",
        counter,
        "Britt Lundström",
    )
    assert axe_violations(page) == []


def test_the_popped_call_screen_is_accessible(page, live_server, tenant_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    organisation = tenant_a.organisation
    now = timezone.now()
    for kind, moment, fields in [
        ("offered", now - datetime.timedelta(seconds=40), {"caller_number": "0705550101"}),
        ("answered", now - datetime.timedelta(seconds=5), {"agent": agent.username}),
    ]:
        call, _new = report_call_event(
            actor=phone_account(organisation),
            organisation=organisation,
            report=CallReport(
                kind=kind, call_id="e2e-1", timestamp=moment, queue="bygglov", **fields
            ),
        )
    sign_in(page, live_server, agent.username)
    page.goto(f"{live_server.url}/telephony/calls/{call.pk}/")

    expect(page.get_by_role("heading", name=re.compile("Call from"))).to_be_visible()
    expect(page.get_by_label(re.compile(tenant_a.customer.name))).to_be_checked()
    expect(page.get_by_role("link", name=tenant_a.case.reference)).to_be_visible()
    assert axe_violations(page) == []

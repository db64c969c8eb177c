"""An agent texts the customer from the case in the browser: the parts are counted while they
type (htmx), the message reaches the test gateway, and the pages pass axe-core."""

import pytest
from playwright.sync_api import expect

from civicdesk.org.choices import Role
from civicdesk.testing.factories import SmsNumberFactory
from civicdesk.testing.sms_gateway import running_gateway
from tests.e2e.conftest import axe_violations, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def gateway(settings):
    with running_gateway(settings) as server:
        yield server


def test_an_agent_texts_the_customer_from_the_case(page, live_server, tenant_a, gateway):
    SmsNumberFactory(organisation=tenant_a.organisation, default_case_type=tenant_a.case_type)
    sign_in(page, live_server, tenant_a.user(Role.GENERAL_AGENT).username)
    page.goto(f"{live_server.url}/cases/{tenant_a.case.pk}/")
    page.get_by_role("link", name="Send an SMS").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Send an SMS")
    assert axe_violations(page) == []

    page.get_by_label("To").select_option("+46705550101")
    page.get_by_label("Message").fill("a" * 161)
    expect(page.locator("#sms-parts")).to_contain_text("161 characters: 2 SMS parts")
    page.get_by_label("Message").fill("Dzień dobry, tu urząd.")
    expect(page.locator("#sms-parts")).to_contain_text("outside the GSM alphabet")
    page.get_by_role("button", name="Send", exact=True).click()

    expect(page.get_by_role("status")).to_contain_text("The SMS is on its way.")
    expect(page.locator(".sms-status").first).to_have_text("Accepted by the gateway")
    assert [sent.text for sent in gateway.sent] == ["Dzień dobry, tu urząd."]
    assert axe_violations(page) == []

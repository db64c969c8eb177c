"""An agent's first minutes: sign in, find a caller, open the record, switch language."""

import re

import pytest
from playwright.sync_api import expect

from civicdesk.org.choices import Role
from civicdesk.testing.factories import TEST_PASSWORD, CustomerFactory
from tests.e2e.conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Good to see you")


def test_an_agent_finds_a_caller_by_personnummer_and_opens_the_record(page, live_server, tenant_a):
    customer = CustomerFactory(
        organisation=tenant_a.organisation, name="Britt Lundström", national_id="811228-9874"
    )
    sign_in(page, live_server, tenant_a.user(Role.GENERAL_AGENT).username)

    page.get_by_label("Identity number, phone, e-mail or name").fill("811228-9874")
    page.keyboard.press("Enter")
    result = page.get_by_role("link", name="Britt Lundström")
    expect(result).to_be_visible()
    result.click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Britt Lundström")
    expect(page.get_by_text("••••••••9874")).to_be_visible()
    page.get_by_role("button", name="Show the full number").click()
    expect(page.get_by_text("198112289874")).to_be_visible()
    assert customer.access_log.filter(action="national_id").count() == 1


def test_type_ahead_lists_callers_while_typing(page, live_server, tenant_a):
    CustomerFactory(organisation=tenant_a.organisation, name="Karin Öberg")
    sign_in(page, live_server, tenant_a.user(Role.GENERAL_AGENT).username)
    page.goto(f"{live_server.url}/customers/")
    page.get_by_label("Identity number, phone, e-mail or name").press_sequentially("Öber", delay=30)
    expect(page.get_by_role("link", name="Karin Öberg")).to_be_visible()


def test_the_interface_switches_to_swedish_and_stays_so(page, live_server, tenant_a):
    sign_in(page, live_server, tenant_a.user(Role.GENERAL_AGENT).username)
    page.get_by_label("Language").select_option("sv")
    page.get_by_role("button", name="Change").click()
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    page.goto(f"{live_server.url}/catalogue/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("navigation")).not_to_contain_text("Catalogue")


def test_a_wrong_national_id_marks_the_field_and_saves_nothing(page, live_server, tenant_a):
    sign_in(page, live_server, tenant_a.user(Role.GENERAL_AGENT).username)
    page.goto(f"{live_server.url}/customers/new/")
    page.get_by_label("Name").fill("Test Person")
    page.get_by_label("National identity number").fill("811228-9875")
    page.get_by_role("button", name="Save").click()
    field = page.get_by_label("National identity number")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_text("the check digit does not match")).to_be_visible()
    expect(field).to_have_value("811228-9875")


@pytest.mark.parametrize(
    "path", ["/", "/customers/", "/customers/new/", "/catalogue/", "/directory/"]
)
def test_pages_have_no_serious_accessibility_violations(page, live_server, tenant_a, path):
    sign_in(page, live_server, tenant_a.user(Role.GENERAL_AGENT).username)
    page.goto(f"{live_server.url}{path}")
    assert axe_violations(page) == []


def test_the_sign_in_page_and_a_customer_record_are_accessible(page, live_server, tenant_a):
    page.goto(f"{live_server.url}/accounts/login/")
    assert axe_violations(page) == []
    sign_in(page, live_server, tenant_a.user(Role.GENERAL_AGENT).username)
    page.goto(f"{live_server.url}/customers/{tenant_a.customer.pk}/?purpose=contact")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"\S"))
    assert axe_violations(page) == []

"""The Skellefteå flow in the browser: answer one call at once, forward another, and the
department's expert calls the citizen back and resolves, with the e-mail on a real SMTP server."""

import re
import time

import pytest
from playwright.sync_api import expect

from civicdesk.org.choices import Role
from civicdesk.testing.factories import CustomerFactory
from tests.e2e.conftest import axe_violations, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_skelleftea_flow(page, live_server, tenant_a, smtp_server):
    CustomerFactory(
        organisation=tenant_a.organisation, name="Britt Lundström", national_id="811228-9874"
    )
    case_type_name = tenant_a.case_type.name_en
    sign_in(page, live_server, tenant_a.user(Role.GENERAL_AGENT).username)

    # 1. A phone contact answered at once, with the keyboard alone.
    page.goto(f"{live_server.url}/cases/new/")
    started = time.monotonic()
    expect(page.locator("#caller-q")).to_be_focused()
    page.keyboard.type("811228-9874")
    expect(page.get_by_label(re.compile("Britt Lundström"))).to_be_checked()
    page.keyboard.press("Tab")  # the chosen caller
    page.keyboard.press("Tab")  # the case type
    page.keyboard.type(case_type_name)
    page.keyboard.press("Tab")  # channel: phone is preset
    page.keyboard.press("Tab")  # subject: the case type's name is used
    page.keyboard.press("Tab")
    page.keyboard.type("Gave the opening hours of the recycling centre.")
    page.keyboard.press("Tab")
    page.keyboard.type("2")
    page.keyboard.press("Tab")  # "Resolve now"
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("registered and resolved")
    assert time.monotonic() - started < 30
    expect(page.locator(".page-head .status")).to_have_text("Resolved")

    # 2. Another contact, forwarded to the department's answer group.
    page.goto(f"{live_server.url}/cases/new/")
    page.locator("#caller-q").fill("Britt")
    page.get_by_label(re.compile("Britt Lundström")).check()
    page.get_by_label(re.compile(r"^Case type")).fill(case_type_name)
    page.get_by_label("Subject").fill("Appeal against a building permit decision")
    page.get_by_label("Notes").fill("Wants to know how to appeal.")
    page.get_by_label("Reason for forwarding").fill("Needs the department's case officer")
    page.get_by_role("button", name="Forward", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("forwarded to")
    reference = page.locator("h1").inner_text().split(" · ")[0]

    # 3. The group's member gets the e-mail, with a link to the case.
    expert = tenant_a.user(Role.DEPARTMENT_EXPERT)
    assert smtp_server.recipients() == [expert.email]
    body = smtp_server.messages[0].get_content()
    link = re.search(r"https?://\S+/cases/\d+/", body).group(0)
    assert reference in smtp_server.messages[0]["Subject"]

    # 4. The expert takes the case, calls the citizen back and resolves.
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, live_server, expert.username)
    page.goto(live_server.url + re.sub(r"^https?://[^/]+", "", link))
    page.get_by_role("button", name="Take the case").click()
    page.locator("summary", has_text="Log a contact with the customer").click()
    page.get_by_label("What was said").fill("Called back and explained how to appeal.")
    page.get_by_label("Talk time (minutes)").first.fill("4")
    page.locator("form[action$='/contact/'] button[type=submit]").click()
    page.locator("summary", has_text=re.compile("^Resolve$")).click()
    page.get_by_label("Resolution").fill("The citizen will appeal in writing.")
    page.locator("form[action$='/resolve/'] button[type=submit]").click()

    # 5. The timeline shows every step with who and when.
    steps = page.locator("ol.timeline li .event-head")
    expect(steps).to_have_count(6)
    texts = steps.all_inner_texts()
    agent_name = tenant_a.user(Role.GENERAL_AGENT).get_full_name()
    assert [text.split(" · ")[:2] for text in texts] == [
        ["Registered", agent_name],
        ["Contact logged", agent_name],
        ["Forwarded", agent_name],
        ["Assigned", expert.get_full_name()],
        ["Customer contacted by the department", expert.get_full_name()],
        ["Resolved", expert.get_full_name()],
    ]
    assert all(re.search(r"\d", text.split(" · ")[2]) for text in texts)
    expect(page.locator(".page-head .status")).to_have_text("Resolved")


@pytest.mark.parametrize("path", ["/cases/", "/cases/new/", "/cases/search/?q=question"])
def test_case_pages_have_no_serious_accessibility_violations(page, live_server, tenant_a, path):
    sign_in(page, live_server, tenant_a.user(Role.GENERAL_AGENT).username)
    page.goto(f"{live_server.url}{path}")
    assert axe_violations(page) == []


def test_the_case_page_is_accessible(page, live_server, tenant_a):
    sign_in(page, live_server, tenant_a.user(Role.GENERAL_AGENT).username)
    page.goto(f"{live_server.url}/cases/{tenant_a.case.pk}/")
    assert axe_violations(page) == []


def test_an_empty_note_marks_the_field_and_saves_nothing(page, live_server, tenant_a):
    sign_in(page, live_server, tenant_a.user(Role.GENERAL_AGENT).username)
    page.goto(f"{live_server.url}/cases/{tenant_a.case.pk}/")
    page.locator("summary", has_text="Add a note").click()
    page.locator("form[action$='/note/'] button[type=submit]").click()
    expect(page.get_by_label("Note")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("ol.timeline li")).to_have_count(2)

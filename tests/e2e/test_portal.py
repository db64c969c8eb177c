"""A citizen writes through the contact form and follows the case with a one-time code, in the
browser, on pages free of serious accessibility violations (axe-core, WCAG 2.1 A and AA)."""

import re

import pytest
from playwright.sync_api import expect

from civicdesk.cases.models import Case
from civicdesk.integrations.models import OutboundEmail
from tests.e2e.conftest import axe_violations


@pytest.fixture
def portal(settings, tenant_a):
    settings.CIVICDESK_PORTAL_MIN_FILL_SECONDS = 0  # the unit tests time the forms
    return tenant_a


def test_a_citizen_writes_and_follows_the_case(page, live_server, portal, tmp_path):
    slug = portal.organisation.slug
    page.goto(f"{live_server.url}/faq/{slug}/?lang=en")
    page.get_by_role("link", name="Write to us").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Write to us")
    assert axe_violations(page) == []

    page.get_by_label("What is your message about?").select_option(label=portal.topic.name_en)
    page.get_by_label("Subject").fill("Broken street light")
    page.get_by_role("textbox", name="Your message").fill("The light outside Storgatan 12 is dark.")
    page.get_by_label("Your name").fill("Anna Berg")
    page.get_by_role("button", name="Send").click()
    # Neither an e-mail address nor a phone number: the field says so, the text stays.
    expect(page.get_by_role("alert").first).to_contain_text("Please correct the marked fields")
    expect(page.get_by_role("textbox", name="Your message")).to_have_value(
        "The light outside Storgatan 12 is dark."
    )
    assert axe_violations(page) == []

    page.get_by_label("E-mail address").fill("anna.berg@example.se")
    photo = tmp_path / "lamp.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n")
    page.get_by_label("Attach a file (optional)").set_input_files(str(photo))
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for your message")
    case = Case.objects.get(channel="web_form")
    expect(page.locator(".reference")).to_have_text(case.reference)
    assert case.attachments.get().filename == "lamp.png"
    assert axe_violations(page) == []

    page.get_by_role("link", name="Follow your case").click()
    assert axe_violations(page) == []
    page.get_by_label("Reference number").fill(case.reference)
    page.get_by_label("The e-mail address or phone number you gave").fill("anna.berg@example.se")
    page.get_by_role("button", name="Send me a code").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your code")
    assert axe_violations(page) == []
    mailed = OutboundEmail.objects.get(dedupe_key__startswith="portal-code:")
    code = re.search(r"\b(\d{6})\b", mailed.body_text).group(1)
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Show the status").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(case.reference)
    expect(page.locator("dl")).to_contain_text("Received")
    assert axe_violations(page) == []

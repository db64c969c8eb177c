"""The status look-up: the reference and the contact detail given, a one-time code, then the
public status only. It never tells whether a reference exists."""

from __future__ import annotations

import datetime
import re

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from civicdesk.cases import services as case_services
from civicdesk.cases.choices import Channel
from civicdesk.cases.models import Case
from civicdesk.integrations.models import OutboundEmail
from civicdesk.org.choices import Role
from civicdesk.portal.models import StatusCode
from civicdesk.portal.tests.helpers import ask_for_code, mailed_code, message, send, status_url
from civicdesk.sms.models import OutboundSms

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_fill_time")]

EMAIL = "anna.berg@example.se"


@pytest.fixture
def sent_case(client, tenant_a) -> Case:
    """A case sent through the web form by Anna, with her e-mail address and phone number."""
    send(client, tenant_a, message(tenant_a, phone="070-555 01 99"))
    return Case.objects.get(organisation=tenant_a.organisation, channel=Channel.WEB_FORM)


def enter(client, code_page: str, code: str):
    return client.post(code_page, {"code": code})


def test_the_right_code_shows_the_status_and_public_milestones_only(client, tenant_a, sent_case):
    asked = ask_for_code(client, tenant_a, sent_case.reference.lower(), "Anna.Berg@Example.se")
    assert asked.status_code == 302
    code_page = asked["Location"]
    assert "six-digit code" in client.get(code_page).content.decode()
    code = mailed_code(EMAIL)

    expert = tenant_a.user(Role.DEPARTMENT_EXPERT)
    agent = tenant_a.user(Role.GENERAL_AGENT)
    case_services.add_note(actor=agent, case=sent_case, text="Internal: neighbour complained too")
    case_services.forward_case_to_group(
        actor=agent, case=sent_case, group=tenant_a.group, reason="Needs the street department"
    )
    right = enter(client, code_page, code)
    assert right.status_code == 302 and right["Location"] == code_page
    page = client.get(code_page).content.decode()
    assert sent_case.reference in page
    assert "With the responsible department" in page
    assert "Registered" in page and "Forwarded to the responsible department" in page
    assert tenant_a.topic.name_en in page
    for private in (
        "Internal: neighbour",
        "Needs the street department",
        "Broken street light",  # the subject
        "Storgatan",  # the message
        "Anna Berg",
        EMAIL,
        tenant_a.group.name,
        expert.get_full_name() or expert.username,
        agent.username,
    ):
        assert private not in page, private

    case_services.resolve_case(actor=expert, case=sent_case, resolution="Fixed on Monday")
    page = client.get(code_page).content.decode()
    assert "Answered" in page and "Fixed on Monday" not in page
    assert "no-store" in client.get(code_page)["Cache-Control"]


def test_a_code_goes_by_sms_to_the_phone_given(client, tenant_a, sent_case):
    code_page = ask_for_code(client, tenant_a, sent_case.reference, "+46 70 555 01 99")["Location"]
    sms = OutboundSms.objects.get(dedupe_key__startswith="portal-code:")
    assert sms.to == "+46705550199"
    code = re.search(r"\b(\d{6})\b", sms.text).group(1)
    assert enter(client, code_page, code).status_code == 302
    assert "Received" in client.get(code_page).content.decode()


def test_a_wrong_code_says_how_many_tries_are_left_and_the_limit_spends_it(
    client, tenant_a, sent_case, settings
):
    settings.CIVICDESK_PORTAL_CODE_ATTEMPTS = 3
    code_page = ask_for_code(client, tenant_a, sent_case.reference, EMAIL)["Location"]
    code = mailed_code(EMAIL)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    first = enter(client, code_page, wrong)
    assert first.status_code == 400
    assert "That code is not right. You can try 2 more times." in first.content.decode()
    enter(client, code_page, wrong)
    last = enter(client, code_page, wrong)
    assert "can no longer be used" in last.content.decode()
    # Even the right code is refused now.
    refused = enter(client, code_page, code)
    assert "can no longer be used" in refused.content.decode()
    assert sent_case.reference not in client.get(code_page).content.decode()
    assert StatusCode.objects.get().attempts == 3


def test_an_expired_code_is_refused(client, tenant_a, sent_case):
    code_page = ask_for_code(client, tenant_a, sent_case.reference, EMAIL)["Location"]
    code = mailed_code(EMAIL)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=16)):
        answer = enter(client, code_page, code)
    assert "can no longer be used" in answer.content.decode()
    assert StatusCode.objects.get().verified_at is None


def test_a_code_is_used_once_and_the_status_shows_only_in_that_browser(client, tenant_a, sent_case):
    code_page = ask_for_code(client, tenant_a, sent_case.reference, EMAIL)["Location"]
    code = mailed_code(EMAIL)
    enter(client, code_page, code)
    assert sent_case.reference in client.get(code_page).content.decode()
    stranger = Client()
    assert sent_case.reference not in stranger.get(code_page).content.decode()
    assert "can no longer be used" in enter(stranger, code_page, code).content.decode()
    # The status stays visible for the code's lifetime, then a new code is needed.
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=16)):
        assert sent_case.reference not in client.get(code_page).content.decode()


def _normalised(response) -> str:
    page = response.content.decode()
    page = re.sub(r'name="(form_token|csrfmiddlewaretoken)" value="[^"]+"', "", page)
    return re.sub(r"/status/[\w-]+/", "/status/TOKEN/", page)


def test_the_answers_never_tell_whether_a_reference_exists(client, tenant_a, tenant_b, sent_case):
    other_number = sent_case.reference[:-6] + "999999"
    tries = {
        "right": (sent_case.reference, EMAIL),
        "unknown reference": (other_number, EMAIL),
        "wrong e-mail": (sent_case.reference, "someone@example.se"),
        "phone of nobody": (sent_case.reference, "070-555 01 00"),
        "a case by phone": (tenant_a.case.reference, tenant_a.customer.contacts.first().value),
    }
    answers = {}
    for name, (reference, contact) in tries.items():
        asked = ask_for_code(client, tenant_a, reference, contact)
        code_page = client.get(asked["Location"])
        wrong = enter(client, asked["Location"], "000000")
        answers[name] = (asked.status_code, _normalised(code_page), wrong.status_code)
    assert len(set(answers.values())) == 1, answers
    assert OutboundEmail.objects.filter(dedupe_key__startswith="portal-code:").count() == 1
    assert StatusCode.objects.count() == len(tries)
    assert StatusCode.objects.filter(case__isnull=False).count() == 1
    # Another organisation's page knows nothing of this reference either, and its code page
    # does not open here.
    asked = ask_for_code(client, tenant_b, sent_case.reference, EMAIL)
    assert asked.status_code == 302
    assert OutboundEmail.objects.filter(dedupe_key__startswith="portal-code:").count() == 1
    theirs = asked["Location"].replace(tenant_b.organisation.slug, tenant_a.organisation.slug)
    assert client.get(theirs).status_code == 404


def test_a_confidential_case_shows_only_its_status(client, tenant_a, sent_case):
    case_services.set_confidentiality(
        actor=tenant_a.user(Role.TEAM_LEAD),
        case=sent_case,
        confidential=True,
        reason="Concerns a child",
    )
    code_page = ask_for_code(client, tenant_a, sent_case.reference, EMAIL)["Location"]
    enter(client, code_page, mailed_code(EMAIL))
    page = client.get(code_page).content.decode()
    assert "Received" in page
    assert "Registered" not in page and tenant_a.topic.name_en not in page


def test_look_ups_are_limited_per_address_and_per_reference(client, tenant_a, sent_case, settings):
    settings.CIVICDESK_PORTAL_CODES_PER_REFERENCE = 2
    settings.CIVICDESK_PORTAL_LOOKUPS_PER_ADDRESS = 3
    for _ in range(2):
        assert ask_for_code(client, tenant_a, sent_case.reference, EMAIL).status_code == 302
    refused = ask_for_code(client, tenant_a, sent_case.reference, EMAIL, REMOTE_ADDR="203.0.113.9")
    assert refused.status_code == 429
    assert "too many look-ups" in refused.content.decode()
    assert ask_for_code(client, tenant_a, "SKE-2026-000001", EMAIL).status_code == 302
    assert ask_for_code(client, tenant_a, "SKE-2026-000002", EMAIL).status_code == 429


def test_a_malformed_reference_or_contact_is_marked(client, tenant_a):
    answer = ask_for_code(client, tenant_a, "my case", "not a contact")
    assert answer.status_code == 400
    errors = answer.context["form"].errors
    assert set(errors) == {"reference", "contact"}
    assert not StatusCode.objects.exists()
    assert client.get(status_url(tenant_a)).status_code == 200

"""The agent's send form on a case: who may use it, to which numbers, and its limits."""

import pytest
from django.urls import reverse

from civicdesk.cases import services as case_services
from civicdesk.cases.choices import Channel, Direction
from civicdesk.customers.models import PersonalDataAccess
from civicdesk.org.choices import Role
from civicdesk.sms.models import OutboundSms
from civicdesk.sms.services import MAX_PARTS

pytestmark = pytest.mark.django_db


def send_url(case):
    return reverse("sms:send", args=[case.pk])


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.PRODUCER_CONTACT])
def test_a_role_that_does_not_work_on_cases_cannot_text_from_one(client, tenant_a, role):
    client.force_login(tenant_a.user(role))
    assert client.get(send_url(tenant_a.case)).status_code in {403, 404}
    response = client.post(send_url(tenant_a.case), {"to": "+46705550101", "text": "Hej"})
    assert response.status_code in {403, 404}
    assert not OutboundSms.objects.exists()


def test_an_anonymous_visitor_is_sent_to_sign_in(client, tenant_a):
    assert client.get(send_url(tenant_a.case)).status_code == 302


def test_opening_the_form_shows_the_customers_phones_and_logs_the_access(client, tenant_a):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    page = client.get(send_url(tenant_a.case)).content.decode()
    assert "+46 70 555 01 01" in page
    assert PersonalDataAccess.objects.filter(
        customer=tenant_a.customer, purpose="case", action="record"
    ).exists()


def test_a_case_without_a_phone_number_says_so(client, tenant_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    case = case_services.register_contact(
        actor=agent,
        organisation=tenant_a.organisation,
        channel=Channel.PHONE,
        case_type=tenant_a.case_type,
    )
    client.force_login(agent)
    assert "no phone number" in client.get(send_url(case)).content.decode()
    response = client.post(send_url(case), {"to": "+46705550101", "text": "Hej"})
    assert response.status_code == 400
    assert "no phone number" in response.context["form"].errors["to"][0]
    assert not OutboundSms.objects.exists()


def test_a_number_typed_in_instead_of_chosen_is_refused(client, tenant_a):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    response = client.post(send_url(tenant_a.case), {"to": "+46705550177", "text": "Hej"})
    assert response.status_code == 400
    assert response.context["form"].errors["to"]
    assert not OutboundSms.objects.exists()


def test_a_text_over_the_part_limit_is_refused_on_the_field(client, tenant_a):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    response = client.post(
        send_url(tenant_a.case), {"to": "+46705550101", "text": "x" * (153 * MAX_PARTS + 1)}
    )
    assert response.status_code == 400
    assert "at most 10" in response.context["form"].errors["text"][0]
    assert not tenant_a.case.contacts.filter(channel=Channel.SMS).exists()


def test_the_same_form_sent_twice_is_one_contact_and_one_message(
    client, tenant_a, django_capture_on_commit_callbacks
):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    form = {"to": "+46705550101", "text": "Välkommen på tisdag kl. 10.", "token": "abc"}
    with django_capture_on_commit_callbacks():
        assert client.post(send_url(tenant_a.case), form).status_code == 302
        assert client.post(send_url(tenant_a.case), form).status_code == 302
    sms = OutboundSms.objects.get()
    assert (sms.case, sms.to, sms.contact.direction) == (
        tenant_a.case,
        "+46705550101",
        Direction.OUTBOUND,
    )
    assert tenant_a.case.contacts.filter(channel=Channel.SMS).count() == 1


def test_a_closed_case_offers_no_form(client, tenant_a):
    lead = tenant_a.user(Role.TEAM_LEAD)
    case_services.take_case(actor=lead, case=tenant_a.case)
    case_services.resolve_case(actor=lead, case=tenant_a.case, resolution="Klart")
    client.force_login(lead)
    page = client.get(send_url(tenant_a.case)).content.decode()
    assert "reopen it" in page and 'name="text"' not in page
    assert (
        send_url(tenant_a.case)
        not in client.get(reverse("cases:detail", args=[tenant_a.case.pk])).content.decode()
    )


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Hej", "3 characters: 1 SMS"),
        ("x" * 161, "161 characters: 2 SMS parts"),
        ("Dzień dobry", "11 characters: 1 SMS · with characters outside the GSM alphabet"),
        ("ł" * 671, "too long: at most 10 parts"),
    ],
)
def test_the_form_counts_parts_while_the_agent_types(client, tenant_a, text, shown):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    response = client.post(reverse("sms:segments"), {"text": text}, headers={"HX-Request": "true"})
    assert shown in " ".join(
        response.content.decode()
        .replace('<strong class="field-error">', "")
        .replace("</strong>", "")
        .split()
    )

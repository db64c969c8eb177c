"""End to end over real HTTP both ways: the adapter sends to the test gateway, and the gateway
posts signed delivery reports and inbound messages to the application's live server."""

import pytest
from django.urls import reverse

from civicdesk.cases.choices import Channel, Direction, EventKind
from civicdesk.org.choices import Role
from civicdesk.sms.models import InboundSms, OutboundSms, OutboundSmsStatus

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_agent_texts_the_customer_and_the_delivery_report_marks_it_delivered(
    client, live_server, tenant_a, sms_gateway, sms_number
):
    case = tenant_a.case
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    page = client.get(reverse("sms:send", args=[case.pk]))
    assert page.status_code == 200
    assert "+46 70 555 01 01" in page.content.decode()

    response = client.post(
        reverse("sms:send", args=[case.pk]),
        {"to": "+46705550101", "text": "Hej! Ditt bygglov är klart.", "token": "t1"},
    )
    assert response.status_code == 302
    [sent] = sms_gateway.sent
    sms = OutboundSms.objects.get()
    assert (sent.to, sent.sender, sent.text) == (
        "+46705550101",
        sms_number.number,
        "Hej! Ditt bygglov är klart.",
    )
    assert (sms.status, sms.gateway_id, sent.reference) == (
        OutboundSmsStatus.SENT,
        sent.id,
        sms.reference,
    )
    contact = case.contacts.get(channel=Channel.SMS)
    assert (contact.direction, contact.summary) == (Direction.OUTBOUND, sent.text)

    assert sms_gateway.report(live_server.url, sent, "delivered") == (200, {"status": "delivered"})
    # A late "sent" after "delivered" does not move it back.
    assert sms_gateway.report(live_server.url, sent, "sent") == (200, {"status": "delivered"})
    sms.refresh_from_db()
    assert sms.status == OutboundSmsStatus.DELIVERED and sms.delivered_at is not None
    case_page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "sms-status-delivered" in case_page
    assert reverse("sms:send", args=[case.pk]) in case_page


def test_an_inbound_sms_opens_one_case_however_often_the_gateway_posts_it(
    live_server, tenant_a, sms_gateway, sms_number
):
    message = {
        "id": "in-1",
        "sender": "46705550101",  # MSISDN: the digits of E.164, as many gateways write them
        "to": sms_number.number,
        "text": "Hej, när kommer beslutet om min ansökan?",
    }
    assert sms_gateway.deliver_inbound(live_server.url, **message) == (200, {"status": "received"})
    assert sms_gateway.deliver_inbound(live_server.url, **message) == (
        200,
        {"status": "duplicate"},
    )
    inbound = InboundSms.objects.get()
    case = inbound.case
    assert inbound.from_number == "+46705550101" and inbound.threaded_by == "new"
    assert (case.channel, case.customer, case.handler, case.answer_group) == (
        Channel.SMS,
        tenant_a.customer,
        None,
        None,
    )
    assert case.case_type == sms_number.default_case_type
    assert case.registered_by.is_channel_account
    [event] = case.events.filter(kind=EventKind.CONTACT)
    assert event.text == message["text"]

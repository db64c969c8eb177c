"""The webhooks: the signature (refused and logged), threading into cases, delivery reports."""

import json
import logging
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from civicdesk.cases import services as case_services
from civicdesk.cases.choices import Channel, EventKind
from civicdesk.org.choices import Role
from civicdesk.sms import services
from civicdesk.sms.gateway import SIGNATURE_HEADER, sign
from civicdesk.sms.models import InboundSms, OutboundSms, OutboundSmsStatus, WebhookRefusal
from civicdesk.testing import factories
from civicdesk.testing.sms_gateway import WEBHOOK_SECRET

pytestmark = pytest.mark.django_db

INBOUND = "/sms/webhooks/inbound/"
STATUS = "/sms/webhooks/status/"


@pytest.fixture(autouse=True)
def _secret(settings):
    settings.CIVICDESK_SMS_GATEWAY_WEBHOOK_SECRET = WEBHOOK_SECRET


def post(client, url, payload, *, secret=WEBHOOK_SECRET, timestamp=None, header=None):
    body = json.dumps(payload).encode()
    signature = sign(secret, body, timestamp=timestamp) if header is None else header
    return client.post(
        url, body, content_type="application/json", headers={SIGNATURE_HEADER: signature}
    )


def text_in(client, number, text, *, sender="+46705550101", id=None):
    return post(
        client,
        INBOUND,
        {
            "id": id or f"in-{time.monotonic_ns()}",
            "from": sender,
            "to": number.number,
            "text": text,
        },
    )


# --- the signature --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("signing", "reason"),
    [
        ({"secret": "not-the-secret"}, "mismatch"),
        ({"timestamp": -301}, "stale"),  # seconds from now, beyond the 300 tolerated
        ({"timestamp": +301}, "stale"),
        ({"header": ""}, "missing"),
        ({"header": "v1=abc"}, "malformed"),
        ({"header": "t=soon,v1=abc"}, "malformed"),
    ],
)
def test_a_call_without_a_valid_fresh_signature_is_refused_and_logged(
    client, sms_number, caplog, time_machine, signing, reason
):
    time_machine.move_to(timezone.now().replace(microsecond=0), tick=False)  # to the second
    payload = {"id": "x1", "from": "+46705550101", "to": sms_number.number, "text": "Hej"}
    if "timestamp" in signing:
        signing = {"timestamp": int(time.time()) + signing["timestamp"]}
    with caplog.at_level(logging.WARNING, logger="civicdesk.sms.views"):
        response = post(client, INBOUND, payload, **signing)
    assert response.status_code == 403
    assert response.json()["detail"]
    assert not InboundSms.objects.exists()
    refusal = WebhookRefusal.objects.get()
    assert (refusal.endpoint, refusal.reason, refusal.count) == ("inbound", reason, 1)
    [logged] = [r for r in caplog.records if r.name == "civicdesk.sms.views"]
    assert logged.levelno == logging.WARNING and reason in logged.getMessage()


def test_a_body_changed_after_signing_is_refused(client, sms_number):
    body = json.dumps({"id": "x2", "from": "+46705550101", "to": sms_number.number, "text": "a"})
    header = sign(WEBHOOK_SECRET, body.encode())
    response = client.post(
        INBOUND,
        body.replace('"a"', '"b"'),
        content_type="application/json",
        headers={SIGNATURE_HEADER: header},
    )
    assert response.status_code == 403


def test_refusals_are_counted_per_day_endpoint_and_reason(client):
    for _ in range(3):
        assert post(client, STATUS, {"id": "x"}, secret="forged").status_code == 403
    assert post(client, STATUS, {"id": "x"}, header="").status_code == 403
    assert sorted(WebhookRefusal.objects.values_list("endpoint", "reason", "count")) == [
        ("status", "mismatch", 3),
        ("status", "missing", 1),
    ]


def test_without_a_configured_secret_every_call_is_refused(client, settings, sms_number):
    settings.CIVICDESK_SMS_GATEWAY_WEBHOOK_SECRET = ""
    assert post(client, INBOUND, {"id": "x"}, secret="anything").status_code == 403
    assert WebhookRefusal.objects.get().reason == "not_configured"


def test_a_rotated_secret_may_be_sent_beside_the_old_one(client, sms_number):
    body = json.dumps({"id": "r1", "from": "+46705550101", "to": sms_number.number, "text": "x"})
    old = sign("the-old-secret", body.encode()).split(",")[1]
    header = f"{sign(WEBHOOK_SECRET, body.encode())},{old}"
    response = client.post(
        INBOUND, body, content_type="application/json", headers={SIGNATURE_HEADER: header}
    )
    assert response.status_code == 200


def test_webhooks_take_only_post_and_json_objects(client):
    assert client.get(INBOUND).status_code == 405
    assert post(client, INBOUND, ["not", "an", "object"]).status_code == 400


# --- inbound messages -----------------------------------------------------------------------------


def test_a_number_nobody_receives_on_is_refused_by_name(client, sms_number):
    response = post(
        client, INBOUND, {"id": "u1", "from": "+46705550101", "to": "+46701749999", "text": "x"}
    )
    assert response.status_code == 422
    assert response.json()["field"] == "to"
    assert not InboundSms.objects.exists()


def test_a_message_quoting_the_customers_case_joins_it(client, tenant_a, sms_number):
    case = tenant_a.case
    response = text_in(client, sms_number, f"Angående ärende {case.reference.lower()}: tack!")
    assert response.status_code == 200
    inbound = InboundSms.objects.get()
    assert (inbound.case, inbound.threaded_by) == (case, "reference")
    assert case.events.filter(kind=EventKind.CONTACT, contact__channel=Channel.SMS).count() == 1


def test_quoting_a_strangers_case_opens_a_new_case_instead(client, tenant_a, sms_number):
    response = text_in(client, sms_number, f"Om {tenant_a.case.reference}", sender="+46705550177")
    assert response.status_code == 200
    inbound = InboundSms.objects.get()
    assert inbound.threaded_by == "new" and inbound.case != tenant_a.case
    assert inbound.case.customer is None


def test_a_reply_joins_the_case_that_texted_the_number_within_the_thread_window(
    client, tenant_a, sms_number, settings, time_machine, django_capture_on_commit_callbacks
):
    settings.CIVICDESK_SMS_THREAD_DAYS = 7
    case = tenant_a.case
    with django_capture_on_commit_callbacks():
        services.send_sms_from_case(
            actor=tenant_a.user(Role.GENERAL_AGENT),
            case=case,
            to="+46705550101",
            text="Vilken adress gäller?",
        )
    time_machine.move_to(timezone.now() + timedelta(days=6), tick=False)
    text_in(client, sms_number, "Storgatan 1")
    time_machine.move_to(timezone.now() + timedelta(days=8), tick=False)
    text_in(client, sms_number, "Och en sak till", sender="+46705550101")
    first, later = InboundSms.objects.order_by("received_at")
    assert (first.case, first.threaded_by) == (case, "recent")
    # Eight days after the last message the window has closed: a new case.
    assert later.threaded_by == "new" and later.case != case


def test_a_closed_case_is_not_threaded_into(client, tenant_a, sms_number):
    lead = tenant_a.user(Role.TEAM_LEAD)
    text_in(client, sms_number, "Första frågan")
    first = InboundSms.objects.get().case
    case_services.take_case(actor=lead, case=first)
    case_services.resolve_case(actor=lead, case=first, resolution="Besvarad")
    text_in(client, sms_number, f"Fråga igen om {first.reference}")
    second = InboundSms.objects.order_by("-received_at").first()
    assert second.threaded_by == "new" and second.case != first


def test_a_number_shared_by_two_customers_names_neither(client, tenant_a, sms_number):
    factories.CustomerFactory(organisation=tenant_a.organisation, phones=["+46705550101"])
    text_in(client, sms_number, "Hej")
    assert InboundSms.objects.get().case.customer is None


def test_a_number_of_a_group_files_new_cases_in_the_group(client, tenant_a):
    number = factories.SmsNumberFactory(
        organisation=tenant_a.organisation,
        answer_group=tenant_a.group,
        default_case_type=tenant_a.case_type,
    )
    text_in(client, number, "Till byggenheten")
    assert InboundSms.objects.get().case.answer_group == tenant_a.group


# --- delivery reports -----------------------------------------------------------------------------


def _sent_sms(tenant) -> OutboundSms:
    sms = services.queue_sms(
        organisation=tenant.organisation, to="+46705550101", text="Kod 1234", dedupe_key="code"
    )
    OutboundSms.objects.filter(pk=sms.pk).update(status=OutboundSmsStatus.SENT, gateway_id="g-9")
    return sms


def test_a_failed_delivery_is_recorded_with_its_reason(client, tenant_a):
    sms = _sent_sms(tenant_a)
    response = post(client, STATUS, {"id": "g-9", "status": "undelivered", "error": "Absent"})
    assert response.json() == {"status": "failed"}
    sms.refresh_from_db()
    assert (sms.status, sms.last_error) == (OutboundSmsStatus.FAILED, "Absent")
    # A final state stays, whatever comes after it.
    post(client, STATUS, {"id": "g-9", "status": "delivered"})
    sms.refresh_from_db()
    assert sms.status == OutboundSmsStatus.FAILED


def test_a_report_found_by_our_reference_before_the_gateway_id_is_known(client, tenant_a):
    sms = services.queue_sms(
        organisation=tenant_a.organisation, to="+46705550101", text="Hej", dedupe_key="early"
    )
    response = post(
        client, STATUS, {"id": "g-1", "reference": sms.reference, "status": "delivered"}
    )
    assert response.json() == {"status": "delivered"}
    sms.refresh_from_db()
    assert (sms.status, sms.gateway_id) == (OutboundSmsStatus.DELIVERED, "g-1")


def test_a_report_of_a_message_we_never_sent_changes_nothing(client, tenant_a):
    sms = _sent_sms(tenant_a)
    assert post(client, STATUS, {"id": "nobody", "status": "delivered"}).json() == {
        "status": "unknown"
    }
    sms.refresh_from_db()
    assert sms.status == OutboundSmsStatus.SENT


def test_the_status_webhook_refuses_an_unsigned_report(client, tenant_a):
    sms = _sent_sms(tenant_a)
    response = client.post(
        STATUS, json.dumps({"id": "g-9", "status": "failed"}), content_type="application/json"
    )
    assert response.status_code == 403
    sms.refresh_from_db()
    assert sms.status == OutboundSmsStatus.SENT
    assert reverse("sms:status_webhook") == STATUS


@pytest.mark.parametrize("gateway_id", ["", "x" * 101])
def test_a_message_without_a_usable_id_is_refused_by_name(client, sms_number, gateway_id):
    response = post(
        client,
        INBOUND,
        {"id": gateway_id, "from": "+46705550101", "to": sms_number.number, "text": "x"},
    )
    assert (response.status_code, response.json()["field"]) == (422, "id")


def test_a_signature_at_the_edge_of_the_tolerance_is_accepted(client, sms_number, time_machine):
    time_machine.move_to(timezone.now().replace(microsecond=0), tick=False)
    for offset, id in [(-300, "edge-1"), (300, "edge-2")]:
        payload = {"id": id, "from": "+46705550101", "to": sms_number.number, "text": "x"}
        response = post(client, INBOUND, payload, timestamp=int(time.time()) + offset)
        assert response.status_code == 200


def test_a_message_posted_twice_at_once_is_answered_as_a_duplicate(client, sms_number):
    """The second of two simultaneous posts loses the race on the unique gateway id."""
    text_in(client, sms_number, "Hej", id="race-1")
    with mock.patch.object(services, "receive_inbound_sms", side_effect=IntegrityError):
        assert text_in(client, sms_number, "Hej", id="race-1").json() == {"status": "duplicate"}
        # Any other integrity error is not taken for a duplicate: the gateway must try again.
        with pytest.raises(IntegrityError):
            text_in(client, sms_number, "Hej", id="race-2")

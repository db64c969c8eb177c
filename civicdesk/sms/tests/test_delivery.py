"""Sending the outbox to the gateway: retried while it is down, refused messages recorded."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civicdesk.jobs.models import JobRun
from civicdesk.jobs.scheduler import schedule_due_jobs
from civicdesk.sms import delivery, gateway
from civicdesk.sms.models import OutboundSms, OutboundSmsStatus
from civicdesk.sms.services import queue_sms

pytestmark = pytest.mark.django_db


def queue(tenant, capture, key="k", text="Din kod är 1234"):
    with capture(execute=True):
        queue_sms(organisation=tenant.organisation, to="+46705550101", text=text, dedupe_key=key)
    return OutboundSms.objects.get(dedupe_key=key)


def test_a_message_queued_while_the_gateway_is_down_goes_out_once_it_is_back(
    tenant_a, sms_gateway, django_capture_on_commit_callbacks, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    sms_gateway.stop()
    sms = queue(tenant_a, django_capture_on_commit_callbacks)
    assert (sms.status, sms.attempts) == (OutboundSmsStatus.PENDING, 1)
    assert "Connection refused" in sms.last_error
    assert sms.next_attempt_at == timezone.now() + timedelta(minutes=1)

    sms_gateway.start()
    assert delivery.deliver_due() == 0  # not yet due: nothing is hammered
    time_machine.shift(timedelta(minutes=2))
    schedule_due_jobs()  # the periodic job; the test settings' backend runs it at once
    schedule_due_jobs()
    sms.refresh_from_db()
    assert (sms.status, sms.attempts, sms.last_error) == (OutboundSmsStatus.SENT, 2, "")
    assert [sent.reference for sent in sms_gateway.sent] == [sms.reference]
    assert JobRun.objects.filter(name="sms.deliver_due_sms").count() == 1


@pytest.mark.parametrize("status", [500, 503, 429, 401, 408])
def test_an_answer_worth_retrying_keeps_the_message_pending(
    tenant_a, sms_gateway, django_capture_on_commit_callbacks, status
):
    sms_gateway.fail_next(status)
    sms = queue(tenant_a, django_capture_on_commit_callbacks)
    assert (sms.status, sms.attempts) == (OutboundSmsStatus.PENDING, 1)
    assert sms.last_error.startswith(f"HTTP {status}")
    assert delivery.deliver_due(now=timezone.now() + timedelta(minutes=1)) == 1
    sms.refresh_from_db()
    assert sms.status == OutboundSmsStatus.SENT


@pytest.mark.parametrize("status", [400, 422])
def test_a_message_the_gateway_refuses_for_good_is_failed_with_the_reason(
    tenant_a, sms_gateway, django_capture_on_commit_callbacks, status
):
    sms_gateway.fail_next(status)
    sms = queue(tenant_a, django_capture_on_commit_callbacks)
    assert (sms.status, sms.attempts) == (OutboundSmsStatus.FAILED, 1)
    assert sms.last_error.startswith(f"HTTP {status}") and sms.failed_at is not None
    assert delivery.deliver_due(now=timezone.now() + timedelta(days=1)) == 0
    assert sms_gateway.sent == []


def test_a_wrong_api_key_is_retried_until_it_is_mended(
    tenant_a, sms_gateway, settings, django_capture_on_commit_callbacks
):
    settings.CIVICDESK_SMS_GATEWAY_API_KEY = "wrong"
    sms = queue(tenant_a, django_capture_on_commit_callbacks)
    assert (sms.status, sms.last_error[:8]) == (OutboundSmsStatus.PENDING, "HTTP 401")
    settings.CIVICDESK_SMS_GATEWAY_API_KEY = sms_gateway.api_key
    delivery.deliver_due(now=timezone.now() + timedelta(minutes=1))
    sms.refresh_from_db()
    assert sms.status == OutboundSmsStatus.SENT


def test_after_the_last_attempt_the_message_is_failed(
    tenant_a, sms_gateway, django_capture_on_commit_callbacks, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    sms_gateway.fail_next(*[503] * delivery.MAX_ATTEMPTS)
    sms = queue(tenant_a, django_capture_on_commit_callbacks)
    for _ in range(delivery.MAX_ATTEMPTS - 1):
        time_machine.shift(timedelta(hours=1))
        delivery.deliver_due()
    sms.refresh_from_db()
    assert (sms.status, sms.attempts) == (OutboundSmsStatus.FAILED, delivery.MAX_ATTEMPTS)
    assert sms_gateway.requests == delivery.MAX_ATTEMPTS


def test_delivering_twice_sends_once(tenant_a, sms_gateway, django_capture_on_commit_callbacks):
    sms = queue(tenant_a, django_capture_on_commit_callbacks)
    assert delivery.deliver(sms.pk) is True  # already with the gateway: nothing more is sent
    assert len(sms_gateway.sent) == 1 and sms_gateway.requests == 1


def test_a_leased_message_is_left_to_its_sender(tenant_a, sms_gateway):
    sms = queue_sms(
        organisation=tenant_a.organisation, to="+46705550101", text="x", dedupe_key="lease"
    )
    OutboundSms.objects.filter(pk=sms.pk).update(leased_until=timezone.now() + timedelta(minutes=1))
    assert delivery.deliver(sms.pk) is False
    assert sms_gateway.requests == 0


def test_a_repeat_after_a_lost_answer_gets_the_first_id(sms_gateway, settings):
    first = gateway.send(to="+46705550101", sender="x", text="a", reference="civicdesk-1")
    again = gateway.send(to="+46705550101", sender="x", text="a", reference="civicdesk-1")
    assert first == again and len(sms_gateway.sent) == 1


def test_a_slow_gateway_is_a_transient_error(tenant_a, settings):
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)  # accepts the connection, never answers
    settings.CIVICDESK_SMS_GATEWAY_URL = f"http://127.0.0.1:{listener.getsockname()[1]}/messages"
    settings.CIVICDESK_SMS_GATEWAY_TIMEOUT = 0.3
    try:
        with pytest.raises(gateway.TransientGatewayError):
            gateway.send(to="+46705550101", sender="x", text="a", reference="civicdesk-2")
    finally:
        listener.close()


def test_without_a_gateway_production_keeps_messages_and_development_logs_them(settings, caplog):
    settings.CIVICDESK_SMS_GATEWAY_URL = ""
    with pytest.raises(gateway.TransientGatewayError):
        gateway.send(to="+46705550101", sender="x", text="a", reference="civicdesk-3")
    settings.DEBUG = True
    with caplog.at_level("INFO", logger="civicdesk.sms.gateway"):
        assert gateway.send(to="+46705550101", sender="x", text="a", reference="civicdesk-3")
    assert "civicdesk-3" in caplog.text


def test_the_command_sends_what_is_due(tenant_a, sms_gateway):
    from io import StringIO

    from django.core.management import call_command

    queue_sms(organisation=tenant_a.organisation, to="+46705550101", text="x", dedupe_key="cmd")
    out = StringIO()
    call_command("send_queued_sms", stdout=out)
    assert out.getvalue().strip() == "Sent 1 message(s)."
    assert len(sms_gateway.sent) == 1

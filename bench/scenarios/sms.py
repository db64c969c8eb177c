"""(s) SMS both ways: inbound messages per second through the signed webhook, and outbound
messages per second from the outbox to a gateway on loopback.

Inbound: 3,000 webhook calls built in memory (JSON body and X-Signature), posted with
Django's test client to /sms/webhooks/inbound/ in this process: signature check, sender
matched against the customer register (real customers' phones), threading and the case write
(`register_contact` or `append_contact`), one transaction each. About 70 % are first messages
of a sender (a new case), 30 % follow-ups of a sender of the run (joining that case by the
recent conversation rule). Recorded: messages per second, and p50/p95 per call.

Outbound: 1,000 messages queued with `queue_sms`, then sent by `delivery.deliver_due` to the
test gateway (civicdesk/testing/sms_gateway.py, a threaded HTTP server on 127.0.0.1), one
HTTP request each. Recorded: messages per second, gateway round trip included.
"""

from __future__ import annotations

import json
import random
import time

from django.test import Client, override_settings

from bench.core import median, p95
from bench.sampling import _random_rows
from civicdesk.catalog.models import CaseType
from civicdesk.customers.models import ContactKind, CustomerContact
from civicdesk.org.models import Organisation
from civicdesk.sms import delivery
from civicdesk.sms.gateway import SIGNATURE_HEADER, sign
from civicdesk.sms.models import InboundSms, OutboundSms, OutboundSmsStatus, SmsNumber
from civicdesk.sms.services import queue_sms
from civicdesk.testing.sms_gateway import SmsGateway

INBOUND = 3_000
OUTBOUND = 1_000
SECRET = "bench-secret"
NUMBER = "+46701740699"  # from the range Sweden keeps for fiction
TEXTS = [
    "Hej! När töms soptunnorna på Morö Backe?",
    "Dzień dobry, kiedy mogę odebrać decyzję?",
    "Hei, milloin päiväkotihakemukseni käsitellään?",
]


def _inbound_calls(organisation: Organisation, run: str, rng: random.Random) -> list:
    phones = [
        contact.value
        for contact in _random_rows(
            CustomerContact.objects.filter(organisation=organisation, kind=ContactKind.PHONE),
            INBOUND,
            rng,
        )
    ]
    senders, calls = [], []
    for index in range(INBOUND):
        if senders and rng.random() < 0.30:
            sender = rng.choice(senders)
        else:
            sender = phones[len(senders) % len(phones)]
            senders.append(sender)
        body = json.dumps(
            {"id": f"{run}-{index}", "from": sender, "to": NUMBER, "text": rng.choice(TEXTS)}
        ).encode()
        calls.append(body)
    return calls


def run(bench) -> None:
    organisation = Organisation.objects.order_by("pk").first()
    SmsNumber.objects.get_or_create(
        number=NUMBER,
        defaults={
            "organisation": organisation,
            "default_case_type": CaseType.objects.filter(
                organisation=organisation, is_active=True, confidential_by_default=False
            ).first(),
        },
    )
    rng = random.Random(bench.seed)
    calls = _inbound_calls(organisation, f"bench-{time.time_ns()}", rng)
    client = Client()
    before = InboundSms.objects.count()
    timings = []
    with override_settings(CIVICDESK_SMS_GATEWAY_WEBHOOK_SECRET=SECRET):
        started = time.perf_counter()
        for body in calls:
            call_started = time.perf_counter()
            response = client.post(
                "/sms/webhooks/inbound/",
                body,
                content_type="application/json",
                headers={SIGNATURE_HEADER: sign(SECRET, body)},
            )
            timings.append((time.perf_counter() - call_started) * 1000)
            if response.status_code != 200:
                raise RuntimeError(
                    f"inbound SMS refused: {response.status_code} {response.content}"
                )
        elapsed = time.perf_counter() - started
    received = InboundSms.objects.count() - before
    if received != INBOUND:
        raise RuntimeError(f"{received} inbound SMS recorded of {INBOUND}")
    print(
        f"  inbound: {INBOUND / elapsed:.0f} messages/s, p50 {median(timings):.1f} ms, "
        f"p95 {p95(timings):.1f} ms"
    )
    bench.record("sms.inbound_rate", INBOUND / elapsed, "messages/s")
    bench.record("sms.inbound_p50", median(timings), "ms")
    bench.record("sms.inbound_p95", p95(timings), "ms")

    gateway = SmsGateway()
    gateway.start()
    try:
        with override_settings(
            CIVICDESK_SMS_GATEWAY_URL=gateway.url, CIVICDESK_SMS_GATEWAY_API_KEY=gateway.api_key
        ):
            run_id = time.time_ns()
            queued = [
                queue_sms(
                    organisation=organisation,
                    to="+46701740612",
                    text=rng.choice(TEXTS),
                    dedupe_key=f"bench:{run_id}:{index}",
                ).pk
                for index in range(OUTBOUND)
            ]
            started = time.perf_counter()
            sent = delivery.deliver_due(limit=OUTBOUND)
            elapsed = time.perf_counter() - started
    finally:
        gateway.stop()
    delivered = OutboundSms.objects.filter(pk__in=queued, status=OutboundSmsStatus.SENT).count()
    if sent != OUTBOUND or delivered != OUTBOUND:
        raise RuntimeError(f"{delivered} of {OUTBOUND} SMS sent")
    print(f"  outbound: {OUTBOUND / elapsed:.0f} messages/s to a gateway on loopback")
    bench.record("sms.outbound_rate", OUTBOUND / elapsed, "messages/s")

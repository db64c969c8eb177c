"""(t) Phone-system events: CTI events per second through the API, past calls per second
through the bulk import.

Live: 1,000 calls of three events each (offered with a caller from the customer register,
answered by an agent's extension, ended), posted with Django's test client and the phone
system's bearer token to /api/v1/telephony/events: validation, the call row under its lock,
the fold over the call's events, the caller matched to a customer, the screen-pop row, one
transaction each. Recorded: events per second, p50 and p95 per event.

Import: 20,000 calls in batches of 500 through `telephony.services.import_calls` (what the
demo and a switch-over from another system use). Recorded: calls per second.
"""

from __future__ import annotations

import datetime
import random
import time

from django.test import Client
from django.utils import timezone

from bench.core import median, p95
from bench.sampling import _random_rows
from civicdesk.customers.models import ContactKind, CustomerContact
from civicdesk.org.choices import Role
from civicdesk.org.models import Organisation, User
from civicdesk.org.services import create_api_token
from civicdesk.telephony.models import Call, Extension
from civicdesk.telephony.services import CallReport, import_calls, phone_account

LIVE_CALLS = 1_000
IMPORTED_CALLS = 20_000
BATCH = 500


def run(bench) -> None:
    organisation = Organisation.objects.order_by("pk").first()
    agent = User.objects.filter(
        organisation=organisation, role_assignments__role=Role.GENERAL_AGENT, is_active=True
    ).first()
    Extension.objects.get_or_create(
        organisation=organisation, number="bench-1001", defaults={"user": agent}
    )
    account = phone_account(organisation)
    _token, secret = create_api_token(
        actor=User.objects.filter(is_superuser=True).first(), user=account, name="bench"
    )
    rng = random.Random(bench.seed)
    phones = [
        contact.value
        for contact in _random_rows(
            CustomerContact.objects.filter(organisation=organisation, kind=ContactKind.PHONE),
            LIVE_CALLS,
            rng,
        )
    ]
    run_id = time.time_ns()
    start = timezone.now() - datetime.timedelta(minutes=1)
    client = Client(headers={"Authorization": f"Bearer {secret}"})
    warm_up = {
        "kind": "offered",
        "call_id": f"bench-{run_id}-warm-up",
        "timestamp": start.isoformat(),
    }
    client.post("/api/v1/telephony/events", warm_up, content_type="application/json")
    timings = []
    for index, phone in enumerate(phones):
        call_id = f"bench-{run_id}-{index}"
        for kind, seconds, fields in (
            ("offered", 0, {"caller_number": phone, "queue": "bench", "ivr_choice": "1"}),
            ("answered", 20, {"agent": "bench-1001"}),
            ("ended", 50, {}),
        ):
            body = {
                "kind": kind,
                "call_id": call_id,
                "timestamp": (start + datetime.timedelta(seconds=seconds)).isoformat(),
                **fields,
            }
            started = time.perf_counter()
            response = client.post(
                "/api/v1/telephony/events", body, content_type="application/json"
            )
            timings.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise RuntimeError(f"CTI event refused: {response.status_code} {response.content}")
    ended = Call.objects.filter(external_id__startswith=f"bench-{run_id}-", talk_seconds=30)
    if ended.count() != len(phones):
        raise RuntimeError(f"{ended.count()} of {len(phones)} calls summed up")
    rate = len(timings) / (sum(timings) / 1000)
    print(f"  live: {rate:.0f} events/s, p50 {median(timings):.1f} ms, p95 {p95(timings):.1f} ms")
    bench.record("cti.event_rate", rate, "events/s")
    bench.record("cti.event_p50", median(timings), "ms")
    bench.record("cti.event_p95", p95(timings), "ms")

    past = timezone.now() - datetime.timedelta(days=30)
    batches = []
    for first in range(0, IMPORTED_CALLS, BATCH):
        batch = {}
        for index in range(first, first + BATCH):
            call_id = f"import-{run_id}-{index}"
            at = past + datetime.timedelta(seconds=index * 60)
            batch[call_id] = [
                CallReport("offered", call_id, at, caller_number=rng.choice(phones)),
                CallReport(
                    "answered", call_id, at + datetime.timedelta(seconds=25), agent="bench-1001"
                ),
                CallReport("ended", call_id, at + datetime.timedelta(seconds=140)),
            ]
        batches.append(batch)
    started = time.perf_counter()
    added = sum(
        import_calls(actor=account, organisation=organisation, calls=batch) for batch in batches
    )
    elapsed = time.perf_counter() - started
    if added != IMPORTED_CALLS:
        raise RuntimeError(f"{added} of {IMPORTED_CALLS} calls imported")
    print(f"  import: {added / elapsed:.0f} calls/s")
    bench.record("cti.import_rate", added / elapsed, "calls/s")

"""(w) Web-form submissions per second: POST /faq/<organisation>/contact/ as a browser sends it.

The whole request path through django.test.Client: middleware, session, CSRF, the multipart
body, the spam defences (signed token, honeypot, rate counters per address and per sender),
validation, the case registered by the web form's account with its timeline, the hashed sender
record and the confirmation e-mail queued in the outbox, and the redirect to the thank-you
page. Each submission comes from another address and sender, as from many citizens, so the
rate limits count but never refuse. Also: with a 200 KiB PDF attached, the queries one
submission runs, and how fast a robot that fills in the hidden field is turned away.
"""

from __future__ import annotations

import itertools
import logging
import time

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

from civicdesk.org.models import Organisation
from civicdesk.portal import defences
from civicdesk.portal.models import PortalForm
from civicdesk.portal.selectors import contact_topics

WARM_UP = 10
PDF = b"%PDF-1.4\n" + b"0" * (200 * 1024)


def _pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile("kvitto.pdf", PDF, "application/pdf")


def _body(topic_id: int, number: int, token: str) -> dict:
    return {
        "topic": topic_id,
        "subject": "Gatlampan är trasig",
        "message": "Lampan utanför Storgatan 12 har varit släckt i en vecka. Kan ni laga den?",
        "name": "Anna Berg",
        "email": f"citizen{number}@bench.example",
        "phone": "",
        "form_token": token,
    }


def _address(number: int) -> str:
    return f"10.{(number >> 16) & 255}.{(number >> 8) & 255}.{number & 255}"


def _recorder(statements: list[str]):
    """Notes each statement run (the test client's request_started clears the query log)."""

    def record(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    return record


def _post(client: Client, url: str, body: dict, address: str, expected: int) -> float:
    started = time.perf_counter()
    response = client.post(url, body, REMOTE_ADDR=address)
    elapsed = time.perf_counter() - started
    if response.status_code != expected:
        raise RuntimeError(f"{url} answered {response.status_code}: {response.content[:300]!r}")
    return elapsed


def run(bench) -> None:
    organisation = next(
        (org for org in Organisation.objects.order_by("pk") if contact_topics(org)), None
    )
    if organisation is None:
        bench.note("web_form: no organisation has a topic open to the contact form; skipped")
        return
    topic_id = contact_topics(organisation)[0].topic.pk
    url = f"{reverse('portal:contact', args=[organisation.slug])}?lang=sv"
    token = defences.form_token(organisation, PortalForm.CONTACT)
    requests = bench.scale.requests
    client = Client()
    numbers = itertools.count(1)

    def submit(expected: int = 302, **changes) -> float:
        number = next(numbers)
        body = {**_body(topic_id, number, token), **changes}
        return _post(client, url, body, _address(number), expected)

    # Django logs each 400 the robot gets; the log is not what is measured.
    request_log = logging.getLogger("django.request")
    level, request_log.level = request_log.level, logging.ERROR
    try:
        # Sent at once, which the minimum fill time would hold back; the rest as configured.
        with override_settings(CIVICDESK_PORTAL_MIN_FILL_SECONDS=0):
            for _ in range(WARM_UP):
                submit()
            plain = sum(submit() for _ in range(requests))
            attached = sum(submit(attachment=_pdf()) for _ in range(requests // 4))
            statements: list[str] = []
            with connection.execute_wrapper(_recorder(statements)):
                submit()
            # A robot on many addresses (one address would be refused sooner, with a 429).
            spam = {defences.HONEYPOT_FIELD: "http://spam.example"}
            held = sum(submit(400, **spam) for _ in range(requests))
    finally:
        request_log.level = level
    bench.record("portal.web_form.submissions", requests / plain, "submissions/s")
    bench.record(
        "portal.web_form.submissions_with_attachment", (requests // 4) / attached, "submissions/s"
    )
    bench.record("portal.web_form.queries", len(statements), "queries")
    bench.record("portal.web_form.held_back", requests / held, "requests/s")

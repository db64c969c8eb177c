"""Spam is held back without a captcha: the hidden field, the minimum fill time, the signed
token and the rate limits. Nothing held back is stored or mailed, and all of it is counted."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.utils import timezone

from civicdesk.cases.choices import Channel
from civicdesk.cases.models import Case
from civicdesk.integrations.models import OutboundEmail
from civicdesk.org.choices import Role
from civicdesk.portal import defences
from civicdesk.portal.models import HeldBack, RateCounter
from civicdesk.portal.tasks import prune
from civicdesk.portal.tests.helpers import contact_url, form_token, message, send

pytestmark = pytest.mark.django_db

NEUTRAL = "We could not accept this. Please check it and send it again."


def stored(tenant) -> int:
    return Case.objects.filter(organisation=tenant.organisation, channel=Channel.WEB_FORM).count()


def held(tenant) -> dict[str, int]:
    return dict(
        HeldBack.objects.filter(organisation=tenant.organisation).values_list("reason", "count")
    )


@pytest.mark.usefixtures("no_fill_time")
def test_a_filled_in_hidden_field_is_held_back_with_a_neutral_answer(client, tenant_a):
    answer = send(client, tenant_a, message(tenant_a, homepage="http://cheap.example"))
    page = answer.content.decode()
    assert NEUTRAL in page
    assert "Storgatan 12 has been dark" in page  # a person whose browser filled it can resend
    assert 'name="homepage" type="text" value=""' in page
    assert stored(tenant_a) == 0 and not OutboundEmail.objects.exists()
    assert held(tenant_a) == {"honeypot": 1}


def test_a_form_sent_sooner_than_the_minimum_fill_time_is_held_back(client, tenant_a, settings):
    settings.CIVICDESK_PORTAL_MIN_FILL_SECONDS = 3
    url = contact_url(tenant_a)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        token = form_token(client, url)
        clock.shift(1)
        too_fast = client.post(url, {**message(tenant_a), "form_token": token})
        assert NEUTRAL in too_fast.content.decode()
        assert stored(tenant_a) == 0 and not OutboundEmail.objects.exists()
        assert held(tenant_a) == {"too_fast": 1}
        clock.shift(3)
        assert client.post(url, {**message(tenant_a), "form_token": token}).status_code == 302
    assert stored(tenant_a) == 1


@pytest.mark.usefixtures("no_fill_time")
def test_a_missing_forged_or_foreign_token_is_held_back(client, tenant_a, tenant_b):
    url = contact_url(tenant_a)
    theirs = defences.form_token(tenant_b.organisation, "contact")
    status_form = defences.form_token(tenant_a.organisation, "status")
    for token in ("", "forged:token", theirs, status_form):
        answer = client.post(url, {**message(tenant_a), "form_token": token})
        assert NEUTRAL in answer.content.decode()
    assert stored(tenant_a) == 0
    assert held(tenant_a) == {"bad_token": 4}


def test_a_form_left_open_for_a_day_is_asked_again_not_held(client, tenant_a):
    url = contact_url(tenant_a)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        token = form_token(client, url)
        clock.shift(datetime.timedelta(hours=25))
        answer = client.post(url, {**message(tenant_a), "form_token": token})
    assert "This page was open for a long time" in answer.content.decode()
    assert stored(tenant_a) == 0 and held(tenant_a) == {}


@pytest.mark.usefixtures("no_fill_time")
def test_messages_per_client_address_are_limited_with_a_429(client, tenant_a, settings):
    settings.CIVICDESK_PORTAL_SUBMISSIONS_PER_ADDRESS = 2
    here = {"REMOTE_ADDR": "198.51.100.7"}
    for number in range(2):
        sent = send(client, tenant_a, message(tenant_a, email=f"a{number}@example.se"), **here)
        assert sent.status_code == 302
    refused = send(client, tenant_a, message(tenant_a, email="a3@example.se"), **here)
    assert refused.status_code == 429
    assert "Too many messages have been sent from here" in refused.content.decode()
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert stored(tenant_a) == 2 and held(tenant_a) == {"rate_limited": 1}
    elsewhere = {"REMOTE_ADDR": "203.0.113.9"}
    assert send(client, tenant_a, message(tenant_a), **elsewhere).status_code == 302
    # The window ends, the count with it.
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1)):
        assert (
            send(client, tenant_a, message(tenant_a, email="a4@example.se"), **here).status_code
            == 302
        )
    # Only keyed hashes of addresses are kept.
    assert not RateCounter.objects.filter(key__contains="198.51").exists()


@pytest.mark.usefixtures("no_fill_time")
def test_messages_per_sender_are_limited_whatever_the_address(client, tenant_a, settings):
    settings.CIVICDESK_PORTAL_SUBMISSIONS_PER_SENDER = 1
    first = send(client, tenant_a, message(tenant_a), REMOTE_ADDR="198.51.100.7")
    assert first.status_code == 302
    again = send(
        client,
        tenant_a,
        message(tenant_a, email="ANNA.BERG@example.se"),  # the same address, written otherwise
        REMOTE_ADDR="203.0.113.9",
    )
    assert again.status_code == 429
    assert stored(tenant_a) == 1


def test_an_ipv6_client_is_counted_by_its_prefix(rf):
    first = rf.get("/", REMOTE_ADDR="2001:db8:1:2::10")
    second = rf.get("/", REMOTE_ADDR="2001:db8:1:2:aaaa::1")
    other = rf.get("/", REMOTE_ADDR="2001:db8:1:3::10")
    mapped = rf.get("/", REMOTE_ADDR="::ffff:198.51.100.7")
    assert defences.client_address(first) == defences.client_address(second)
    assert defences.client_address(first) != defences.client_address(other)
    assert defences.client_address(mapped) == "198.51.100.7"


@pytest.mark.usefixtures("no_fill_time")
def test_administrators_see_what_was_held_back(client, tenant_a):
    send(client, tenant_a, message(tenant_a, homepage="x"))
    client.force_login(tenant_a.user(Role.ADMINISTRATOR))
    page = client.get("/admin/portal/heldback/")
    assert page.status_code == 200
    assert "Hidden field filled in" in page.content.decode()
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    assert client.get("/admin/portal/heldback/").status_code in (302, 403)


@pytest.mark.usefixtures("no_fill_time")
def test_the_nightly_prune_forgets_ended_windows(client, tenant_a):
    send(client, tenant_a)
    counters = RateCounter.objects.count()
    assert counters == 2  # the client address and the sender
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=2)):
        assert prune.call()["rate_counters"] == counters
    assert not RateCounter.objects.exists()

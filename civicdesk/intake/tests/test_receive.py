"""receive_message: new cases, threading, dedupe, automatic messages and customers."""

from __future__ import annotations

import pytest

from civicdesk.cases import services as case_services
from civicdesk.cases.choices import Channel, EventKind, Status
from civicdesk.cases.models import Case, CaseEvent
from civicdesk.intake.models import InboundMessage, QuarantinedMessage, QuarantineReason
from civicdesk.intake.services import receive_message
from civicdesk.intake.tests.conftest import build_mail
from civicdesk.org.services import channel_service_user
from civicdesk.testing import factories

pytestmark = pytest.mark.django_db


def contact_events() -> int:
    return CaseEvent.objects.filter(kind=EventKind.CONTACT).count()


def test_a_new_message_opens_an_unassigned_case_in_the_mailboxs_group(mailbox):
    group = factories.AnswerGroupFactory(organisation=mailbox.organisation)
    mailbox.answer_group = group
    mailbox.save()
    received = receive_message(mailbox=mailbox, raw=build_mail(), source="pipe")
    assert isinstance(received, InboundMessage)
    case = received.case
    assert case.channel == Channel.EMAIL
    assert case.subject == "Fråga om bygglov"
    assert case.description.startswith("Hej! Hur lång")
    assert case.answer_group == group and case.handler is None
    assert case.registered_by == channel_service_user(mailbox.organisation, "email")
    assert received.event.case == case and received.event.kind == EventKind.CONTACT
    assert received.threaded_by == "new"
    assert received.from_address == "anna@medborgare.example"
    assert received.from_name == "Anna Svensson"
    assert bytes(received.raw).startswith(b"From: ")


def test_the_same_message_twice_is_one_event(mailbox):
    raw = build_mail()
    first = receive_message(mailbox=mailbox, raw=raw, source="imap")
    events = contact_events()
    again = receive_message(mailbox=mailbox, raw=raw, source="pipe")
    assert again.pk == first.pk and again.duplicate
    assert contact_events() == events
    assert InboundMessage.objects.count() == 1


def test_the_same_message_id_with_other_bytes_is_the_same_message(mailbox):
    first = receive_message(
        mailbox=mailbox, raw=build_mail(message_id="<a@b.example>"), source="imap"
    )
    relayed = b"Received: from relay\r\n" + build_mail(message_id="<a@B.EXAMPLE>")
    assert receive_message(mailbox=mailbox, raw=relayed, source="imap").pk == first.pk


def test_without_message_id_the_content_hash_deduplicates(mailbox):
    raw = build_mail(message_id=None)
    first = receive_message(mailbox=mailbox, raw=raw, source="imap")
    assert receive_message(mailbox=mailbox, raw=raw, source="imap").pk == first.pk
    other = receive_message(mailbox=mailbox, raw=raw + b"\n", source="imap")
    assert other.pk != first.pk


def test_a_reference_in_the_subject_continues_the_case(mailbox):
    first = receive_message(mailbox=mailbox, raw=build_mail(), source="imap")
    reply = build_mail(subject=f"Re: [{first.case.reference}] Fråga om bygglov", body="Tack!")
    second = receive_message(mailbox=mailbox, raw=reply, source="imap")
    assert second.case == first.case and second.threaded_by == "subject"
    assert second.event.text.endswith("Tack!")
    assert Case.objects.count() == 1
    first.case.refresh_from_db()
    assert first.case.contact_count == 2


def test_a_reference_of_another_organisation_opens_a_new_case(mailbox):
    other = factories.MailboxFactory(organisation=factories.OrganisationFactory())
    theirs = receive_message(mailbox=other, raw=build_mail(), source="imap")
    reply = build_mail(subject=f"Re: {theirs.case.reference}")
    mine = receive_message(mailbox=mailbox, raw=reply, source="imap")
    assert mine.case != theirs.case and mine.threaded_by == "new"


def test_in_reply_to_a_received_message_continues_its_case(mailbox):
    first = receive_message(
        mailbox=mailbox, raw=build_mail(message_id="<first@medborgare.example>"), source="imap"
    )
    reply = build_mail(
        subject="Re: something else",
        headers={
            "In-Reply-To": "<unknown@x.example>",
            "References": "<first@medborgare.example> <unknown@x.example>",
        },
    )
    second = receive_message(mailbox=mailbox, raw=reply, source="imap")
    assert second.case == first.case and second.threaded_by == "headers"


def test_a_reply_to_an_agents_message_continues_its_case(mailbox):
    first = receive_message(mailbox=mailbox, raw=build_mail(), source="imap")
    ours = f"<{first.case.reference}.42.1700000000@kommun.example>"
    reply = build_mail(subject="Re: Svar", headers={"In-Reply-To": ours, "References": ours})
    second = receive_message(mailbox=mailbox, raw=reply, source="imap")
    assert second.case == first.case and second.threaded_by == "headers"


def test_a_reply_to_a_resolved_case_opens_a_follow_up(mailbox):
    first = receive_message(mailbox=mailbox, raw=build_mail(), source="imap")
    agent = factories.UserFactory(organisation=mailbox.organisation, roles=["general_agent"])
    case_services.resolve_case(actor=agent, case=first.case, resolution="Answered")
    reply = build_mail(subject=f"Re: {first.case.reference}", body="En sak till")
    second = receive_message(mailbox=mailbox, raw=reply, source="imap")
    assert second.case != first.case and second.threaded_by == "follow_up"
    assert first.case.reference in second.case.description
    first.case.refresh_from_db()
    assert first.case.status == Status.RESOLVED


def test_a_reply_to_a_waiting_case_puts_it_back_in_progress(mailbox):
    first = receive_message(mailbox=mailbox, raw=build_mail(), source="imap")
    agent = factories.UserFactory(organisation=mailbox.organisation, roles=["general_agent"])
    case_services.wait_for_customer(actor=agent, case=first.case, reason="Ritning behövs")
    receive_message(mailbox=mailbox, raw=build_mail(subject=first.case.reference), source="imap")
    first.case.refresh_from_db()
    assert first.case.status == Status.IN_PROGRESS


def test_a_known_sender_is_the_cases_customer(mailbox):
    customer = factories.CustomerFactory(
        organisation=mailbox.organisation, emails=["anna@medborgare.example"]
    )
    received = receive_message(mailbox=mailbox, raw=build_mail(), source="imap")
    assert received.case.customer == customer


def test_an_address_two_customers_share_matches_neither(mailbox):
    for _ in range(2):
        factories.CustomerFactory(
            organisation=mailbox.organisation, emails=["anna@medborgare.example"]
        )
    received = receive_message(mailbox=mailbox, raw=build_mail(), source="imap")
    assert received.case.customer is None


def test_a_confidential_case_still_receives_the_citizens_mail(mailbox):
    mailbox.default_case_type.confidential_by_default = True
    mailbox.default_case_type.save()
    first = receive_message(mailbox=mailbox, raw=build_mail(), source="imap")
    assert first.case.is_confidential
    second = receive_message(
        mailbox=mailbox, raw=build_mail(subject=first.case.reference), source="imap"
    )
    assert second.case == first.case


@pytest.mark.parametrize(
    "headers",
    [
        {"Auto-Submitted": "auto-replied"},
        {"Precedence": "bulk"},
        {"X-Autoreply": "yes"},
        {"X-Autorespond": "Out of office"},
        {"Return-Path": "<>"},
        {"X-Loop": "civicdesk kontakt@kommun.example"},
    ],
)
def test_automatic_messages_join_their_case_marked_and_never_open_one(mailbox, headers):
    first = receive_message(mailbox=mailbox, raw=build_mail(), source="imap")
    auto = receive_message(
        mailbox=mailbox,
        raw=build_mail(subject=f"Frånvaro: {first.case.reference}", headers=headers),
        source="imap",
    )
    assert isinstance(auto, InboundMessage) and auto.is_automatic and auto.automatic_reason
    assert auto.case == first.case
    stray = receive_message(mailbox=mailbox, raw=build_mail(headers=headers), source="imap")
    assert isinstance(stray, QuarantinedMessage)
    assert stray.reason == QuarantineReason.AUTOMATIC


def test_mail_from_our_own_address_is_a_loop(mailbox):
    received = receive_message(
        mailbox=mailbox, raw=build_mail(sender="kontakt@kommun.example"), source="imap"
    )
    assert received.reason == QuarantineReason.AUTOMATIC


def test_auto_submitted_no_is_a_person(mailbox):
    received = receive_message(
        mailbox=mailbox, raw=build_mail(headers={"Auto-Submitted": "no"}), source="imap"
    )
    assert isinstance(received, InboundMessage) and not received.is_automatic


def test_no_automatic_answer_is_sent(mailbox, mailoutbox):
    from civicdesk.integrations.models import OutboundEmail

    receive_message(mailbox=mailbox, raw=build_mail(), source="imap")
    assert not OutboundEmail.objects.exists() and not mailoutbox


def test_a_message_without_sender_is_quarantined(mailbox):
    raw = b"To: kontakt@kommun.example\r\nSubject: hej\r\n\r\nbody\r\n"
    received = receive_message(mailbox=mailbox, raw=raw, source="imap")
    assert received.reason == QuarantineReason.NO_SENDER
    assert receive_message(mailbox=mailbox, raw=raw, source="imap").pk == received.pk
    assert QuarantinedMessage.objects.count() == 1


def test_two_workers_racing_with_one_message_make_one_event(mailbox, monkeypatch):
    """The second worker passed the look-up before the first committed: the unique constraint
    stops it at the end, its case is rolled back, and it answers with the first one's row."""
    from civicdesk.intake import services

    raw = build_mail()
    first = receive_message(mailbox=mailbox, raw=raw, source="imap")
    cases, events = Case.objects.count(), contact_events()
    real_existing = services._existing
    calls = []

    def missed_once(organisation_id, dedupe_key):
        calls.append(dedupe_key)
        return None if len(calls) == 1 else real_existing(organisation_id, dedupe_key)

    monkeypatch.setattr(services, "_existing", missed_once)
    again = receive_message(mailbox=mailbox, raw=raw, source="imap")
    assert again.pk == first.pk and again.duplicate and len(calls) == 2
    assert (Case.objects.count(), contact_events()) == (cases, events)


def test_a_huge_header_is_refused_before_the_parser_sees_it(mailbox):
    import time

    raw = b"From: a@b.example\r\nTo: " + b"x@y.example, " * 60_000 + b"\r\n\r\nbody\r\n"
    started = time.perf_counter()
    received = receive_message(mailbox=mailbox, raw=raw, source="imap")
    assert time.perf_counter() - started < 2
    assert received.reason == QuarantineReason.HEADER_TOO_LARGE


def test_the_mailbox_admin_stores_the_imap_password_encrypted(client, mailbox):
    from django.urls import reverse

    admin = factories.UserFactory(organisation=mailbox.organisation, roles=["administrator"])
    client.force_login(admin)
    url = reverse("admin:intake_mailbox_change", args=[mailbox.pk])
    page = client.get(url)
    assert page.status_code == 200
    form = {
        "name": mailbox.name,
        "address": mailbox.address,
        "default_case_type": mailbox.default_case_type_id,
        "is_active": "on",
        "imap_host": "imap.kommun.example",
        "imap_port": 993,
        "imap_ssl": "on",
        "imap_username": "kontakt",
        "imap_password": "hemligt lösenord",
        "imap_folder": "INBOX",
    }
    assert client.post(url, form).status_code == 302
    mailbox.refresh_from_db()
    assert mailbox.imap_password == "hemligt lösenord"
    assert "hemligt" not in mailbox.imap_password_encrypted
    form["imap_password"] = ""
    client.post(url, form)
    mailbox.refresh_from_db()
    assert mailbox.imap_password == "hemligt lösenord"  # an empty field keeps it
    assert "hemligt" not in client.get(url).content.decode()


def test_nul_characters_never_reach_a_text_column(mailbox):
    """PostgreSQL refuses NUL in text; the original bytes keep them."""
    raw = (
        b"From: Ann\x00a <anna@medborgare.example>\r\nSubject: Hej\x00d\r\n"
        b"Auto-Submitted: auto\x00replied\r\n\r\nText\x00here\r\n"
    )
    first = receive_message(mailbox=mailbox, raw=build_mail(), source="imap")
    raw = raw.replace(b"Subject: Hej", b"Subject: " + first.case.reference.encode() + b" Hej")
    received = receive_message(mailbox=mailbox, raw=raw, source="imap")
    assert isinstance(received, InboundMessage)
    for value in (received.subject, received.body_text, received.automatic_reason):
        assert "\x00" not in value
    assert b"\x00" in bytes(received.raw)
    quarantined = receive_message(
        mailbox=mailbox, raw=b"X-Bad\x00Name: " + b"a" * 40_000 + b"\r\n\r\nx", source="imap"
    )
    assert "\x00" not in quarantined.detail

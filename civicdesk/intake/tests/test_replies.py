"""E-mail out: the agent's answer from the case, through the outbox to a real SMTP server, and
the customer's answer to it back into the same case through intake."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from civicdesk.cases import services as case_services
from civicdesk.cases.choices import Channel, Direction
from civicdesk.cases.models import CaseContact
from civicdesk.core.errors import DomainError, Forbidden
from civicdesk.intake import replies
from civicdesk.intake.models import InboundMessage
from civicdesk.intake.services import receive_message
from civicdesk.intake.tests.conftest import build_mail
from civicdesk.integrations.models import OutboundEmail
from civicdesk.org.choices import Role
from civicdesk.testing import factories

pytestmark = pytest.mark.django_db

MESSAGE_ID = re.compile(r"^<(SKE-\d{4}-\d{6})\.[0-9a-f]{12}@kommun\.example>$")


@pytest.fixture
def group_mailbox(db):
    organisation = factories.OrganisationFactory(
        reference_prefix="SKE", default_language="sv", name="Skellefteå kommun"
    )
    group = factories.AnswerGroupFactory(
        organisation=organisation, name="Bygglov", email="bygglov@kommun.example"
    )
    return factories.MailboxFactory(
        organisation=organisation, address="bygglov@kommun.example", answer_group=group
    )


@pytest.fixture
def expert(group_mailbox):
    user = factories.UserFactory(
        organisation=group_mailbox.organisation,
        roles=[Role.DEPARTMENT_EXPERT],
        first_name="Eva",
        last_name="Lind",
    )
    group_mailbox.answer_group.members.add(user)
    return user


def received_from_customer(mailbox, **mail) -> InboundMessage:
    received = receive_message(mailbox=mailbox, raw=build_mail(**mail), source="imap")
    assert isinstance(received, InboundMessage)
    return received


def test_the_answer_reaches_the_customer_with_the_groups_address_and_threading_headers(
    group_mailbox, expert, smtp_server, django_capture_on_commit_callbacks
):
    first = received_from_customer(group_mailbox, message_id="<q1@medborgare.example>")
    case = first.case

    with django_capture_on_commit_callbacks(execute=True):
        queued = replies.reply_to_customer(
            actor=expert, case=case, text="Handläggningstiden är fyra veckor."
        )

    (sent,) = smtp_server.messages
    assert sent["X-Envelope-To"] == "anna@medborgare.example"
    assert sent["From"].addresses[0].addr_spec == "bygglov@kommun.example"
    assert sent["From"].addresses[0].display_name == "Skellefteå kommun"
    assert sent["Reply-To"] == "bygglov@kommun.example"
    assert sent["Subject"] == f"Re: Fråga om bygglov [{case.reference}]"
    assert MESSAGE_ID.match(sent["Message-ID"]).group(1) == case.reference
    assert sent["Message-ID"] == queued.headers["Message-ID"]
    assert sent["In-Reply-To"] == sent["References"] == "<q1@medborgare.example>"
    assert sent["X-Civicdesk-Case"] == case.reference
    assert "Auto-Submitted" not in sent  # a person wrote it
    body = sent.get_content().replace("\r\n", "\n")
    assert body.startswith("Hej,\n")  # no customer on record: the Swedish greeting alone
    assert "Handläggningstiden är fyra veckor." in body
    assert "Eva Lind\nBygglov, Skellefteå kommun" in body
    assert case.reference in body

    contact = CaseContact.objects.get(case=case, direction=Direction.OUTBOUND)
    assert contact.channel == Channel.EMAIL
    assert contact.summary == "Handläggningstiden är fyra veckor."
    assert contact.agent == expert and contact.by_department
    case.refresh_from_db()
    assert case.first_response_at is not None and case.department_contacted_at is not None

    # The customer answers without the reference in the subject: the headers thread it.
    answer = (
        b"From: Anna Svensson <anna@medborgare.example>\r\n"
        b"To: bygglov@kommun.example\r\n"
        b"Subject: Tack\r\n"
        b"Message-ID: <q2@medborgare.example>\r\n"
        b"In-Reply-To: " + sent["Message-ID"].encode() + b"\r\n"
        b"References: <q1@medborgare.example> " + sent["Message-ID"].encode() + b"\r\n"
        b"\r\nTack, det var snabbt!\r\n"
    )
    threaded = receive_message(mailbox=group_mailbox, raw=answer, source="imap")
    assert threaded.case == case and threaded.threaded_by == "headers"
    # And replying to that keeps the conversation's subject, once prefixed and referenced.
    assert (
        replies.reply_subject(case, replies.last_received(case)) == f"Re: Tack [{case.reference}]"
    )


def test_the_reply_to_a_reply_lands_in_the_case_by_its_subject_too(
    group_mailbox, expert, smtp_server, django_capture_on_commit_callbacks
):
    case = received_from_customer(group_mailbox).case
    with django_capture_on_commit_callbacks(execute=True):
        replies.reply_to_customer(actor=expert, case=case, text="Svar.")
    (sent,) = smtp_server.messages
    answer = received_from_customer(
        group_mailbox, subject=f"SV: {sent['Subject']}", body="En fråga till."
    )
    assert answer.case == case and answer.threaded_by == "subject"


def test_the_language_is_the_customers_and_the_greeting_names_them(group_mailbox, expert):
    organisation = group_mailbox.organisation
    customer = factories.CustomerFactory(
        organisation=organisation,
        name="Jan Kowalski",
        preferred_language="pl",
        emails=["jan@example.pl"],
    )
    case = received_from_customer(group_mailbox, sender="Jan <jan@example.pl>").case
    assert case.customer == customer
    assert replies.reply_language(case) == "pl"

    polish = replies.reply_to_customer(actor=expert, case=case, text="Odpowiedź.")
    assert polish.body_text.startswith("Dzień dobry, Jan Kowalski,")
    english = replies.reply_to_customer(actor=expert, case=case, text="Answer.", language="en")
    assert english.body_text.startswith("Hello Jan Kowalski,")
    assert "Kind regards," in english.body_text


def test_without_a_message_the_register_gives_the_address(tenant_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    case = tenant_a.case  # a phone call of a customer with an e-mail address on record
    queued = replies.reply_to_customer(actor=agent, case=case, text="Vi ringer i morgon.")
    assert queued.to == [f"citizen@{tenant_a.organisation.slug}.example"]
    assert "In-Reply-To" not in queued.headers
    assert queued.subject == f"Re: {case.subject} [{case.reference}]"


def test_the_sender_falls_back_from_group_to_mailbox_to_the_installation(
    group_mailbox, expert, settings
):
    organisation = group_mailbox.organisation
    received = received_from_customer(group_mailbox)
    case, group = received.case, group_mailbox.answer_group
    assert replies.reply_sender(case, received) == "bygglov@kommun.example"
    group.email = ""
    group.save()
    group_mailbox.address = "bygglov-inkorg@kommun.example"
    group_mailbox.save()
    assert replies.reply_sender(case, received) == "bygglov-inkorg@kommun.example"

    phone_case = case_services.register_contact(
        actor=expert,
        organisation=organisation,
        channel=Channel.PHONE,
        case_type=group_mailbox.default_case_type,
        subject="Ett samtal",
    )
    front_line = factories.MailboxFactory(organisation=organisation, address="kontakt@k.example")
    assert replies.reply_sender(phone_case, None) == "kontakt@k.example"
    front_line.is_active = False
    front_line.save()
    settings.DEFAULT_FROM_EMAIL = "civicdesk <no-reply@civicdesk.example>"
    assert replies.reply_sender(phone_case, None) == "no-reply@civicdesk.example"


def test_subjects_do_not_pile_up_prefixes_or_references(group_mailbox):
    case = received_from_customer(group_mailbox, subject="Odp: RE: Sv: Bygglov").case
    last = replies.last_received(case)
    assert replies.reply_subject(case, last) == f"Re: Bygglov [{case.reference}]"
    again = received_from_customer(group_mailbox, subject=f"Re: Bygglov [{case.reference}]")
    assert replies.reply_subject(case, again) == f"Re: Bygglov [{case.reference}]"


def test_a_confidential_case_without_a_message_names_no_matter_in_the_subject(tenant_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    case = tenant_a.case
    case.is_confidential = True
    case.subject = "Ekonomiskt bistånd"
    case.save()
    queued = replies.reply_to_customer(actor=agent, case=case, text="Ring oss.")
    assert "bistånd" not in queued.subject and case.reference in queued.subject
    assert "bistånd" not in queued.body_text


def test_no_address_is_a_clear_error_and_nothing_is_recorded(tenant_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    case = case_services.register_contact(
        actor=agent,
        organisation=tenant_a.organisation,
        channel=Channel.PHONE,
        case_type=tenant_a.case_type,
        customer=factories.CustomerFactory(organisation=tenant_a.organisation),
    )
    with pytest.raises(DomainError) as error:
        replies.reply_to_customer(actor=agent, case=case, text="Hej")
    assert error.value.code == "no_email"
    assert not OutboundEmail.objects.exists()
    assert not case.contacts.filter(direction=Direction.OUTBOUND).exists()


def test_only_those_who_work_on_the_case_may_answer(tenant_a):
    lead = tenant_a.user(Role.ADMINISTRATOR)
    with pytest.raises(Forbidden):
        replies.reply_to_customer(actor=lead, case=tenant_a.case, text="Hej")
    assert not OutboundEmail.objects.exists()


def test_the_reply_page_preselects_the_language_and_sends(client, tenant_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    case = tenant_a.case
    client.force_login(agent)
    url = reverse("intake:reply", args=[case.pk])
    detail = client.get(reverse("cases:detail", args=[case.pk]))
    assert url in detail.content.decode()

    page = client.get(url)
    assert page.status_code == 200
    assert page.context["form"]["language"].value() == tenant_a.customer.preferred_language
    assert f"[{case.reference}]" in page.content.decode()

    refused = client.post(url, {"text": "", "language": "sv"})
    assert refused.status_code == 400
    sent = client.post(url, {"text": "Vi har tagit emot ditt ärende.", "language": "sv"})
    assert sent.status_code == 302 and sent["Location"].endswith("#timeline")
    assert OutboundEmail.objects.get().body_text.count("Vi har tagit emot ditt ärende.") == 1


def test_the_reply_page_shows_a_missing_address_on_the_form(client, tenant_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    case = case_services.register_contact(
        actor=agent,
        organisation=tenant_a.organisation,
        channel=Channel.PHONE,
        case_type=tenant_a.case_type,
    )
    client.force_login(agent)
    url = reverse("intake:reply", args=[case.pk])
    # Said before the agent writes, and again, once, if they send all the same.
    assert client.get(url).content.decode().count("no e-mail address") == 1
    response = client.post(url, {"text": "Hej", "language": "sv"})
    assert response.status_code == 400
    assert "no e-mail address" in response.context["form"].non_field_errors()[0]
    assert response.content.decode().count("no e-mail address") == 1
    assert not OutboundEmail.objects.exists()


def test_another_organisations_case_is_not_found(client, tenant_a, tenant_b):
    client.force_login(tenant_b.user(Role.GENERAL_AGENT))
    assert client.get(reverse("intake:reply", args=[tenant_a.case.pk])).status_code == 404


def test_the_reply_page_is_refused_to_who_may_see_but_not_work_on_the_case(client, tenant_a):
    client.force_login(tenant_a.user(Role.ADMINISTRATOR))
    url = reverse("intake:reply", args=[tenant_a.case.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"text": "Hej", "language": "sv"}).status_code == 403
    assert not OutboundEmail.objects.exists()


def test_a_resolved_case_is_reopened_before_it_is_answered(tenant_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    case_services.resolve_case(actor=agent, case=tenant_a.case, resolution="Answered")
    with pytest.raises(DomainError) as error:
        replies.reply_to_customer(actor=agent, case=tenant_a.case, text="Hej igen")
    assert error.value.code == "illegal_transition"
    assert not OutboundEmail.objects.exists()

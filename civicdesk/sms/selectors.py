"""Reads of the SMS channel: which number, which customer and which case a message belongs to."""

from __future__ import annotations

import datetime
import re

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from civicdesk.cases.choices import OPEN_STATUSES
from civicdesk.cases.models import Case
from civicdesk.customers.models import ContactKind, Customer, CustomerContact
from civicdesk.org.models import Organisation
from civicdesk.sms.models import InboundSms, OutboundSms, SmsNumber

# ABC-2026-000123, also written in lower case or without the leading zeros.
REFERENCE = re.compile(r"\b([A-Za-z]{2,6})-(\d{4})-(\d{1,9})\b")
RECENT_LIMIT = 20


def number_called(e164: str) -> SmsNumber | None:
    return (
        SmsNumber.objects.select_related("organisation", "default_case_type", "answer_group")
        .filter(number=e164, is_active=True)
        .first()
    )


def inbound_received(gateway_id: str) -> bool:
    return InboundSms.objects.filter(gateway_id=gateway_id).exists()


def customer_with_phone(organisation: Organisation, e164: str) -> Customer | None:
    """The one customer with this phone number; none when nobody or several have it (a shared
    family phone must not file one person's message on another's case)."""
    contacts = list(
        CustomerContact.objects.filter(
            organisation=organisation, kind=ContactKind.PHONE, value=e164
        ).select_related("customer")[:2]
    )
    # A customer has a number once (customer_contact_unique): two rows are two customers.
    return contacts[0].customer if len(contacts) == 1 else None


def _exchanged_sms(case: Case, number: str) -> bool:
    return (
        InboundSms.objects.filter(case=case, from_number=number).exists()
        or OutboundSms.objects.filter(case=case, to=number).exists()
    )


def case_by_reference(
    organisation: Organisation, text: str, *, sender: str, customer: Customer | None
) -> Case | None:
    """An open case whose reference the text quotes, if the sender may add to it: the case is
    the customer's (matched by this phone number) or has exchanged an SMS with this number.
    Quoting a stranger's reference does not put a message on their case."""
    for match in REFERENCE.finditer(text or ""):
        prefix, year, number = match.groups()
        if prefix.upper() != organisation.reference_prefix:
            continue
        case = (
            Case.objects.filter(
                organisation=organisation,
                reference=f"{organisation.reference_prefix}-{year}-{int(number):06d}",
                status__in=OPEN_STATUSES,
            )
            .select_related("organisation")
            .first()
        )
        if case is None:
            continue
        if (customer is not None and case.customer_id == customer.pk) or _exchanged_sms(
            case, sender
        ):
            return case
    return None


def recent_sms_case(
    organisation: Organisation, sender: str, *, now: datetime.datetime | None = None
) -> Case | None:
    """The open case that most recently exchanged an SMS with this number (received from it or
    sent to it) within CIVICDESK_SMS_THREAD_DAYS days: a reply lands where the conversation is."""
    since = (now or timezone.now()) - datetime.timedelta(days=settings.CIVICDESK_SMS_THREAD_DAYS)
    received = InboundSms.objects.filter(
        organisation=organisation, from_number=sender, received_at__gte=since
    ).order_by("-received_at")
    sent = OutboundSms.objects.filter(
        organisation=organisation, to=sender, case__isnull=False, created_at__gte=since
    ).order_by("-created_at")
    moments = sorted(
        [
            *received.values_list("received_at", "case_id")[:RECENT_LIMIT],
            *sent.values_list("created_at", "case_id")[:RECENT_LIMIT],
        ],
        reverse=True,
    )
    candidates = [case_id for _at, case_id in moments]
    open_cases = Case.objects.filter(pk__in=candidates, status__in=OPEN_STATUSES).in_bulk()
    for case_id in candidates:
        if case_id in open_cases:
            return open_cases[case_id]
    return None


def messages_of_case(case: Case) -> list[InboundSms | OutboundSms]:
    """Every SMS of a case, received and sent, newest first; the caller fetched the case
    through the actor."""
    received = list(InboundSms.objects.filter(case=case).order_by("-received_at")[:100])
    sent = list(OutboundSms.objects.filter(case=case).order_by("-created_at")[:100])
    for sms in received:
        sms.direction, sms.at = "inbound", sms.received_at
    for sms in sent:
        sms.direction, sms.at = "outbound", sms.created_at
    return sorted([*received, *sent], key=lambda sms: sms.at, reverse=True)


def numbers_that_texted(case: Case) -> QuerySet:
    return (
        InboundSms.objects.filter(case=case)
        .order_by("from_number")
        .values_list("from_number", flat=True)
        .distinct()
    )


def recipients_for_case(actor, case: Case, *, via: str = "ui") -> list[str]:
    """The numbers an agent may text from a case: the customer's phones (opening them is
    written to the customer's access log, as opening the record is) and the numbers that texted
    the case. Nobody else: the organisation's number does not send to numbers typed in."""
    from civicdesk.customers.models import AccessPurpose
    from civicdesk.customers.selectors import get_customer

    numbers = []
    if case.customer_id is not None:
        customer = get_customer(
            actor=actor, customer_id=case.customer_id, purpose=AccessPurpose.CASE, via=via
        )
        numbers += [c.value for c in customer.contacts.all() if c.kind == ContactKind.PHONE]
    numbers += [number for number in numbers_that_texted(case) if number not in numbers]
    return numbers

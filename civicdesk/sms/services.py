"""Writes of the SMS channel: queueing messages, and what the gateway's webhooks report."""

from __future__ import annotations

import contextlib
import datetime
import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from civicdesk.cases import services as case_services
from civicdesk.cases.choices import Channel, Direction
from civicdesk.cases.models import Case, CaseContact
from civicdesk.core import authz
from civicdesk.core.errors import DomainError
from civicdesk.customers.contacts import normalise_phone
from civicdesk.org.models import Organisation, User
from civicdesk.org.services import channel_service_user
from civicdesk.sms import selectors
from civicdesk.sms.models import (
    InboundSms,
    OutboundSms,
    OutboundSmsStatus,
    SmsNumber,
    WebhookRefusal,
)
from civicdesk.sms.segments import count_segments

# Ten parts: 1,530 characters in the GSM alphabet, 670 otherwise. Longer is a letter.
MAX_PARTS = 10
MAX_GATEWAY_ID = 100  # InboundSms.gateway_id, OutboundSms.gateway_id


def check_text(text: str, *, field: str = "text") -> str:
    text = (text or "").strip()
    if not text:
        raise DomainError(_("This cannot be empty."), field=field)
    parts = count_segments(text).parts
    if parts > MAX_PARTS:
        raise DomainError(
            _("This text needs %(parts)s SMS parts; at most %(limit)s are sent.")
            % {"parts": parts, "limit": MAX_PARTS},
            field=field,
        )
    return text


def sender_for(organisation: Organisation) -> str:
    """The organisation's own SMS number, so replies come back to it; else the installation's
    sender name or number."""
    own = (
        SmsNumber.objects.filter(organisation=organisation, is_active=True)
        .order_by("pk")
        .values_list("number", flat=True)
        .first()
    )
    return own or settings.CIVICDESK_SMS_GATEWAY_SENDER[:20]


def queue_sms(
    *,
    organisation: Organisation,
    to: str,
    text: str,
    dedupe_key: str,
    case: Case | None = None,
    contact: CaseContact | None = None,
) -> OutboundSms:
    """Queues a text message in the caller's transaction; it is sent after the commit.

    `to` is read as a number of the organisation's country unless it has a country code, and
    stored in E.164; a number that cannot be an SMS recipient is a DomainError on "to". The
    same `dedupe_key` queued again returns the first message and sends nothing more, so a
    caller that retries is safe; name keys after what they are for ("portal-code:<id>").
    """
    to = normalise_phone(to, region=organisation.country, field="to")
    text = check_text(text)
    for related in (case, contact):
        if related is not None and related.organisation_id != organisation.pk:
            raise DomainError(_("The case belongs to another organisation."), field="case")
    sms, created = OutboundSms.objects.get_or_create(
        dedupe_key=dedupe_key[:200],
        defaults={
            "organisation": organisation,
            "case": case,
            "contact": contact,
            "to": to,
            "sender": sender_for(organisation),
            "text": text,
            "segments": count_segments(text).parts,
            "next_attempt_at": timezone.now(),
        },
    )
    if created:
        from civicdesk.sms.tasks import deliver_outbound_sms

        transaction.on_commit(lambda: deliver_outbound_sms.enqueue(sms_id=sms.pk))
    return sms


# --- what the gateway reports ------------------------------------------------------------------


def _international(raw: str) -> str:
    """Gateways often write numbers as MSISDN, the digits of E.164 without the plus."""
    raw = (raw or "").strip()
    return f"+{raw}" if raw.isdigit() and not raw.startswith("0") else raw


def _sender_number(raw: str, region: str) -> str:
    """The sender in E.164 when it is a phone number; a short code or a name stays as it came."""
    try:
        return normalise_phone(_international(raw), region=region, field="from")
    except DomainError:
        return (raw or "").strip()[:32]


@transaction.atomic
def receive_inbound_sms(
    *,
    gateway_id: str,
    from_number: str,
    to_number: str,
    text: str,
    received_at: datetime.datetime | None = None,
) -> tuple[InboundSms, bool]:
    """A citizen's SMS becomes a contact on a case, once: (the row, whether it is new).

    The number called names the organisation. The message joins an open case whose reference
    it quotes (selectors.case_by_reference), else the open case that exchanged an SMS with this
    number lately (selectors.recent_sms_case), else it opens a new unassigned case of the
    number's case type, in the number's answer group or the front line, for the customer who
    has this phone number when exactly one has.
    """
    gateway_id = (gateway_id or "").strip()
    if not 0 < len(gateway_id) <= MAX_GATEWAY_ID:
        raise DomainError(_("The message has no id, or one over 100 characters."), field="id")
    duplicate = InboundSms.objects.filter(gateway_id=gateway_id).first()
    if duplicate is not None:
        return duplicate, False
    number = None
    with contextlib.suppress(DomainError):
        # The number called is read in international form only: it names the organisation.
        number = selectors.number_called(
            normalise_phone(_international(to_number), region=None, field="to")
        )
    if number is None:
        raise DomainError(
            _("No organisation receives SMS on %(number)s.") % {"number": to_number},
            field="to",
            code="unknown_number",
        )
    organisation = number.organisation
    sender = _sender_number(from_number, organisation.country)
    text = (text or "").strip()[: case_services.MAX_TEXT]
    received_at = received_at or timezone.now()
    actor = channel_service_user(organisation, "sms")
    customer = selectors.customer_with_phone(organisation, sender)

    case = selectors.case_by_reference(organisation, text, sender=sender, customer=customer)
    threaded_by = "reference"
    if case is None:
        case, threaded_by = selectors.recent_sms_case(organisation, sender), "recent"
    if case is not None:
        contact = case_services.append_contact(
            actor=actor, case=case, channel=Channel.SMS, summary=text, started_at=received_at
        )
    else:
        threaded_by = "new"
        case = case_services.register_contact(
            actor=actor,
            organisation=organisation,
            channel=Channel.SMS,
            case_type=number.default_case_type,
            subject=Truncator(" ".join(text.split())).chars(case_services.MAX_SUBJECT // 2),
            customer=customer,
            summary=text,
            started_at=received_at,
            answer_group=number.answer_group,
            assign_to_actor=False,
        )
        contact = case.contacts.get()
    inbound = InboundSms.objects.create(
        organisation=organisation,
        number=number,
        gateway_id=gateway_id,
        from_number=sender,
        text=text,
        received_at=received_at,
        customer=customer,
        case=case,
        contact=contact,
        threaded_by=threaded_by,
    )
    return inbound, True


# The gateway's words for where a message is; anything else is recorded and changes nothing.
REPORTED = {
    "accepted": OutboundSmsStatus.SENT,
    "queued": OutboundSmsStatus.SENT,
    "sent": OutboundSmsStatus.SENT,
    "enroute": OutboundSmsStatus.SENT,
    "buffered": OutboundSmsStatus.SENT,
    "delivered": OutboundSmsStatus.DELIVERED,
    "failed": OutboundSmsStatus.FAILED,
    "undelivered": OutboundSmsStatus.FAILED,
    "undeliverable": OutboundSmsStatus.FAILED,
    "rejected": OutboundSmsStatus.FAILED,
    "expired": OutboundSmsStatus.FAILED,
}
_FINAL = {OutboundSmsStatus.DELIVERED, OutboundSmsStatus.FAILED}


@transaction.atomic
def record_delivery_report(
    *,
    gateway_id: str,
    status: str,
    reference: str = "",
    error: str = "",
    at: datetime.datetime | None = None,
) -> OutboundSms | None:
    """Moves a sent message to delivered or failed as the gateway reports; None when the
    message is not ours. Reports may come twice or out of order: a final state stays."""
    messages = OutboundSms.objects.select_for_update()
    sms = None
    pk = (reference or "").removeprefix("civicdesk-")
    if pk.isdigit():
        sms = messages.filter(pk=int(pk)).first()
    if sms is None and gateway_id:
        sms = messages.filter(gateway_id=gateway_id).first()
    if sms is None:
        return None
    new_status = REPORTED.get((status or "").strip().lower())
    if new_status is None or sms.status in _FINAL or sms.status == new_status:
        return sms
    at = at or timezone.now()
    sms.status = new_status
    fields = ["status", "updated_at"]
    if gateway_id and not sms.gateway_id and len(gateway_id) <= MAX_GATEWAY_ID:
        sms.gateway_id = gateway_id
        fields.append("gateway_id")
    if new_status == OutboundSmsStatus.DELIVERED:
        sms.delivered_at = at
        fields.append("delivered_at")
    elif new_status == OutboundSmsStatus.FAILED:
        sms.failed_at = at
        sms.last_error = (error or status)[:2000]
        fields += ["failed_at", "last_error"]
    sms.save(update_fields=fields)
    return sms


def record_webhook_refusal(*, endpoint: str, reason: str, address: str = "") -> None:
    """Counts a refused webhook call in today's row for its endpoint and reason."""
    now = timezone.now()
    key = {"day": now.date(), "endpoint": endpoint, "reason": reason}
    change = {"count": F("count") + 1, "last_at": now, "last_address": address[:45]}
    with transaction.atomic():
        if WebhookRefusal.objects.filter(**key).update(**change):
            return
        try:
            with transaction.atomic():
                WebhookRefusal.objects.create(
                    **key, count=1, last_at=now, last_address=address[:45]
                )
        except IntegrityError:  # another refusal created today's row first
            WebhookRefusal.objects.filter(**key).update(**change)


# --- agents ------------------------------------------------------------------------------------


@transaction.atomic
def send_sms_from_case(
    *, actor: User, case: Case, to: str, text: str, submission_id: str = ""
) -> OutboundSms:
    """An agent texts the customer from the case: an outbound SMS contact on the case and the
    message in the outbox, in one transaction. `submission_id` comes with the form, so the
    same form sent twice (a double click, a reload) is one contact and one message."""
    authz.require(actor, "cases.work_on_case", case)
    dedupe_key = f"case-sms:{case.pk}:{submission_id or uuid.uuid4().hex}"
    earlier = OutboundSms.objects.filter(dedupe_key=dedupe_key, case=case).first()
    if earlier is not None:
        return earlier
    if to not in selectors.recipients_for_case(actor, case):
        raise DomainError(
            _("Choose one of the customer's phone numbers."), field="to", code="unknown_number"
        )
    text = check_text(text)
    contact = case_services.append_contact(
        actor=actor,
        case=case,
        channel=Channel.SMS,
        direction=Direction.OUTBOUND,
        summary=text,
    )
    return queue_sms(
        organisation=case.organisation,
        to=to,
        text=text,
        dedupe_key=dedupe_key,
        case=case,
        contact=contact,
    )

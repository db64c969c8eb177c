"""Writes of the SMS channel: queueing messages, and what the gateway's webhooks report."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civicdesk.cases.models import Case, CaseContact
from civicdesk.core.errors import DomainError
from civicdesk.customers.contacts import normalise_phone
from civicdesk.org.models import Organisation
from civicdesk.sms.models import OutboundSms, SmsNumber
from civicdesk.sms.segments import count_segments

# Ten parts: 1,530 characters in the GSM alphabet, 670 otherwise. Longer is a letter.
MAX_PARTS = 10


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
    return own or settings.CIVICDESK_SMS_GATEWAY_SENDER


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

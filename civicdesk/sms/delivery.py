"""Sending the outbox: one message at a time, after the transaction that queued it.

Mirrors civicdesk/integrations/mail.py. `deliver` leases a pending row, hands it to the
gateway without holding a transaction, and records the answer: the gateway's id (sent), a
refusal for good (failed), or trouble worth another try (pending again, with a back-off of
1, 2, 4 ... minutes, at most an hour, and failed after MAX_ATTEMPTS). `deliver_due` sends what
is due: every minute as the periodic job `sms.deliver_due_sms` (tasks.py), or by hand with
`manage.py send_queued_sms`.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db.models import Case, F, Q, Value, When
from django.utils import timezone

from civicdesk.sms import gateway
from civicdesk.sms.models import OutboundSms, OutboundSmsStatus

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 12
LEASE = timedelta(minutes=5)


def backoff(attempts: int) -> timedelta:
    return timedelta(minutes=min(2 ** (attempts - 1), 60))


def _lease(sms_id: int, now) -> bool:
    """Claims the row for one sender; a single UPDATE, so two workers cannot both win."""
    return bool(
        OutboundSms.objects.filter(pk=sms_id, status=OutboundSmsStatus.PENDING)
        .filter(Q(leased_until__isnull=True) | Q(leased_until__lt=now))
        .update(leased_until=now + LEASE)
    )


def deliver(sms_id: int) -> bool:
    """Sends one queued message unless it went already. True when it is with the gateway."""
    now = timezone.now()
    if not _lease(sms_id, now):
        return (
            OutboundSms.objects.filter(pk=sms_id)
            .exclude(status__in=[OutboundSmsStatus.PENDING, OutboundSmsStatus.FAILED])
            .exists()
        )
    sms = OutboundSms.objects.get(pk=sms_id)
    attempts = sms.attempts + 1
    try:
        gateway_id = gateway.send(
            to=sms.to, sender=sms.sender, text=sms.text, reference=sms.reference
        )
    except gateway.PermanentGatewayError as error:
        log.warning("The SMS gateway refused message %s: %s", sms.pk, error)
        _failed(sms, attempts, str(error))
        return False
    except gateway.TransientGatewayError as error:
        if attempts >= MAX_ATTEMPTS:
            log.error("Giving up on SMS %s after %s attempts: %s", sms.pk, attempts, error)
            _failed(sms, attempts, str(error))
        else:
            log.warning("SMS %s not sent (attempt %s): %s", sms.pk, attempts, error)
            OutboundSms.objects.filter(pk=sms.pk).update(
                attempts=attempts,
                last_error=str(error)[:2000],
                next_attempt_at=timezone.now() + backoff(attempts),
                leased_until=None,
            )
        return False
    if len(gateway_id) > 100:  # OutboundSms.gateway_id; reports find it by our reference
        gateway_id = None
    OutboundSms.objects.filter(pk=sms.pk).update(
        attempts=attempts,
        last_error="",
        gateway_id=gateway_id,
        sent_at=timezone.now(),
        leased_until=None,
        # A delivery report may have come in already (a fast gateway calls the webhook before
        # this UPDATE): the status only moves on from pending here, never back.
        status=Case(
            When(status=OutboundSmsStatus.PENDING, then=Value(OutboundSmsStatus.SENT)),
            default=F("status"),
        ),
    )
    return True


def _failed(sms: OutboundSms, attempts: int, error: str) -> None:
    now = timezone.now()
    OutboundSms.objects.filter(pk=sms.pk).update(
        attempts=attempts,
        last_error=error[:2000],
        status=OutboundSmsStatus.FAILED,
        failed_at=now,
        next_attempt_at=None,
        leased_until=None,
    )


def deliver_due(*, now=None, limit: int = 500) -> int:
    """Sends pending messages whose next attempt is due; returns how many went out."""
    now = now or timezone.now()
    due = (
        OutboundSms.objects.filter(status=OutboundSmsStatus.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )
    return sum(deliver(sms_id) for sms_id in list(due))

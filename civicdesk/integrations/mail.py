"""The outbound e-mail path: queue inside the transaction, send after it commits.

Nothing calls an SMTP server inside a request. `queue_email` writes an OutboundEmail row in the
caller's transaction and enqueues its delivery on commit; `deliver` sends one row and is safe
to run twice. A message the server refused stays pending with a later `next_attempt_at`;
`deliver_due` sends it: every minute as the periodic job `integrations.deliver_due_email`
(tasks.py), or by hand with `manage.py send_queued_email`.
"""

from __future__ import annotations

import logging
import smtplib
import socket
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from civicdesk.integrations.models import OutboundEmail, OutboundEmailStatus

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 12
_TRANSIENT = (smtplib.SMTPException, OSError, socket.timeout)


def queue_email(
    *,
    dedupe_key: str,
    to: Iterable[str],
    subject: str,
    body_text: str,
    body_html: str = "",
    organisation_id: int | None = None,
    from_email: str = "",
    reply_to: Iterable[str] = (),
    headers: dict[str, str] | None = None,
) -> OutboundEmail | None:
    """Queues a message; returns None when there is nobody to send it to."""
    recipients = sorted({address for address in to if address})
    if not recipients:
        return None
    email, created = OutboundEmail.objects.get_or_create(
        dedupe_key=dedupe_key,
        defaults={
            "organisation_id": organisation_id,
            "to": recipients,
            "subject": subject[:300],
            "body_text": body_text,
            "body_html": body_html,
            "from_email": from_email,
            "reply_to": list(reply_to),
            "headers": headers or {},
            "next_attempt_at": timezone.now(),
        },
    )
    if created:
        from civicdesk.integrations.tasks import deliver_outbound_email

        transaction.on_commit(lambda: deliver_outbound_email.enqueue(email_id=email.pk))
    return email


def _message_id(email: OutboundEmail) -> str:
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip("> ") or "civicdesk.local"
    return f"<outbox-{email.pk}@{domain}>"


LEASE = timedelta(minutes=5)


def _lease(email_id: int, now) -> bool:
    """Claims the row for one sender; a single UPDATE, so two workers cannot both win."""
    return bool(
        OutboundEmail.objects.filter(pk=email_id, status=OutboundEmailStatus.PENDING)
        .filter(Q(leased_until__isnull=True) | Q(leased_until__lt=now))
        .update(leased_until=now + LEASE)
    )


def deliver(email_id: int) -> bool:
    """Sends one queued message unless it went already. True when it is sent now or before.

    No transaction is held while the mail server is talked to (on SQLite that would block
    every writer); the lease keeps other senders away instead.
    """
    now = timezone.now()
    if not _lease(email_id, now):
        return OutboundEmail.objects.filter(pk=email_id, status=OutboundEmailStatus.SENT).exists()
    email = OutboundEmail.objects.get(pk=email_id)
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=email.from_email or settings.DEFAULT_FROM_EMAIL,
        to=email.to,
        reply_to=email.reply_to or None,
        # A stable Message-ID lets receivers drop a copy if a crash repeats the send.
        headers={"Message-ID": _message_id(email), **email.headers},
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    attempts = email.attempts + 1
    try:
        message.send(fail_silently=False)
    except _TRANSIENT as error:
        failed_for_good = attempts >= MAX_ATTEMPTS
        # Back off: 1, 2, 4 ... minutes, at most an hour.
        delay = timedelta(minutes=min(2 ** (attempts - 1), 60))
        OutboundEmail.objects.filter(pk=email.pk).update(
            attempts=attempts,
            last_error=f"{type(error).__name__}: {error}"[:2000],
            status=OutboundEmailStatus.FAILED if failed_for_good else OutboundEmailStatus.PENDING,
            next_attempt_at=timezone.now() + delay,
            leased_until=None,
        )
        if failed_for_good:
            log.error("Giving up on e-mail %s after %s attempts", email.pk, attempts)
        return False
    OutboundEmail.objects.filter(pk=email.pk).update(
        attempts=attempts,
        last_error="",
        status=OutboundEmailStatus.SENT,
        sent_at=timezone.now(),
        leased_until=None,
    )
    return True


def deliver_due(*, now=None, limit: int = 500) -> int:
    """Sends pending messages whose next attempt is due; returns how many went out."""
    now = now or timezone.now()
    due = (
        OutboundEmail.objects.filter(status=OutboundEmailStatus.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )
    return sum(deliver(email_id) for email_id in list(due))

"""The endpoint mail gateways post received messages to (docs/email.md)."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _
from ninja import Router, Status

from civicdesk.core import authz
from civicdesk.core.api import actor_of, error_responses
from civicdesk.core.errors import DomainError
from civicdesk.intake import selectors, services
from civicdesk.intake.models import InboundMessage, MessageSource
from civicdesk.intake.schemas import ReceivedOut

router = Router(tags=["E-mail intake"])

RAW_MESSAGE_BODY = {
    "requestBody": {
        "required": True,
        "description": "The message exactly as received (RFC 822 / RFC 5322 bytes).",
        "content": {"message/rfc822": {"schema": {"type": "string", "format": "binary"}}},
    }
}


class TooLarge(DomainError):
    status_code = 413


def _outcome(result) -> ReceivedOut:
    duplicate = bool(getattr(result, "duplicate", False))
    if isinstance(result, InboundMessage):
        return ReceivedOut(
            outcome="case",
            duplicate=duplicate,
            message_id=result.pk,
            case_id=result.case_id,
            case_reference=result.case.reference if result.case_id else None,
            threaded_by=result.threaded_by or None,
            is_automatic=result.is_automatic,
        )
    return ReceivedOut(
        outcome="quarantine", duplicate=duplicate, quarantine_id=result.pk, reason=result.reason
    )


@router.post(
    "/mailboxes/{mailbox_id}/messages",
    response={200: ReceivedOut, 201: ReceivedOut, **error_responses(400, 403, 404, 413)},
    summary="Deliver one received e-mail message into a mailbox",
    description=(
        "The body is the raw message (`Content-Type: message/rfc822`). 201: recorded now, on "
        "a case or in quarantine; 200: the same message was delivered before (nothing new). "
        "The token's user must be an administrator of the mailbox's organisation or its "
        "e-mail channel account. 413: larger than CIVICDESK_MAIL_MAX_BYTES; the gateway "
        "should bounce it."
    ),
    openapi_extra=RAW_MESSAGE_BODY,
)
def deliver_message(request, mailbox_id: int):
    actor = actor_of(request)
    mailbox = selectors.get_mailbox(actor, mailbox_id)
    # Asked before the body is read; deliver_message asks again, as every service does.
    authz.require(actor, "intake.deliver_mail", mailbox)
    limit = settings.CIVICDESK_MAIL_MAX_BYTES
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > limit:
        raise TooLarge(
            _("The message is %(size)s bytes; at most %(limit)s are accepted.")
            % {"size": declared, "limit": limit},
            field="body",
            code="too_large",
        )
    # Read past Django's form-data limit (DATA_UPLOAD_MAX_MEMORY_SIZE): this is one message.
    raw = request.read(limit + 1)
    if len(raw) > limit:
        raise TooLarge(
            _("The message is larger than %(limit)s bytes.") % {"limit": limit},
            field="body",
            code="too_large",
        )
    if not raw.strip():
        raise DomainError(_("The body is empty: send the raw message."), field="body")
    result = services.deliver_message(
        actor=actor, mailbox=mailbox, raw=raw, source=MessageSource.HTTP
    )
    return Status(200 if getattr(result, "duplicate", False) else 201, _outcome(result))

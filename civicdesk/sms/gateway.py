"""The adapter to the SMS gateway: one JSON request per message, and the webhook signature.

The protocol is generic (docs/sms.md): POST {"to", "from", "text", "reference"} to
CIVICDESK_SMS_GATEWAY_URL with `Authorization: Bearer <CIVICDESK_SMS_GATEWAY_API_KEY>`; the
gateway answers 2xx with {"id": "..."}. It later posts delivery reports and inbound messages
to the webhooks, signed with CIVICDESK_SMS_GATEWAY_WEBHOOK_SECRET (see `sign` and `verify`).
A real operator whose API differs is plugged in by a small relay that speaks this protocol,
or by replacing `send` here; nothing else in civicdesk talks to the gateway.

Only the standard library: one POST per message does not need an HTTP client dependency.
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import logging
import time
import urllib.error
import urllib.request

from django.conf import settings

log = logging.getLogger(__name__)

MAX_RESPONSE_BYTES = 64 * 1024
# Answers that say "try again later": a timeout, a conflict while an earlier attempt with the
# same reference is still being handled, rate limiting, and the gateway's own trouble. Wrong
# credentials are retried too: the message is not at fault, the configuration is, and it is
# sent once an operator has mended the key. Any other 4xx refuses the message itself.
RETRIED_STATUSES = frozenset({401, 403, 404, 408, 409, 425, 429})


class GatewayError(Exception):
    """The gateway did not take the message."""


class TransientGatewayError(GatewayError):
    """Worth another try later: the gateway is down, slow, overloaded or misconfigured."""


class PermanentGatewayError(GatewayError):
    """The gateway refused this message for good (a number it cannot reach, a bad request)."""


def send(*, to: str, sender: str, text: str, reference: str) -> str:
    """Hands one message to the gateway and returns the gateway's id for it.

    `reference` is ours and the same on every attempt (also sent as Idempotency-Key), so a
    gateway that got the message but whose answer was lost can recognise a repeat.
    """
    url = settings.CIVICDESK_SMS_GATEWAY_URL
    if not url:
        if settings.DEBUG:
            # Development without a gateway, like Django's console e-mail backend.
            log.info("SMS %s to %s (no gateway configured): %s", reference, to, text)
            return f"log-{reference}"
        raise TransientGatewayError("CIVICDESK_SMS_GATEWAY_URL is not set.")
    body = json.dumps(
        {"to": to, "from": sender, "text": text, "reference": reference}, ensure_ascii=False
    ).encode()
    request = urllib.request.Request(  # noqa: S310 (an https or http URL from the settings)
        url,
        data=body,
        method="POST",
        headers={
            "Authorization": f"Bearer {settings.CIVICDESK_SMS_GATEWAY_API_KEY}",
            "Content-Type": "application/json; charset=utf-8",
            "Accept": "application/json",
            "Idempotency-Key": reference,
            "User-Agent": "civicdesk-sms/1",
        },
    )
    try:
        with urllib.request.urlopen(  # noqa: S310
            request, timeout=settings.CIVICDESK_SMS_GATEWAY_TIMEOUT
        ) as response:
            payload = response.read(MAX_RESPONSE_BYTES)
    except urllib.error.HTTPError as error:
        detail = error.read(500).decode("utf-8", "replace")
        message = f"HTTP {error.code}: {detail}".strip()
        if error.code >= 500 or error.code in RETRIED_STATUSES:
            raise TransientGatewayError(message) from None
        raise PermanentGatewayError(message) from None
    except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
        # Refused connection, DNS failure, timeout (socket.timeout is an OSError), a reset.
        raise TransientGatewayError(f"{type(error).__name__}: {error}") from None
    try:
        gateway_id = json.loads(payload)["id"]
    except (ValueError, KeyError, TypeError):
        gateway_id = None
    if not isinstance(gateway_id, str | int) or not str(gateway_id).strip():
        # It may have taken the message; the repeat carries the same reference.
        raise TransientGatewayError(f"The gateway's answer names no id: {payload[:200]!r}")
    return str(gateway_id)


# --- webhook signatures -------------------------------------------------------------------------

SIGNATURE_HEADER = "X-Signature"


def signature(secret: str, timestamp: int | str, body: bytes) -> str:
    """HMAC-SHA256 over "<timestamp>.<body>", hexadecimal."""
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def sign(secret: str, body: bytes, *, timestamp: int | None = None) -> str:
    """The X-Signature header value for a body: `t=<unix seconds>,v1=<hex>`."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    return f"t={timestamp},v1={signature(secret, timestamp, body)}"


class SignatureRefused(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason  # a RefusalReason value


def verify(header: str | None, body: bytes, *, now: float | None = None) -> None:
    """Raises SignatureRefused unless `header` signs `body` with the configured secret within
    the tolerance. Several v1 values are allowed (a gateway rotating its secret sends both);
    each is compared in constant time."""
    secret = settings.CIVICDESK_SMS_GATEWAY_WEBHOOK_SECRET
    if not secret:
        raise SignatureRefused("not_configured")
    if not header:
        raise SignatureRefused("missing")
    timestamp, candidates = None, []
    for item in header.split(","):
        key, _, value = item.strip().partition("=")
        if key == "t":
            timestamp = value
        elif key == "v1":
            candidates.append(value)
    if timestamp is None or not timestamp.isdigit() or not candidates:
        raise SignatureRefused("malformed")
    now = time.time() if now is None else now
    if abs(now - int(timestamp)) > settings.CIVICDESK_SMS_WEBHOOK_TOLERANCE_SECONDS:
        raise SignatureRefused("stale")
    expected = signature(secret, timestamp, body)
    # Every candidate is compared, so the time taken does not tell which one came close.
    matches = [hmac.compare_digest(expected.encode(), value.encode()) for value in candidates]
    if not any(matches):
        raise SignatureRefused("mismatch")

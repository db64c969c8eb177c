"""The public forms' defences against spam, without a third-party captcha.

1. A hidden field (the honeypot) that people never see and robots fill in.
2. A signed timestamp in every form (`form_token`): a form sent sooner than
   CIVICDESK_PORTAL_MIN_FILL_SECONDS after the page was served came from a robot; a token that
   is missing or does not verify was forged or replayed from elsewhere.
3. Rate limits per client address (an IPv6 client by its /64), per sender and per reference,
   counted in RateCounter rows, so every process and both databases share one count.

What is held back is counted per day, form and reason (HeldBack, in the admin) and logged,
never silently dropped. No table here holds a client address or an e-mail address in clear:
rate counters keep a keyed hash (core.crypto.lookup_hash).
"""

from __future__ import annotations

import datetime
import ipaddress
import logging
import time
import zoneinfo
from enum import Enum

from axes.helpers import get_client_ip_address
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from civicdesk.core import crypto
from civicdesk.org.models import Organisation
from civicdesk.portal import conf
from civicdesk.portal.models import HeldBack, HeldReason, RateCounter

log = logging.getLogger(__name__)

TOKEN_FIELD = "form_token"  # noqa: S105 (a field name)
HONEYPOT_FIELD = "homepage"
_TOKEN_SALT = "civicdesk.portal.form-token"  # noqa: S105 (a salt, not a secret)


class Scope:
    """What a rate counter counts."""

    CONTACT_ADDRESS = "contact.address"  # messages sent from one client address
    CONTACT_SENDER = "contact.sender"  # messages from one e-mail address or phone number
    STATUS_ADDRESS = "status.address"  # codes asked for from one client address
    STATUS_REFERENCE = "status.reference"  # codes asked for one reference


class Screening(Enum):
    PASSED = "passed"
    EXPIRED = "expired"  # a person left the page open too long: ask again, not spam
    HONEYPOT = HeldReason.HONEYPOT
    TOO_FAST = HeldReason.TOO_FAST
    BAD_TOKEN = HeldReason.BAD_TOKEN

    @property
    def held(self) -> bool:
        return self not in (Screening.PASSED, Screening.EXPIRED)


# --- the form token and the honeypot ----------------------------------------------------------


def form_token(organisation: Organisation, form: str) -> str:
    """A signed note of when the form was served, for which organisation and form."""
    return signing.dumps([organisation.pk, form, time.time()], salt=_TOKEN_SALT)


def screen(data, organisation: Organisation, form: str) -> Screening:
    """Checks the honeypot and the form token of a posted form."""
    if data.get(HONEYPOT_FIELD, ""):
        return Screening.HONEYPOT
    try:
        organisation_id, token_form, served_at = signing.loads(
            data.get(TOKEN_FIELD, ""), salt=_TOKEN_SALT
        )
    except (signing.BadSignature, TypeError, ValueError):
        return Screening.BAD_TOKEN
    if organisation_id != organisation.pk or token_form != form:
        return Screening.BAD_TOKEN
    age = time.time() - float(served_at)
    if age < conf.min_fill_time().total_seconds():
        return Screening.TOO_FAST
    if age > conf.form_max_age().total_seconds():
        return Screening.EXPIRED
    return Screening.PASSED


# --- rate limits -------------------------------------------------------------------------------


def client_address(request) -> str:
    """The client's address as the sign-in lock-out sees it (AXES_PROXY_COUNT behind a proxy);
    an IPv6 client by its /64, since one household or phone holds the whole prefix."""
    raw = get_client_ip_address(request) or request.META.get("REMOTE_ADDR") or "unknown"
    try:
        address = ipaddress.ip_address(raw)
    except ValueError:
        return raw
    if address.version == 6:
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def _window_start(now: datetime.datetime) -> datetime.datetime:
    seconds = int(conf.rate_window().total_seconds())
    return datetime.datetime.fromtimestamp(
        int(now.timestamp()) // seconds * seconds, tz=datetime.UTC
    )


def _counter(scope: str, value: str, now: datetime.datetime) -> dict:
    return {
        "scope": scope,
        "key": crypto.lookup_hash(f"portal-rate:{scope}", value),
        "window_start": _window_start(now),
    }


def exceeded(scope: str, value: str, limit: int) -> bool:
    """Whether `value` has used up its `limit` in the current window. Only reads: a refused
    request adds nothing to the counters (HeldBack counts it, one row per day and reason)."""
    if not value:
        return False
    counter = _counter(scope, value, timezone.now())
    count = RateCounter.objects.filter(**counter).values_list("count", flat=True).first()
    return (count or 0) >= limit


def count_requests(*counted: tuple[str, str]) -> None:
    """Counts one request for each (scope, value) in the current window, in the caller's
    transaction: the counts commit with what the request stored."""
    now = timezone.now()
    for scope, value in counted:
        _add_one(RateCounter, **_counter(scope, value, now))


def _add_one(model, **key) -> None:
    """Adds one to the count of the row with `key`, creating it at one."""
    if model.objects.filter(**key).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            model.objects.create(**key, count=1)
    except IntegrityError:  # another request created it first
        model.objects.filter(**key).update(count=F("count") + 1)


# --- what was held back ------------------------------------------------------------------------


def hold_back(*, organisation: Organisation, form: str, reason: str, address: str) -> None:
    """Counts a held-back submission for the administrators and logs it (with a hash of the
    address, enough to see that one client keeps trying)."""
    day = timezone.localdate(timezone.now(), zoneinfo.ZoneInfo(organisation.timezone))
    _add_one(HeldBack, organisation=organisation, day=day, form=form, reason=reason)
    log.info(
        "portal: held back a %s submission to %s (%s) from client %s",
        form,
        organisation.slug,
        reason,
        crypto.lookup_hash("portal-log", address)[:12],
    )


def prune(now: datetime.datetime | None = None) -> int:
    """Forgets rate counters of windows that have ended."""
    now = now or timezone.now()
    deleted, _ = RateCounter.objects.filter(window_start__lt=_window_start(now)).delete()
    return deleted


def seconds_until_next_window() -> int:
    """For a Retry-After header: when the current window's counts are forgotten."""
    now = timezone.now()
    return max(int((_window_start(now) + conf.rate_window() - now).total_seconds()), 1)

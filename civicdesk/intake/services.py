"""E-mail intake: every received message ends as a contact on a case or in quarantine.

`receive_message` is the one entry point of every mail source (IMAP, the MTA pipe, the HTTP
gateway endpoint, the demo); it never raises for anything in the message, only when the
database itself is unavailable (then the source must try again later). See docs/email.md.
"""

from __future__ import annotations

import hashlib
import logging
import re

from django.conf import settings
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civicdesk.cases import services as case_services
from civicdesk.cases.choices import OPEN_STATUSES, Channel, EventKind
from civicdesk.cases.models import Case, CaseEvent
from civicdesk.core import authz
from civicdesk.core.errors import DomainError
from civicdesk.customers.selectors import sole_customer_reachable_at
from civicdesk.intake import mailparse
from civicdesk.intake.mailparse import Limits, ParsedMail, Refused
from civicdesk.intake.models import (
    InboundMessage,
    Mailbox,
    QuarantinedMessage,
    QuarantineReason,
    ThreadedBy,
)
from civicdesk.org.models import AnswerGroup, User
from civicdesk.org.services import channel_service_user

log = logging.getLogger(__name__)

SUMMARY_CHARS = 2_000  # of the text shown in the timeline; the message keeps all of it
# The database is away or the connection broke: the source keeps the message and tries again.
TRANSIENT_ERRORS = (OperationalError, InterfaceError)


def receive_message(
    *, mailbox: Mailbox, raw: bytes, source: str
) -> InboundMessage | QuarantinedMessage:
    """Turns one raw RFC 822 message into a contact on a case, or keeps it in quarantine.

    The same message received twice (the same Message-ID, or the same bytes when it has none)
    returns the row of the first time and records nothing new; the returned row then has
    `duplicate = True`. Raises only the database's own errors (OperationalError,
    InterfaceError), after which nothing is stored and the caller retries.
    """
    return _receive(mailbox=mailbox, raw=bytes(raw), source=source)


def deliver_message(
    *, actor: User, mailbox: Mailbox, raw: bytes, source: str
) -> InboundMessage | QuarantinedMessage:
    """A message a mail gateway hands in for a mailbox: its token's user must be an
    administrator of the mailbox's organisation or that organisation's e-mail channel account."""
    authz.require_same_organisation(actor, mailbox)
    authz.require(actor, "intake.deliver_mail", mailbox)
    return receive_message(mailbox=mailbox, raw=raw, source=source)


def _receive(
    *, mailbox: Mailbox, raw: bytes, source: str, skip: frozenset[str] = frozenset()
) -> InboundMessage | QuarantinedMessage:
    content_sha256 = hashlib.sha256(raw).hexdigest()
    limits = Limits.from_settings()
    try:
        mailparse.check_limits(raw, limits, skip=skip)
        mail = mailparse.parse(raw, limits=limits, own_addresses=own_addresses(mailbox), skip=skip)
    except Refused as refusal:
        return _quarantine(mailbox, raw, source, content_sha256, refusal.reason, refusal.detail)
    except TRANSIENT_ERRORS:
        raise
    except Exception as error:  # whatever the parser raises: kept, not lost
        return _quarantine(
            mailbox,
            raw,
            source,
            content_sha256,
            QuarantineReason.UNPARSEABLE,
            f"{type(error).__name__}: {error}"[:2000],
        )
    _scrub(mail)
    dedupe_key = mail.dedupe_key(content_sha256)
    existing = _existing(mailbox.organisation_id, dedupe_key)
    if existing is not None:
        return existing
    try:
        if not mail.from_address:
            raise Refused(QuarantineReason.NO_SENDER, _("The message names no sender address."))
        _check_attachments(mail, leave_out=QuarantineReason.ATTACHMENT_REFUSED in skip)
        return _record(
            mailbox=mailbox,
            raw=raw,
            source=source,
            mail=mail,
            dedupe_key=dedupe_key,
            content_sha256=content_sha256,
            skip=skip,
        )
    except Refused as refusal:
        return _quarantine(mailbox, raw, source, content_sha256, refusal.reason, refusal.detail)
    except IntegrityError:
        # Another worker recorded the same message first: theirs is the one.
        existing = _existing(mailbox.organisation_id, dedupe_key)
        if existing is not None:
            return existing
        log.exception("Receiving a message failed on a constraint")
        return _quarantine(
            mailbox, raw, source, content_sha256, QuarantineReason.ERROR, "IntegrityError"
        )
    except TRANSIENT_ERRORS:
        raise
    except Exception as error:  # kept with the reason for an administrator
        log.exception("Receiving a message failed")
        message = error.message if isinstance(error, DomainError) else error
        return _quarantine(
            mailbox,
            raw,
            source,
            content_sha256,
            QuarantineReason.ERROR,
            f"{type(error).__name__}: {message}"[:2000],
        )


def _text(value: str, limit: int | None = None) -> str:
    """Text as PostgreSQL stores it: no NUL characters (the message's bytes keep them)."""
    value = (value or "").replace("\x00", "\ufffd")
    return value[:limit] if limit else value


def _scrub(mail: ParsedMail) -> None:
    """What is read from the message goes into text columns (the case's too): NUL-free."""
    for name in ("from_address", "from_name", "subject", "body_text", "body_html"):
        setattr(mail, name, _text(getattr(mail, name)))
    mail.automatic_reason = _text(mail.automatic_reason)
    mail.to = [_text(address) for address in mail.to]
    mail.cc = [_text(address) for address in mail.cc]
    for item in mail.attachments:
        item.filename = _text(item.filename)


def _existing(organisation_id: int, dedupe_key: str) -> InboundMessage | None:
    rows = InboundMessage.objects.filter(organisation_id=organisation_id, dedupe_key=dedupe_key)
    # A new message is the common case: one look at the unique index, no row read.
    if not rows.exists():
        return None
    found = rows.defer("raw", "body_text", "body_html").select_related("case").first()
    if found is not None:
        found.duplicate = True
    return found


def _channel_account(mailbox: Mailbox) -> User:
    """The e-mail channel's account, read once per mailbox object."""
    cached = getattr(mailbox, "_channel_account", None)
    if cached is None:
        cached = mailbox._channel_account = channel_service_user(mailbox.organisation, "email")
    return cached


def own_addresses(mailbox: Mailbox) -> frozenset[str]:
    """The addresses civicdesk sends from for the organisation: mail from them is a loop.
    Read once per mailbox object (a poller reuses its mailbox for a whole batch)."""
    cached = getattr(mailbox, "_own_addresses", None)
    if cached is not None:
        return cached
    addresses = set(
        Mailbox.objects.filter(organisation_id=mailbox.organisation_id).values_list(
            "address", flat=True
        )
    )
    addresses |= set(
        AnswerGroup.objects.filter(organisation_id=mailbox.organisation_id)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    addresses.add(mailbox.address)
    default_from = settings.DEFAULT_FROM_EMAIL.rpartition("<")[2].strip("> ")
    addresses.add(default_from)
    mailbox._own_addresses = frozenset(a.lower() for a in addresses if a)
    return mailbox._own_addresses


def _check_attachments(mail: ParsedMail, *, leave_out: bool) -> None:
    """Refuses the message for a file over the limits, or (released by an administrator)
    leaves such files out: they stay in the kept original, and the contact names them."""
    accepted = []
    for item in mail.attachments:
        try:
            case_services.check_attachment(
                filename=item.filename, content_type=item.content_type, size=len(item.content)
            )
        except DomainError as refusal:
            if not leave_out:
                raise Refused(QuarantineReason.ATTACHMENT_REFUSED, str(refusal.message)) from None
            mail.left_out.append(str(refusal.message))
        else:
            accepted.append(item)
    mail.attachments = accepted


# --- threading ----------------------------------------------------------------------------------


def reference_pattern(prefix: str) -> re.Pattern:
    return re.compile(rf"(?<![A-Za-z0-9]){re.escape(prefix)}-(\d{{4}})-(\d{{6}})(?!\d)", re.I)


def _reference_in(text: str, prefix: str) -> str:
    match = reference_pattern(prefix).search(text or "")
    return f"{prefix}-{match.group(1)}-{match.group(2)}" if match else ""


def find_thread(mailbox: Mailbox, mail: ParsedMail) -> tuple[Case | None, str]:
    """The case the message continues and how it was found: the case reference in the subject,
    else a reply to one of our messages (`<REFERENCE.anything@domain>`, the form agents'
    replies carry) or to a message received before."""
    organisation = mailbox.organisation
    prefix = organisation.reference_prefix
    cases = Case.objects.filter(organisation_id=organisation.pk)
    reference = _reference_in(mail.subject, prefix)
    if reference:
        case = cases.filter(reference=reference).first()
        if case is not None:
            return case, ThreadedBy.SUBJECT
    ids = mail.thread_ids
    if not ids:
        return None, ThreadedBy.NEW
    own = [_reference_in(ident.split("@", 1)[0], prefix) for ident in ids]
    own = [reference for reference in own if reference]
    if own:
        case = cases.filter(reference__in=own).first()
        if case is not None:
            return case, ThreadedBy.HEADERS
    earlier = (
        InboundMessage.objects.filter(
            organisation_id=organisation.pk, message_id__in=ids, case__isnull=False
        )
        .select_related("case")
        .only("pk", "case")
        .order_by("-received_at")
        .first()
    )
    if earlier is not None:
        return earlier.case, ThreadedBy.HEADERS
    return None, ThreadedBy.NEW


# --- recording ----------------------------------------------------------------------------------


def _trim(text: str, limit: int) -> str:
    text = (text or "").strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _sender(mail: ParsedMail) -> str:
    return f"{mail.from_name} <{mail.from_address}>" if mail.from_name else mail.from_address


def _summary(mail: ParsedMail) -> str:
    lines = []
    if mail.automatic_reason:
        lines.append(
            _("Automatic message (%(reason)s), not answered automatically.")
            % {"reason": mail.automatic_reason}
        )
    lines.append(
        _("E-mail from %(sender)s: %(subject)s")
        % {
            "sender": _sender(mail),
            "subject": mail.subject or _("(no subject)"),
        }
    )
    lines += _left_out(mail)
    if mail.body_text:
        lines.append(mail.body_text)
    return _trim("\n\n".join(lines), SUMMARY_CHARS)


def _left_out(mail: ParsedMail) -> list[str]:
    if not mail.left_out:
        return []
    return [
        _("Files left out (they stay in the original message): %(files)s")
        % {"files": " ".join(mail.left_out)}
    ]


def _record(
    *,
    mailbox: Mailbox,
    raw: bytes,
    source: str,
    mail: ParsedMail,
    dedupe_key: str,
    content_sha256: str,
    skip: frozenset[str],
) -> InboundMessage:
    organisation = mailbox.organisation
    with transaction.atomic():
        # No second look for the same message here: a worker that raced another past the
        # check in _receive fails on the unique constraint at the end, and its case with it.
        account = _channel_account(mailbox)
        case, threaded_by = find_thread(mailbox, mail)
        if case is not None and case.status not in OPEN_STATUSES:
            # A closed or resolved case stays as it was decided; the message opens a new one
            # that names it (docs/email.md: why not reopen).
            previous, case, threaded_by = case, None, ThreadedBy.FOLLOW_UP
        else:
            previous = None
        if case is None and mail.automatic_reason and QuarantineReason.AUTOMATIC not in skip:
            # An auto-reply or bounce that belongs to no case would open one nobody asked for.
            raise Refused(
                QuarantineReason.AUTOMATIC,
                _("An automatic message (%(reason)s) that continues no open case.")
                % {"reason": mail.automatic_reason},
            )
        if case is None:
            case, event = _new_case(mailbox, account, mail, previous)
        else:
            contact = case_services.append_contact(
                actor=account, case=case, channel=Channel.EMAIL, summary=_summary(mail)
            )
            event = CaseEvent.objects.get(contact=contact)
        content_ids = {}
        for item in mail.attachments:
            stored = case_services.attach_file(
                actor=account,
                case=case,
                filename=item.filename,
                content_type=item.content_type,
                content=item.content,
                event=event,
            )
            if item.content_id:
                content_ids[item.content_id] = stored.pk
        return InboundMessage.objects.create(
            organisation=organisation,
            mailbox=mailbox,
            source=source[:10],
            dedupe_key=dedupe_key,
            message_id=mail.message_id,
            content_sha256=content_sha256,
            raw=raw,
            from_address=_text(mail.from_address, 320),
            from_name=_text(mail.from_name, 200),
            to=[_text(address) for address in mail.to[:100]],
            cc=[_text(address) for address in mail.cc[:100]],
            subject=_text(mail.subject, 300),
            sent_at=mail.sent_at,
            body_text=_text(mail.body_text),
            body_html=_text(mail.body_html),
            has_remote_images=mail.has_remote_images,
            is_automatic=bool(mail.automatic_reason),
            automatic_reason=_text(mail.automatic_reason, 200),
            case=case,
            event=event,
            threaded_by=threaded_by,
            defects=mail.defects,
            content_ids=content_ids,
        )


def _new_case(
    mailbox: Mailbox, account: User, mail: ParsedMail, previous: Case | None
) -> tuple[Case, CaseEvent]:
    organisation = mailbox.organisation
    customer = sole_customer_reachable_at(organisation.pk, email=mail.from_address)
    description = mail.body_text
    if previous is not None:
        description = (
            _("Follow-up to %(reference)s, which was %(status)s when this message came.")
            % {"reference": previous.reference, "status": previous.get_status_display()}
            + "\n\n"
            + description
        )
        if customer is None and previous.customer_id is not None:
            customer = previous.customer
    case = case_services.register_contact(
        actor=account,
        organisation=organisation,
        channel=Channel.EMAIL,
        case_type=mailbox.default_case_type,
        subject=_trim(mail.subject, case_services.MAX_SUBJECT),
        description=_trim(description, case_services.MAX_TEXT),
        customer=customer,
        summary=_trim(
            "\n\n".join(
                [
                    _("E-mail from %(sender)s") % {"sender": _sender(mail)},
                    *([mail.automatic_reason] if mail.automatic_reason else []),
                    *_left_out(mail),
                ]
            ),
            case_services.MAX_TEXT,
        ),
        answer_group=mailbox.answer_group,
        assign_to_actor=False,
    )
    event = CaseEvent.objects.get(case=case, kind=EventKind.CONTACT)
    return case, event


# --- quarantine ---------------------------------------------------------------------------------


def _quarantine(
    mailbox: Mailbox, raw: bytes, source: str, content_sha256: str, reason: str, detail: str
) -> QuarantinedMessage:
    defaults = {
        "mailbox": mailbox,
        "source": source[:10],
        "reason": reason,
        "detail": _text(str(detail), 4000),
        "raw": raw,
        "size": len(raw),
    }
    try:
        with transaction.atomic():
            row, created = QuarantinedMessage.objects.get_or_create(
                organisation_id=mailbox.organisation_id,
                content_sha256=content_sha256,
                defaults=defaults,
            )
    except IntegrityError:
        row, created = (
            QuarantinedMessage.objects.get(
                organisation_id=mailbox.organisation_id, content_sha256=content_sha256
            ),
            False,
        )
    row.duplicate = not created
    if created:
        log.warning(
            "Mail quarantined: %s (%s), mailbox %s, %s bytes", reason, detail, mailbox.pk, len(raw)
        )
    return row


def _require_quarantine_access(actor: User, item: QuarantinedMessage) -> None:
    authz.require_same_organisation(actor, item)
    authz.require(actor, "intake.manage_quarantine", item)
    if item.resolved_at is not None:
        raise DomainError(
            _("This message was handled already (%(resolution)s).")
            % {"resolution": item.resolution},
            code="already_handled",
        )


def release_quarantined(*, actor: User, item: QuarantinedMessage) -> InboundMessage:
    """An administrator lets a quarantined message through: it is received again with the limit
    that stopped it set aside (a refused attachment stays in the kept original only)."""
    _require_quarantine_access(actor, item)
    if item.mailbox is None:
        raise DomainError(_("The message belongs to no mailbox."), field="mailbox")
    skip = frozenset({item.reason})
    if item.reason in {QuarantineReason.HEADER_TOO_LARGE, QuarantineReason.TOO_MANY_ADDRESSES}:
        skip |= {QuarantineReason.HEADER_TOO_LARGE, QuarantineReason.TOO_MANY_ADDRESSES}
    raw = bytes(item.raw)
    with transaction.atomic():
        QuarantinedMessage.objects.select_for_update().filter(pk=item.pk).first()
        item.refresh_from_db()
        if item.resolved_at is not None:
            raise DomainError(_("This message was handled already."), code="already_handled")
        result = _receive(mailbox=item.mailbox, raw=raw, source=item.source, skip=skip)
        if isinstance(result, QuarantinedMessage):
            detail = result.detail if result.pk != item.pk else item.detail
            raise DomainError(
                _("The message still cannot be received: %(detail)s") % {"detail": detail},
                code="still_refused",
            )
        item.resolved_at = timezone.now()
        item.resolved_by = actor
        item.resolution = "released"
        item.released_as = result
        item.save(update_fields=["resolved_at", "resolved_by", "resolution", "released_as"])
    return result


def discard_quarantined(*, actor: User, item: QuarantinedMessage) -> QuarantinedMessage:
    """Marks the message handled without a case. The row and the original stay."""
    _require_quarantine_access(actor, item)
    updated = QuarantinedMessage.objects.filter(pk=item.pk, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=actor, resolution="discarded"
    )
    if not updated:
        raise DomainError(_("This message was handled already."), code="already_handled")
    item.refresh_from_db()
    return item

"""Reading one raw e-mail message: limits checked before parsing, then what intake needs from it.

No database here. `check_limits` looks at the bytes only (the standard parser is quadratic on
huge headers: a 525 KiB `To:` takes seconds), `parse` reads the message with the standard
library's modern policy and never trusts a header to be well-formed: whatever cannot be decoded
is read as far as it goes, and the parser's defects are kept.
"""

from __future__ import annotations

import datetime
import email
import email.policy
import email.utils
import hashlib
import mimetypes
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import nh3
from django.conf import settings
from django.utils.translation import gettext as _

from civicdesk.intake.models import QuarantineReason

# The header fields that carry addresses: counted before parsing.
ADDRESS_FIELDS = frozenset(
    {
        b"from",
        b"to",
        b"cc",
        b"bcc",
        b"reply-to",
        b"sender",
        b"resent-from",
        b"resent-to",
        b"resent-cc",
        b"resent-bcc",
        b"resent-sender",
    }
)
# X-Loop carries this word on mail that civicdesk sends; seeing it come back is a loop.
LOOP_MARKER = "civicdesk"
MAX_MESSAGE_ID = 900  # characters; a longer one is not an identifier anybody threads by
MAX_REFERENCES = 50
MAX_BODY_CHARS = 1_000_000  # text kept from one message (the raw message keeps everything)

_MSG_ID = re.compile(r"<([^<>\s]{1,900})>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_header_bytes: int
    max_header_field: int
    max_addresses: int
    max_parts: int

    @classmethod
    def from_settings(cls) -> Limits:
        return cls(
            max_bytes=settings.CIVICDESK_MAIL_MAX_BYTES,
            max_header_bytes=settings.CIVICDESK_MAIL_MAX_HEADER_BYTES,
            max_header_field=settings.CIVICDESK_MAIL_MAX_HEADER_FIELD,
            max_addresses=settings.CIVICDESK_MAIL_MAX_ADDRESSES,
            max_parts=settings.CIVICDESK_MAIL_MAX_PARTS,
        )


class Refused(Exception):
    """The message goes to quarantine: `reason` is a QuarantineReason, `detail` says why."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


# --- before parsing -----------------------------------------------------------------------------


def header_block(raw: bytes) -> bytes:
    """The bytes before the first empty line (all of them when there is none)."""
    ends = [i for i in (raw.find(b"\r\n\r\n"), raw.find(b"\n\n")) if i >= 0]
    return raw[: min(ends)] if ends else raw


def check_limits(raw: bytes, limits: Limits, *, skip: frozenset[str] = frozenset()) -> None:
    """Raises Refused when the message is larger than the limits allow. `skip` names reasons an
    administrator chose to ignore when releasing a message from quarantine."""
    if len(raw) > limits.max_bytes and QuarantineReason.TOO_LARGE not in skip:
        raise Refused(
            QuarantineReason.TOO_LARGE,
            _("The message is %(size)s bytes; at most %(limit)s are accepted.")
            % {"size": len(raw), "limit": limits.max_bytes},
        )
    if QuarantineReason.HEADER_TOO_LARGE in skip and QuarantineReason.TOO_MANY_ADDRESSES in skip:
        return
    head = header_block(raw)
    if len(head) > limits.max_header_bytes and QuarantineReason.HEADER_TOO_LARGE not in skip:
        raise Refused(
            QuarantineReason.HEADER_TOO_LARGE,
            _("The header is %(size)s bytes; at most %(limit)s are accepted.")
            % {"size": len(head), "limit": limits.max_header_bytes},
        )
    addresses = 0
    name, length, count_at = b"", 0, False
    for line in head.splitlines():
        if line[:1] in (b" ", b"\t") and name:
            length += len(line)
        else:
            name, _sep, _rest = line.partition(b":")
            name = name.strip().lower()
            length = len(line)
            count_at = name in ADDRESS_FIELDS
        if length > limits.max_header_field and QuarantineReason.HEADER_TOO_LARGE not in skip:
            raise Refused(
                QuarantineReason.HEADER_TOO_LARGE,
                _("The header field “%(name)s” is longer than %(limit)s bytes.")
                % {"name": name[:60].decode("ascii", "replace"), "limit": limits.max_header_field},
            )
        if count_at:
            addresses += line.count(b"@")
    if addresses > limits.max_addresses and QuarantineReason.TOO_MANY_ADDRESSES not in skip:
        raise Refused(
            QuarantineReason.TOO_MANY_ADDRESSES,
            _("The message names %(count)s addresses; at most %(limit)s are accepted.")
            % {"count": addresses, "limit": limits.max_addresses},
        )


# --- what is read from a message ----------------------------------------------------------------


@dataclass
class Attachment:
    filename: str
    content_type: str
    content: bytes
    content_id: str = ""  # without angle brackets; an inline image the HTML refers to as cid:


@dataclass
class ParsedMail:
    message_id: str = ""
    from_address: str = ""
    from_name: str = ""
    to: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    subject: str = ""
    sent_at: datetime.datetime | None = None
    in_reply_to: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    body_text: str = ""
    body_html: str = ""
    has_remote_images: bool = False
    attachments: list[Attachment] = field(default_factory=list)
    automatic_reason: str = ""
    defects: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # refused files, when released so

    @property
    def thread_ids(self) -> list[str]:
        """The Message-IDs this message answers, the direct parent first."""
        return list(dict.fromkeys([*self.in_reply_to, *reversed(self.references)]))

    def dedupe_key(self, content_sha256: str) -> str:
        if self.message_id:
            return hashlib.sha256(self.message_id.encode("utf-8", "surrogatepass")).hexdigest()
        return content_sha256


def normalise_message_id(value: str) -> str:
    """`<left@right>` with the domain in lower case; '' when there is no usable identifier."""
    value = (value or "").strip()
    match = _MSG_ID.search(value)
    ident = match.group(1) if match else value
    ident = ident.strip("<> \t\r\n")
    if (
        not ident
        or len(ident) > MAX_MESSAGE_ID
        or not ident.isascii()
        or not ident.isprintable()
        or any(ch.isspace() for ch in ident)
    ):
        return ""
    left, at, right = ident.rpartition("@")
    return f"<{left}@{right.lower()}>" if at else f"<{ident}>"


def message_ids(value: str) -> list[str]:
    return [normalise_message_id(m) for m in _MSG_ID.findall(value or "")][-MAX_REFERENCES:]


def _header(message, name: str) -> str:
    """A header's decoded text, or its raw text when decoding fails; '' when missing."""
    try:
        value = message.get(name)
    except Exception:  # a header the parser chokes on is read raw below
        value = None
        for key, raw in message.raw_items():
            if key.lower() == name.lower():
                value = raw
                break
    if value is None:
        return ""
    try:
        return str(value)
    except Exception:
        return repr(value)


def _raw(message, name: str) -> str:
    """A header's first value as it came, unfolded, for fields of plain ASCII tokens (ids,
    flags): reading them raw spares the structured parser, which is most of the parse time."""
    wanted = name.lower()
    for key, value in message.raw_items():
        if key.lower() == wanted:
            return str(value).replace("\r", "").replace("\n", "")
    return ""


def _one_line(text: str, limit: int) -> str:
    text = _SPACE.sub(" ", "".join(ch if ch.isprintable() else " " for ch in text)).strip()
    return text[:limit]


def _addresses(message, name: str) -> list[tuple[str, str]]:
    """(display name, address) pairs, lower-case addresses containing an @."""
    pairs: list[tuple[str, str]] = []
    try:
        header = message.get(name)
        if header is not None and hasattr(header, "addresses"):
            pairs = [(a.display_name or "", a.addr_spec or "") for a in header.addresses]
    except Exception:
        pairs = []
    if not pairs:
        raw = _header(message, name)
        if raw:
            pairs = email.utils.getaddresses([raw])
    found = []
    for display, address in pairs:
        address = (address or "").strip().strip("<>").lower()
        if "@" in address and len(address) <= 320 and address.isprintable() and " " not in address:
            found.append((_one_line(display or "", 200), address))
    return found


def _date(message) -> datetime.datetime | None:
    try:
        header = message.get("Date")
        moment = getattr(header, "datetime", None) if header is not None else None
    except Exception:
        moment = None
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    if not 1970 <= moment.year <= 9000:
        return None
    return moment


# Declared Latin-1 or ASCII is in practice often Windows-1252 (curly quotes, the euro sign):
# read as browsers do.
_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "windows-1252": "cp1252",
    "unknown-8bit": "utf-8",
    "x-unknown": "utf-8",
}


def decode_text(payload: bytes, charset: str | None) -> str:
    charset = (charset or "utf-8").strip().strip('"').lower()
    charset = _CHARSET_ALIASES.get(charset, charset)
    try:
        return payload.decode(charset)
    except LookupError:
        pass
    except UnicodeDecodeError:
        if charset != "utf-8":
            return payload.decode(charset, errors="replace")
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError:
        return payload.decode("cp1252", errors="replace")


def _payload(part) -> bytes:
    payload = part.get_payload(decode=True)
    if isinstance(payload, bytes):
        return payload
    if isinstance(payload, str):
        return payload.encode("utf-8", "surrogateescape")
    return b""


@dataclass(frozen=True)
class _PartInfo:
    content_type: str
    charset: str | None
    disposition: str
    filename: str


def _info(part) -> _PartInfo:
    """What intake reads from a part's Content-Type and Content-Disposition, parsed once: the
    message API parses a header again on every question asked of it."""
    cached = getattr(part, "_intake_info", None)
    if cached is not None:
        return cached
    content_type, params = part.get_default_type(), {}
    try:
        header = part.get("Content-Type")
        if (
            header is not None
            and getattr(header, "content_type", "")
            and "/" in str(header.content_type)
        ):
            content_type, params = header.content_type, dict(header.params)
    except Exception:
        params = {}
    disposition, filename = "", ""
    try:
        header = part.get("Content-Disposition")
        if header is not None:
            disposition = (getattr(header, "content_disposition", "") or "").lower()
            filename = dict(header.params).get("filename") or ""
    except Exception:
        disposition = ""
    filename = filename or params.get("name") or ""
    cached = _PartInfo(
        content_type=str(content_type).lower(),
        charset=params.get("charset"),
        disposition=disposition,
        filename=_one_line(str(filename), 255),
    )
    part._intake_info = cached
    return cached


def _text(part) -> str:
    return decode_text(_payload(part), _info(part).charset)


def _content_type(part) -> str:
    return _info(part).content_type


_TYPE_ALIASES = {
    "image/jpg": "image/jpeg",
    "image/pjpeg": "image/jpeg",
    "application/ics": "text/calendar",  # Outlook's invitations
    "text/x-vcalendar": "text/calendar",
    "application/x-pdf": "application/pdf",
}


def _attachment_type(content_type: str, filename: str) -> str:
    content_type = _TYPE_ALIASES.get(content_type, content_type)
    if content_type in ("", "application/octet-stream", "application/x-download") and filename:
        guessed, _encoding = mimetypes.guess_type(filename)
        return guessed or "application/octet-stream"
    return content_type


def _leaves(message, limit: int):
    """Every non-multipart part, depth first; an attached message is one part (not entered)."""
    stack, seen = [message], 0
    while stack:
        part = stack.pop()
        seen += 1
        if seen > limit:
            raise Refused(
                QuarantineReason.TOO_LARGE,
                _("The message has more than %(limit)s parts.") % {"limit": limit},
            )
        if part.is_multipart() and _content_type(part).startswith("multipart/"):
            children = part.get_payload()
            if isinstance(children, list):
                stack.extend(reversed(children))
            continue
        yield part


# --- HTML ---------------------------------------------------------------------------------------

MAIL_TAGS = frozenset(
    {
        "a",
        "abbr",
        "address",
        "b",
        "blockquote",
        "br",
        "caption",
        "center",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "div",
        "dl",
        "dt",
        "em",
        "font",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "tt",
        "u",
        "ul",
    }
)
# No style, background, srcset or anything else that could load from elsewhere.
MAIL_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan", "align", "valign"},
    "th": {"colspan", "rowspan", "align", "valign", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "table": {"summary"},
    "ol": {"start", "type"},
    "abbr": {"title"},
    "font": {"color"},
    "p": {"align"},
    "div": {"align"},
}
MAIL_URL_SCHEMES = frozenset({"http", "https", "mailto", "cid"})


def is_remote(src: str) -> bool:
    return src.strip().lower().startswith(("http:", "https:", "//"))


def sanitise_html(html: str) -> tuple[str, bool]:
    """The HTML without scripts, styles, event handlers or forms; remote image sources are kept
    (the view blocks them until asked). Returns the HTML and whether it has remote images."""
    remote = False

    def keep(tag: str, attribute: str, value: str) -> str | None:
        nonlocal remote
        if tag == "img" and attribute == "src":
            if is_remote(value):
                remote = True
            elif not value.lower().startswith("cid:"):
                return None
        return value

    clean = nh3.clean(
        html,
        tags=set(MAIL_TAGS),
        clean_content_tags={"script", "style", "title", "head"},
        attributes={tag: set(names) for tag, names in MAIL_ATTRIBUTES.items()},
        url_schemes=set(MAIL_URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
        attribute_filter=keep,
    ).strip()
    return clean, remote


_BLOCKS = frozenset(
    {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "hr"}
)


class _TextOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCKS:
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("• ")

    def handle_endtag(self, tag):
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(_SPACE.sub(" ", data))


def html_to_text(sanitised_html: str) -> str:
    reader = _TextOfHtml()
    reader.feed(sanitised_html)
    reader.close()
    lines = (line.strip() for line in "".join(reader.parts).splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# --- automatic messages -------------------------------------------------------------------------


def automatic_reason(
    message, from_address: str, own_addresses: frozenset[str] = frozenset()
) -> str:
    """Why the message was written by a machine (auto-reply, bounce, loop), or ''."""
    submitted = _raw(message, "Auto-Submitted").strip().lower()
    if submitted and not submitted.startswith("no"):
        return f"Auto-Submitted: {submitted[:60]}"
    precedence = _raw(message, "Precedence").strip().lower()
    if precedence in {"bulk", "junk", "list", "auto_reply", "auto-reply"}:
        return f"Precedence: {precedence}"
    for name in ("X-Autoreply", "X-Autorespond"):
        value = _raw(message, name).strip()
        if value:
            return f"{name}: {value[:60]}"
    loop = _raw(message, "X-Loop").lower()
    if loop and (LOOP_MARKER in loop or any(address in loop for address in own_addresses)):
        return f"X-Loop: {loop.strip()[:60]}"
    return_path = _raw(message, "Return-Path").strip()
    if return_path.replace(" ", "") == "<>":
        return "Return-Path: <>"
    content_type = _content_type(message)
    if content_type == "multipart/report":
        try:
            report = (message.get_param("report-type") or "").lower()
        except Exception:
            report = ""
        return f"multipart/report; report-type={report[:40]}"
    local = from_address.partition("@")[0]
    if local in {"mailer-daemon", "postmaster"}:
        return f"From: {from_address}"
    if from_address and from_address in own_addresses:
        return f"From our own address {from_address}"
    return ""


# --- parsing ------------------------------------------------------------------------------------


def parse_bytes(raw: bytes):
    return email.message_from_bytes(raw, policy=email.policy.default)


def _check_part_headers(part, limits: Limits) -> None:
    for name, value in part.raw_items():
        if len(name) + len(str(value)) > limits.max_header_field:
            raise Refused(
                QuarantineReason.HEADER_TOO_LARGE,
                _("A header field of a part is longer than %(limit)s bytes.")
                % {"limit": limits.max_header_field},
            )


def parse(
    raw: bytes,
    *,
    limits: Limits,
    own_addresses: frozenset[str] = frozenset(),
    skip: frozenset[str] = frozenset(),
) -> ParsedMail:
    """Reads the message. Raises Refused for what belongs in quarantine; anything else the
    parser raises is the caller's to quarantine as unparseable."""
    message = parse_bytes(raw)
    mail = ParsedMail()
    mail.message_id = normalise_message_id(_raw(message, "Message-ID"))
    senders = _addresses(message, "From") or _addresses(message, "Sender")
    if senders:
        mail.from_name, mail.from_address = senders[0]
    mail.to = [address for _name, address in _addresses(message, "To")]
    mail.cc = [address for _name, address in _addresses(message, "Cc")]
    mail.subject = _one_line(_header(message, "Subject"), 300)
    mail.sent_at = _date(message)
    mail.in_reply_to = message_ids(_raw(message, "In-Reply-To"))
    mail.references = message_ids(_raw(message, "References"))
    mail.automatic_reason = automatic_reason(message, mail.from_address, own_addresses)

    plain = html = None
    texts: list[str] = []
    is_report = _content_type(message) == "multipart/report"
    for part in _leaves(message, limits.max_parts):
        if QuarantineReason.HEADER_TOO_LARGE not in skip and part is not message:
            _check_part_headers(part, limits)
        info = _info(part)
        content_type, disposition, filename = info.content_type, info.disposition, info.filename
        if disposition != "attachment":
            # The first plain and the first HTML text that are not attachments are the body.
            if content_type == "text/plain" and plain is None:
                plain = part
                continue
            if content_type == "text/html" and html is None:
                html = part
                continue
        if content_type == "text/rfc822-headers" or (
            content_type == "message/rfc822" and is_report
        ):
            # A bounce names the message that bounced: it threads like a reply to it.
            mail.references += _bounced_ids(part)
        if content_type == "message/delivery-status":
            texts.append(_delivery_status(part))
            continue
        if content_type.startswith("multipart/"):
            # A multipart whose boundary never comes: its text is all there is to read.
            texts.append(_text(part))
            continue
        if content_type == "text/rfc822-headers" or (
            content_type == "text/plain" and not filename and disposition != "attachment"
        ):
            # A bounce's report, or text beside the body (Apple Mail splits around an image).
            texts.append(_text(part))
            continue
        if content_type == "text/html" and not filename and disposition != "attachment":
            continue  # another rendering of a body already read
        if content_type == "message/rfc822":
            content = _attached_message(part)
            filename = filename or "forwarded.eml"
        else:
            content = _payload(part)
        if not content and not filename:
            continue
        content_type = _attachment_type(content_type, filename)
        if not filename:
            extension = mimetypes.guess_extension(content_type) or ""
            filename = f"attachment{extension}"
        content_id = ""
        if "content-id" in {key.lower() for key in part}:
            content_id = _raw(part, "Content-ID").strip().strip("<>")[:200]
        mail.attachments.append(Attachment(filename, content_type, content, content_id))

    body_text = _text(plain) if plain is not None else ""
    if html is not None:
        mail.body_html, mail.has_remote_images = sanitise_html(_text(html))
        if not body_text.strip():
            body_text = html_to_text(mail.body_html)
    if texts:
        body_text = "\n\n".join(text.strip() for text in [body_text, *texts] if text.strip())
    mail.body_text = body_text.replace("\r\n", "\n").replace("\x00", "")[:MAX_BODY_CHARS]
    mail.defects = _defects(message)
    return mail


def _delivery_status(part) -> str:
    """The per-recipient fields of a bounce (the parser reads them as header blocks)."""
    payload = part.get_payload()
    if isinstance(payload, list):
        return "\n\n".join(
            "\n".join(f"{name}: {value}" for name, value in block.raw_items())
            for block in payload
            if hasattr(block, "raw_items")
        )
    return _text(part)


def _bounced_ids(part) -> list[str]:
    if _content_type(part) == "message/rfc822":
        payload = part.get_payload()
        inner = payload[0] if isinstance(payload, list) and payload else None
    else:
        inner = email.message_from_bytes(_payload(part), policy=email.policy.default)
    if inner is None:
        return []
    return message_ids(_raw(inner, "Message-ID"))


def _attached_message(part) -> bytes:
    payload = part.get_payload()
    inner = payload[0] if isinstance(payload, list) and payload else payload
    try:
        return inner.as_bytes(policy=email.policy.SMTP)
    except Exception:
        return _payload(part)


def _defects(message) -> list[str]:
    found = []
    for part in message.walk():
        found += [type(defect).__name__ for defect in getattr(part, "defects", [])]
        if len(found) >= 20:
            break
    return list(dict.fromkeys(found))

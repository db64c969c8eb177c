"""Reading a mailbox over IMAP: every new message by UID, stored before the mailbox moves on.

A mailbox remembers the folder's UIDVALIDITY and the highest UID it has stored. A poll asks
the server for the UIDs above it, fetches the messages in batches and hands each one, as the
bytes it came in, to `receive_message`. Storing a message and advancing `imap_last_uid` to
its UID are one transaction, so:

- a worker killed between fetching and committing leaves the UID where it was: the next poll
  fetches the message again, and nothing was stored the first time;
- two polls of one mailbox racing (a slow poll and the next minute's) store each message once
  (`receive_message` deduplicates by Message-ID and content hash) and the UID only grows;
- a server that is down, refuses the login or drops the connection leaves the message on the
  server and the UID unchanged: the error goes to `last_error` and the next poll tries again.

When the server renumbers the folder (a new UIDVALIDITY: the folder was recreated or restored)
every message in it is fetched again from UID 1; those already received are deduplicated.
After a batch is stored its messages are flagged \\Seen, so people reading the same mailbox in
a mail client see what civicdesk has taken; nothing is deleted or moved on the server. The flag
is a courtesy, not the record: a worker killed between storing and flagging leaves those
messages unflagged, and they are not fetched again (the UID is what counts).
"""

from __future__ import annotations

import contextlib
import imaplib
import logging
import re
import ssl
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from imap_tools import BaseMailBox, MailBox, MailBoxUnencrypted, MailMessage, MailMessageFlags
from imap_tools.errors import ImapToolsError, MailboxFetchError
from imap_tools.utils import check_command_status

from civicdesk.intake.models import Mailbox, MessageSource, QuarantinedMessage
from civicdesk.intake.services import receive_message

log = logging.getLogger(__name__)

# What a mail server or the network can do to a poll; anything else is a bug and is raised.
CONNECTION_ERRORS = (OSError, imaplib.IMAP4.error, ImapToolsError, EOFError)

# A batch is fetched with one command: at most this many messages, and at most this many bytes
# by their RFC822.SIZE (a single larger message is fetched alone).
BATCH_MESSAGES = 50
BATCH_BYTES = 20 * 1024 * 1024

_FETCH_ITEM = re.compile(rb"UID (\d+)|RFC822\.SIZE (\d+)")


class RawMessage(MailMessage):
    """imap-tools' message without the parsing: intake parses (with its caps on huge headers
    before the standard parser sees them), so here a message is its UID and its bytes."""

    def __init__(self, fetch_data: list) -> None:
        self.raw, self._raw_uid_data, self._raw_flag_data = self._get_message_data_parts(fetch_data)


@dataclass
class PollResult:
    mailbox_id: int
    fetched: int = 0
    quarantined: int = 0
    last_uid: int = 0
    uidvalidity_changed: bool = False
    error: str = ""

    def as_dict(self) -> dict:
        return {
            "mailbox_id": self.mailbox_id,
            "fetched": self.fetched,
            "quarantined": self.quarantined,
            "last_uid": self.last_uid,
            "uidvalidity_changed": self.uidvalidity_changed,
            "error": self.error,
        }


def connect(mailbox: Mailbox) -> BaseMailBox:
    """A logged-in connection with no folder selected. TLS (port 993) verifies the server's
    certificate; `imap_ssl` off is plain IMAP, for a server on the same host or in tests."""
    timeout = settings.CIVICDESK_IMAP_TIMEOUT_SECONDS
    if mailbox.imap_ssl:
        client: BaseMailBox = MailBox(
            mailbox.imap_host,
            mailbox.imap_port,
            timeout=timeout,
            ssl_context=ssl.create_default_context(),
        )
    else:
        client = MailBoxUnencrypted(mailbox.imap_host, mailbox.imap_port, timeout=timeout)
    client.email_message_class = RawMessage
    try:
        client.login(mailbox.imap_username, mailbox.imap_password, initial_folder=None)
    except BaseException:
        _close(client)
        raise
    return client


def _close(client: BaseMailBox) -> None:
    with contextlib.suppress(CONNECTION_ERRORS):
        client.logout()


def _select(client: BaseMailBox, folder: str) -> int:
    """Selects the folder (read-write, to flag \\Seen) and returns its UIDVALIDITY."""
    client.folder.set(folder)
    _status, data = client.client.response("UIDVALIDITY")
    if data and data[0]:
        return int(data[0])
    return int(client.folder.status(folder, ["UIDVALIDITY"])["UIDVALIDITY"])


def _new_uids(client: BaseMailBox, after: int) -> list[int]:
    # "UID n:*" always includes the highest UID even when it is below n: filter here.
    return sorted(uid for uid in map(int, client.uids(f"UID {after + 1}:*")) if uid > after)


def _sizes(client: BaseMailBox, uids: list[int]) -> dict[int, int]:
    response = client.client.uid("FETCH", ",".join(map(str, uids)), "(RFC822.SIZE)")
    check_command_status(response, MailboxFetchError)
    data = response[1]
    sizes: dict[int, int] = {}
    for item in data or ():
        line = item[0] if isinstance(item, tuple) else item
        if not isinstance(line, bytes):
            continue
        uid = size = None
        for found_uid, found_size in _FETCH_ITEM.findall(line):
            uid = int(found_uid) if found_uid else uid
            size = int(found_size) if found_size else size
        if uid is not None and size is not None:
            sizes[uid] = size
    return sizes


def batches(uids: list[int], sizes: dict[int, int]) -> Iterator[list[int]]:
    """Consecutive runs of UIDs, each at most BATCH_MESSAGES and BATCH_BYTES."""
    batch: list[int] = []
    total = 0
    for uid in uids:
        size = sizes.get(uid, 0)
        if batch and (len(batch) >= BATCH_MESSAGES or total + size > BATCH_BYTES):
            yield batch
            batch, total = [], 0
        batch.append(uid)
        total += size
    if batch:
        yield batch


def _store(mailbox: Mailbox, *, uidvalidity: int, uid: int, raw: bytes) -> bool:
    """Stores one message and moves the mailbox past its UID, in one transaction. Returns
    whether it went to quarantine."""
    with transaction.atomic():
        stored = receive_message(mailbox=mailbox, raw=raw, source=MessageSource.IMAP)
        # Conditional, so that the UID only grows and a concurrent reset of UIDVALIDITY wins.
        Mailbox.objects.filter(
            pk=mailbox.pk, imap_uidvalidity=uidvalidity, imap_last_uid__lt=uid
        ).update(imap_last_uid=uid)
    mailbox.imap_last_uid = max(mailbox.imap_last_uid, uid)
    return isinstance(stored, QuarantinedMessage)


def poll_mailbox(mailbox: Mailbox, *, limit: int | None = None) -> PollResult:
    """Fetches and stores the messages that arrived since the last poll (at most `limit`).

    Connection and server errors are recorded on the mailbox and returned, never raised: one
    mailbox whose server is down must not hold back the others, and the messages stay on the
    server for the next poll.
    """
    result = PollResult(mailbox_id=mailbox.pk, last_uid=mailbox.imap_last_uid)
    limit = settings.CIVICDESK_IMAP_MESSAGES_PER_POLL if limit is None else limit
    try:
        client = connect(mailbox)
        try:
            _poll(client, mailbox, result, limit)
        finally:
            _close(client)
    except CONNECTION_ERRORS as error:
        result.error = f"{type(error).__name__}: {error}"[:2000]
        log.warning("IMAP poll of mailbox %s failed: %s", mailbox.pk, result.error)
    except Exception as error:
        # The database, or a bug: the message stays on the server, the task fails visibly.
        _record_poll(mailbox, f"{type(error).__name__}: {error}"[:2000])
        raise
    result.last_uid = mailbox.imap_last_uid
    _record_poll(mailbox, result.error)
    return result


def _record_poll(mailbox: Mailbox, error: str) -> None:
    Mailbox.objects.filter(pk=mailbox.pk).update(last_polled_at=timezone.now(), last_error=error)


def _poll(client: BaseMailBox, mailbox: Mailbox, result: PollResult, limit: int) -> None:
    uidvalidity = _select(client, mailbox.imap_folder)
    if mailbox.imap_uidvalidity != uidvalidity:
        if mailbox.imap_uidvalidity is not None:
            log.warning(
                "Mailbox %s: UIDVALIDITY changed from %s to %s; reading the folder again",
                mailbox.pk, mailbox.imap_uidvalidity, uidvalidity,
            )  # fmt: skip
            result.uidvalidity_changed = True
        Mailbox.objects.filter(pk=mailbox.pk).update(imap_uidvalidity=uidvalidity, imap_last_uid=0)
        mailbox.imap_uidvalidity, mailbox.imap_last_uid = uidvalidity, 0
    uids = _new_uids(client, mailbox.imap_last_uid)[:limit]
    if not uids:
        return
    sizes = _sizes(client, uids)
    for batch in batches(uids, sizes):
        fetched = client.fetch(uid_list=[str(uid) for uid in batch], mark_seen=False, bulk=True)
        # In UID order whatever order the server answers in: the mailbox's UID may only pass
        # a message once every message below it is stored.
        messages = sorted((int(message.uid), message.raw) for message in fetched if message.uid)
        stored = []
        for uid, raw in messages:
            if uid <= mailbox.imap_last_uid:
                continue
            result.fetched += 1
            result.quarantined += _store(mailbox, uidvalidity=uidvalidity, uid=uid, raw=raw)
            stored.append(str(uid))
        if stored:
            client.flag(stored, MailMessageFlags.SEEN, True)

"""Receives one RFC 822 message from standard input into a mailbox: the MTA's pipe.

    manage.py receive_email --mailbox kontakt@kommun.example < message.eml

Exit codes follow sysexits.h, which MTAs (Postfix, Exim) understand: 0 the message is on a case
or in quarantine (a duplicate too); 67 (EX_NOUSER) no active mailbox has the address, the MTA
bounces; 75 (EX_TEMPFAIL) the database could not be reached, the MTA keeps the message and
tries again; 64 (EX_USAGE) the command was called wrongly.
"""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError

from civicdesk.intake import selectors
from civicdesk.intake.models import InboundMessage, MessageSource
from civicdesk.intake.services import TRANSIENT_ERRORS, receive_message

EX_OK = 0
EX_USAGE = 64
EX_NOUSER = 67
EX_TEMPFAIL = 75


class Command(BaseCommand):
    help = "Receive one e-mail message from standard input (for an MTA's pipe transport)."
    stealth_options = ("stdin",)  # tests hand in their own standard input

    def add_arguments(self, parser):
        parser.add_argument("--mailbox", required=True, help="the mailbox's address")

    def handle(self, *args, mailbox: str, **options):
        stdin = options.get("stdin") or sys.stdin
        raw = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read()
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        if not raw:
            self.stderr.write("receive_email: standard input is empty")
            raise SystemExit(EX_USAGE)
        try:
            target = selectors.mailbox_by_address(mailbox)
            if target is None:
                self.stderr.write(f"receive_email: no active mailbox has the address {mailbox}")
                raise SystemExit(EX_NOUSER)
            result = receive_message(mailbox=target, raw=raw, source=MessageSource.PIPE)
        except TRANSIENT_ERRORS as error:
            self.stderr.write(f"receive_email: database unavailable, try again later: {error}")
            raise SystemExit(EX_TEMPFAIL) from None
        except CommandError:
            raise
        if isinstance(result, InboundMessage):
            self.stdout.write(
                f"{'duplicate' if getattr(result, 'duplicate', False) else 'received'} "
                f"message {result.pk} on case {result.case_id}"
            )
        else:
            self.stdout.write(f"quarantined {result.pk}: {result.reason}")
        return None

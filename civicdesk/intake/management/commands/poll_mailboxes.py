"""Reads the IMAP mailboxes now, in the foreground, and says what each poll did.

    manage.py poll_mailboxes                                 # every active IMAP mailbox
    manage.py poll_mailboxes --mailbox kontakt@kommun.example

For checking a mailbox's settings after configuring it, and for a set-up without the worker;
normally the periodic job intake.poll_mailboxes does this every minute. Exits 1 when a poll
failed (the error is also the mailbox's `last_error`).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from civicdesk.intake import imap
from civicdesk.intake.tasks import mailboxes_to_poll


class Command(BaseCommand):
    help = "Read the IMAP mailboxes now and report what each poll fetched."

    def add_arguments(self, parser):
        parser.add_argument("--mailbox", help="only the mailbox with this address")

    def handle(self, *args, mailbox: str | None = None, **options):
        mailboxes = mailboxes_to_poll().select_related("organisation").order_by("pk")
        if mailbox:
            mailboxes = mailboxes.filter(address__iexact=mailbox)
        if not mailboxes:
            raise CommandError("No active mailbox with an IMAP server matches.")
        failed = 0
        for item in mailboxes:
            result = imap.poll_mailbox(item)
            if result.error:
                failed += 1
                self.stderr.write(f"{item.address}: {result.error}")
            else:
                self.stdout.write(
                    f"{item.address}: {result.fetched} fetched, {result.quarantined} to "
                    f"quarantine, last UID {result.last_uid}"
                )
        if failed:
            raise CommandError(f"{failed} mailbox(es) could not be read.", returncode=1)

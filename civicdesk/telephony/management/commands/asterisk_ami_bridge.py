"""Connects to Asterisk's manager interface and reports its calls to civicdesk.

    manage.py asterisk_ami_bridge --host pbx.example --username civicdesk --organisation ske

The secret comes from --secret or the environment variable ASTERISK_AMI_SECRET (which keeps it
out of the process list). Runs until stopped; reconnects with back-off. docs/telephony.md.
"""

from __future__ import annotations

import os

from django.core.management.base import BaseCommand, CommandError

from civicdesk.org.models import Organisation
from civicdesk.telephony.asterisk import AmiBridge
from civicdesk.telephony.services import CallReport, phone_account, report_call_event


class Command(BaseCommand):
    help = "Reads Asterisk's AMI event stream and records its calls as CTI events."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=5038)
        parser.add_argument("--username", required=True)
        parser.add_argument("--secret", default=None, help="else ASTERISK_AMI_SECRET")
        parser.add_argument("--organisation", required=True, help="the organisation's short name")
        parser.add_argument(
            "--max-backoff", type=float, default=60.0, help="longest wait between reconnections"
        )

    def handle(self, *args, **options):
        secret = options["secret"] or os.environ.get("ASTERISK_AMI_SECRET", "")
        if not secret:
            raise CommandError("Give --secret or set ASTERISK_AMI_SECRET.")
        organisation = Organisation.objects.filter(slug=options["organisation"]).first()
        if organisation is None:
            raise CommandError(f"No organisation has the short name {options['organisation']!r}.")
        account = phone_account(organisation)

        def deliver(report: CallReport) -> None:
            report_call_event(actor=account, organisation=organisation, report=report)

        bridge = AmiBridge(
            host=options["host"],
            port=options["port"],
            username=options["username"],
            secret=secret,
            deliver=deliver,
            max_backoff=options["max_backoff"],
        )
        self.stdout.write(f"Bridging {options['host']}:{options['port']} to {organisation.name}.")
        try:
            bridge.run_forever()
        except KeyboardInterrupt:
            bridge.stop()

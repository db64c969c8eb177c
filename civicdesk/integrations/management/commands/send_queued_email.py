from django.core.management.base import BaseCommand

from civicdesk.integrations import mail


class Command(BaseCommand):
    help = "Send queued e-mail whose next attempt is due (what the worker's periodic job does)."

    def handle(self, *args, **options):
        sent = mail.deliver_due()
        self.stdout.write(f"Sent {sent} message(s).")

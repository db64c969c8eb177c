from django.core.management.base import BaseCommand

from civicdesk.sms import delivery


class Command(BaseCommand):
    help = "Send queued SMS whose next attempt is due (what the worker's periodic job does)."

    def handle(self, *args, **options):
        sent = delivery.deliver_due()
        self.stdout.write(f"Sent {sent} message(s).")

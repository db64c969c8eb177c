"""Knowledge-base housekeeping by hand; the scheduler runs the same daily (knowledge.tasks):
remind the owners of articles past their review date (one e-mail a week each) and drop expired
notices from the search index."""

from django.core.management.base import BaseCommand

from civicdesk.knowledge import services


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        reminded = services.remind_stale_article_owners()
        forgotten = services.forget_expired_notices()
        self.stdout.write(
            f"Queued {reminded} review reminder(s); removed {forgotten} expired notice(s) "
            "from the search index."
        )

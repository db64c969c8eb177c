"""The knowledge base's daily job on the scheduler (civicdesk.jobs): remind the owners of
articles past their review date (one e-mail a week each; the outbox drops a repeat) and drop
expired notices from the search index. `manage.py remind_stale_articles` does the same by hand."""

from django_tasks import task

from civicdesk.jobs import periodic
from civicdesk.knowledge import services


@periodic("knowledge.review_reminders", cron="0 6 * * *", timezone="Europe/Stockholm")
@task()
def review_reminders() -> dict[str, int]:
    return {
        "reminded": services.remind_stale_article_owners(),
        "notices_forgotten": services.forget_expired_notices(),
    }

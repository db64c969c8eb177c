from django_tasks import task

from civicdesk.jobs import history
from civicdesk.jobs.registry import periodic


@periodic("jobs.prune_history", cron="17 3 * * *")
@task()
def prune_history() -> dict[str, int]:
    return history.prune_history()

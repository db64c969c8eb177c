from django_tasks import task

from civicdesk.jobs.registry import periodic
from civicdesk.portal import defences, services


@periodic("portal.prune", cron="23 3 * * *")
@task()
def prune() -> dict[str, int]:
    """Forgets ended rate-limit windows and status codes expired for a day."""
    return {
        "rate_counters": defences.prune(),
        "status_codes": services.prune_status_codes(),
    }

"""The monthly statements on the scheduler (civicdesk.jobs).

On the 1st, after midnight in every organisation's time zone, last month's drafts are produced
for every organisation with service producers. A rerun changes nothing that did not change.
"""

from django_tasks import task

from civicdesk.billing import services
from civicdesk.jobs import periodic


@periodic("billing.monthly_statements", cron="0 4 1 * *")
@task()
def monthly_statements() -> int:
    return services.produce_last_month_everywhere()

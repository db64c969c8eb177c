"""The digests on the scheduler (civicdesk.jobs).

Each organisation's period is read in its own time zone and each digest is unique per kind,
scope and period, so the jobs run on UTC early on Monday and on the 1st (06:00 or later in
Sweden, Poland and Finland) and a rerun makes nothing twice.
"""

from django_tasks import task

from civicdesk.jobs import periodic
from civicdesk.reporting import digests, rollups


@periodic("reporting.weekly_overdue_digests", cron="0 5 * * MON")
@task()
def weekly_overdue_digests() -> int:
    return digests.make_weekly_overdue_digests()


@periodic("reporting.monthly_statistics", cron="0 5 1 * *")
@task()
def monthly_statistics() -> int:
    return digests.make_monthly_statistics()


# Nightly, after midnight in Sweden, Poland and Finland: the days before are whole.
@periodic("reporting.refresh_rollups", cron="30 1 * * *")
@task()
def refresh_rollups() -> int:
    return rollups.refresh_recent()

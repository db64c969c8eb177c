"""Background work of cases (civicdesk.jobs).

The alarm tick on the scheduler: fire what is due, then tell people. Both steps are sweeps
keyed in the database (an alarm row fires once; its mail has a dedupe key per alarm and
recipient), so a repeated, missed or concurrent tick changes when an alarm goes out, never
whether it goes out once.

Indexing a newly registered case: enqueued in the registration's transaction, so the task
exists exactly when the case does; indexing again is harmless (it replaces the entry).
"""

from django_tasks import task

from civicdesk.cases import alarms, search
from civicdesk.jobs import periodic, retrying


@periodic("cases.alarm_tick", cron="* * * * *")
@task()
def alarm_tick() -> dict[str, int]:
    return {"fired": alarms.fire_due_alarms(), "notified": alarms.notify_fired_alarms()}


@task()
@retrying(max_attempts=5, base_delay=30)
def index_registered_case(*, case_id: int, attempt: int = 1) -> None:
    search.index_case_by_id(case_id)

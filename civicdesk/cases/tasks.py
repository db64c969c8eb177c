"""The alarm tick on the scheduler (civicdesk.jobs): fire what is due, then tell people.

Both steps are sweeps keyed in the database (an alarm row fires once; its mail has a dedupe
key per alarm and recipient), so a repeated, missed or concurrent tick changes when an alarm
goes out, never whether it goes out once.
"""

from django_tasks import task

from civicdesk.cases import alarms
from civicdesk.jobs import periodic


@periodic("cases.alarm_tick", cron="* * * * *")
@task()
def alarm_tick() -> dict[str, int]:
    return {"fired": alarms.fire_due_alarms(), "notified": alarms.notify_fired_alarms()}

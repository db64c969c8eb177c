"""The alarm tick every second instead of every minute, registered in the child processes of
test_alarm_race.py only (civicdesk/jobs/tests/testapp/child.py imports this module)."""

from civicdesk.cases.tasks import alarm_tick
from civicdesk.jobs import register_periodic

ALARM_TICK = register_periodic("test.alarm-tick", alarm_tick, "* * * * * *")

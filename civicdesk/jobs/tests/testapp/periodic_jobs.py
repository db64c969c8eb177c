"""Periodic jobs for the racing-schedulers test, imported by the child processes only.

Six-field cron expressions (seconds first) let several slots pass in a few seconds.
"""

from civicdesk.jobs import register_periodic
from civicdesk.jobs.tests.testapp.tasks import tick, tick_with_slot

EVERY_SECOND = register_periodic("test.every-second", tick, "* * * * * *")
EVERY_TWO_SECONDS = register_periodic(
    "test.every-two-seconds", tick_with_slot, "*/2 * * * * *", pass_slot=True
)

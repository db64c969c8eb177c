"""The mailbox polls every second instead of every minute, registered in the child processes of
test_imap_exactly_once.py only (civicdesk/jobs/tests/testapp/child.py imports this module)."""

from civicdesk.intake.tasks import poll_mailboxes
from civicdesk.jobs import register_periodic

POLL_EVERY_SECOND = register_periodic("test.poll-mailboxes", poll_mailboxes, "* * * * * *")

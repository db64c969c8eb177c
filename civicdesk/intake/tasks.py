"""Background work of e-mail intake: reading the mailboxes over IMAP, one task per mailbox.

Every minute `poll_mailboxes` queues a `poll_mailbox` task for each active mailbox that has an
IMAP server, unless that mailbox's previous poll is still queued or running (a slow server or
a large backlog does not pile up polls). Each poll is its own task, so a mailbox whose server
is down records its error and the others are read as usual. A poll is safe to run twice or to
be killed half-way (civicdesk/intake/imap.py says why); a killed worker's poll is returned to
the queue by the scheduler's reaper.
"""

from __future__ import annotations

from django_tasks import TaskResultStatus, task
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from civicdesk.intake import imap
from civicdesk.intake.models import Mailbox
from civicdesk.jobs import periodic


def mailboxes_to_poll():
    return Mailbox.objects.filter(is_active=True).exclude(imap_host="")


@task()
def poll_mailbox(*, mailbox_id: int) -> dict:
    mailbox = mailboxes_to_poll().select_related("organisation").filter(pk=mailbox_id).first()
    if mailbox is None:  # switched off or deleted since the poll was queued
        return {"mailbox_id": mailbox_id, "skipped": True}
    return imap.poll_mailbox(mailbox).as_dict()


@periodic("intake.poll_mailboxes", cron="* * * * *")
@task()
def poll_mailboxes() -> list[int]:
    return queue_mailbox_polls()


def queue_mailbox_polls() -> list[int]:
    """Queues a poll for every mailbox to read that has none under way; returns their ids."""
    under_way = _polls_under_way()
    queued = []
    for mailbox_id in mailboxes_to_poll().order_by("pk").values_list("pk", flat=True):
        if mailbox_id not in under_way:
            poll_mailbox.enqueue(mailbox_id=mailbox_id)
            queued.append(mailbox_id)
    return queued


def _polls_under_way() -> set[int]:
    """Mailboxes whose poll is queued or running. A running poll whose worker died counts too:
    the reaper returns it to the queue, so it runs again rather than being replaced."""
    if not isinstance(poll_mailbox.get_backend(), DatabaseBackend):
        return set()  # the immediate backend of the tests runs a poll as it is queued
    rows = DBTaskResult.objects.filter(
        task_path=poll_mailbox.module_path,
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
    ).values_list("args_kwargs", flat=True)
    return {row["kwargs"].get("mailbox_id") for row in rows}

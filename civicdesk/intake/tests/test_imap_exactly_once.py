"""Exactly once: 1,000 messages in a real IMAP mailbox (dovecot), read by real worker processes
that are killed (SIGKILL, no clean-up) and restarted several times in the middle of polls,
end as exactly 1,000 received messages and 1,000 case events: none lost, none twice.

Two workers run, a real scheduler queues a poll every second (the minute job, faster) and
returns the task of a killed worker to the queue once its heartbeat is two seconds old. At each
kill the worker running the poll is the one killed, and a new worker takes its place.
"""

from __future__ import annotations

import signal
from collections import Counter

import pytest
from django.db.models import Count
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from civicdesk.cases.choices import Channel
from civicdesk.cases.models import CaseEvent
from civicdesk.intake.models import InboundMessage, Mailbox, QuarantinedMessage
from civicdesk.intake.tasks import poll_mailbox
from civicdesk.intake.tests.conftest import build_mail
from civicdesk.jobs.tests.processes import Children
from civicdesk.testing import factories

pytestmark = [pytest.mark.xdist_group("processes"), pytest.mark.timeout(240)]

MESSAGES = 1_000
KILL_AT = (80, 220, 380, 540, 700, 860)  # received messages at which the worker is killed


@pytest.fixture
def children(transactional_db, tmp_path, monkeypatch):
    # A worker silent for two seconds is dead to the children's reaper (production: a minute).
    # Shorter, and on a crowded machine a live worker may look dead: its poll then runs twice
    # at once, which this test must (and does) survive too, but it blurs which kill hit a poll.
    monkeypatch.setenv("CIVICDESK_JOBS_STALE_AFTER_SECONDS", "2")
    started = Children(tmp_path, periodic_modules=("civicdesk.intake.tests.periodic_jobs",))
    yield started
    started.stop_all()  # before transactional_db empties the tables under them


def citizen_mail(number: int) -> bytes:
    return build_mail(
        subject=f"Fråga {number}",
        body=f"Hej! Det här är fråga nummer {number}.",
        sender=f"Medborgare {number % 40} <medborgare{number % 40}@example.org>",
        to="kontakt@kommun.example",
        message_id=f"<fraga-{number}@example.org>",
    )


def polling_worker_pid() -> int | None:
    """The process id of the worker running the mailbox's poll now, if one does."""
    running = (
        DBTaskResult.objects.filter(
            task_path=poll_mailbox.module_path, status=TaskResultStatus.RUNNING
        )
        .values_list("worker_ids", flat=True)
        .first()
    )
    return int(running[-1].split(":")[1]) if running else None  # host:pid:random


def test_a_thousand_messages_through_killed_workers_make_a_thousand_case_events(children, dovecot):
    organisation = factories.OrganisationFactory(reference_prefix="SKE")
    folder = dovecot.new_folder()
    mailbox = factories.MailboxFactory(
        organisation=organisation,
        address="kontakt@kommun.example",
        imap_host=dovecot.host,
        imap_port=dovecot.port,
        imap_ssl=False,
        imap_username=dovecot.username,
        imap_password=dovecot.password,
        imap_folder=folder,
    )
    assert dovecot.append(folder, (citizen_mail(number) for number in range(MESSAGES))) == MESSAGES
    received = InboundMessage.objects.filter(mailbox=mailbox)

    children.scheduler()
    workers = {process.pid: process for process in (children.worker(), children.worker())}
    killed_mid_poll = 0
    for threshold in KILL_AT:
        children.wait_until(
            lambda threshold=threshold: received.count() >= threshold,
            f"{threshold} messages received",
            timeout=60,
        )
        # The worker in the middle of the poll, when there is one (there nearly always is).
        pid = polling_worker_pid()
        victim = workers.pop(pid) if pid in workers else workers.popitem()[1]
        killed_mid_poll += pid is not None and victim.pid == pid
        victim.send_signal(signal.SIGKILL)
        assert victim.wait(timeout=10) == -signal.SIGKILL
        replacement = children.worker()
        workers[replacement.pid] = replacement
    children.wait_until(
        lambda: Mailbox.objects.get(pk=mailbox.pk).imap_last_uid == MESSAGES,
        "the mailbox has read every message",
        timeout=90,
    )
    children.stop_all()

    assert received.count() == MESSAGES
    assert not QuarantinedMessage.objects.exists()
    subjects = Counter(received.values_list("subject", flat=True))
    assert set(subjects) == {f"Fråga {number}" for number in range(MESSAGES)}
    assert max(subjects.values()) == 1
    # One case event per message, each its own, and no e-mail event without a message.
    event_ids = set(received.values_list("event_id", flat=True))
    assert len(event_ids) == MESSAGES and None not in event_ids
    email_events = CaseEvent.objects.filter(
        case__organisation=organisation, contact__channel=Channel.EMAIL
    )
    assert set(email_events.values_list("pk", flat=True)) == event_ids
    assert not received.values("message_id").annotate(n=Count("pk")).filter(n__gt=1).exists()
    # Most kills hit the worker in the middle of the poll (on a quiet machine, all of them).
    assert killed_mid_poll >= len(KILL_AT) // 2, children.output()

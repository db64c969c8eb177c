"""Reading mailboxes over IMAP against a real server (Debian's dovecot, the `dovecot` fixture).

Each test delivers into a folder of its own by IMAP APPEND, as a mail server would, and polls
it as the periodic job does.
"""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError
from django.utils import timezone

from civicdesk.cases.choices import EventKind
from civicdesk.cases.models import CaseEvent
from civicdesk.intake import imap, services, tasks
from civicdesk.intake.models import InboundMessage, Mailbox, QuarantinedMessage
from civicdesk.intake.tests.conftest import build_mail
from civicdesk.jobs.registry import registered_jobs
from civicdesk.testing import dovecot as dovecot_module
from civicdesk.testing import factories
from civicdesk.testing.smtp import free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation(db):
    return factories.OrganisationFactory(reference_prefix="SKE")


def imap_mailbox(dovecot, organisation, **fields) -> Mailbox:
    folder = fields.pop("imap_folder", None) or dovecot.new_folder()
    settings = {
        "address": f"{folder}@kommun.example",
        "imap_host": dovecot.host,
        "imap_port": dovecot.port,
        "imap_ssl": False,
        "imap_username": dovecot.username,
        "imap_password": dovecot.password,
        "imap_folder": folder,
    }
    return factories.MailboxFactory(organisation=organisation, **{**settings, **fields})


def mails(count: int, start: int = 0) -> list[bytes]:
    return [
        build_mail(subject=f"Fråga {n}", message_id=f"<q{n}@medborgare.example>")
        for n in range(start, start + count)
    ]


def contact_events() -> int:
    return CaseEvent.objects.filter(kind=EventKind.CONTACT).count()


def test_a_poll_stores_every_new_message_once_and_moves_past_it(dovecot, organisation):
    mailbox = imap_mailbox(dovecot, organisation)
    dovecot.append(mailbox.imap_folder, mails(3))
    events_before = contact_events()

    result = imap.poll_mailbox(mailbox)

    assert (result.fetched, result.quarantined, result.error) == (3, 0, "")
    received = InboundMessage.objects.filter(mailbox=mailbox)
    assert sorted(received.values_list("subject", flat=True)) == ["Fråga 0", "Fråga 1", "Fråga 2"]
    assert set(received.values_list("source", flat=True)) == {"imap"}
    assert contact_events() == events_before + 3
    mailbox.refresh_from_db()
    status = dovecot.status(mailbox.imap_folder)
    assert mailbox.imap_last_uid == status["UIDNEXT"] - 1 == 3
    assert mailbox.imap_uidvalidity == status["UIDVALIDITY"]
    assert mailbox.last_polled_at is not None and mailbox.last_error == ""
    # Taken messages are flagged, not deleted: people reading the mailbox see what was taken.
    assert dovecot.uids(mailbox.imap_folder, "UNSEEN") == []
    assert dovecot.uids(mailbox.imap_folder) == [1, 2, 3]

    dovecot.append(mailbox.imap_folder, mails(1, start=3))
    again = imap.poll_mailbox(mailbox)
    assert again.fetched == 1 and again.last_uid == 4
    assert received.count() == 4


def test_a_crash_before_the_uid_moved_on_fetches_again_and_stores_nothing_twice(
    dovecot, organisation
):
    mailbox = imap_mailbox(dovecot, organisation)
    dovecot.append(mailbox.imap_folder, mails(4))
    imap.poll_mailbox(mailbox)
    events = contact_events()
    # As if the worker had died after storing, before the mailbox remembered the UIDs.
    Mailbox.objects.filter(pk=mailbox.pk).update(imap_last_uid=1)
    mailbox.refresh_from_db()

    result = imap.poll_mailbox(mailbox)

    assert result.fetched == 3 and result.last_uid == 4
    assert InboundMessage.objects.filter(mailbox=mailbox).count() == 4
    assert contact_events() == events


def test_the_uid_never_passes_a_message_that_was_not_stored(dovecot, organisation, monkeypatch):
    mailbox = imap_mailbox(dovecot, organisation)
    dovecot.append(mailbox.imap_folder, mails(5))
    real = services.receive_message
    calls = []

    def database_goes_away_at_the_third(**kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise OperationalError("database is locked")
        return real(**kwargs)

    monkeypatch.setattr(imap, "receive_message", database_goes_away_at_the_third)
    with pytest.raises(OperationalError):
        imap.poll_mailbox(mailbox)
    mailbox.refresh_from_db()
    assert mailbox.imap_last_uid == 2
    assert "OperationalError" in mailbox.last_error
    assert InboundMessage.objects.filter(mailbox=mailbox).count() == 2

    monkeypatch.setattr(imap, "receive_message", real)
    result = imap.poll_mailbox(mailbox)
    assert (result.fetched, result.last_uid, result.error) == (3, 5, "")
    assert InboundMessage.objects.filter(mailbox=mailbox).count() == 5


def test_a_new_uidvalidity_reads_the_folder_again_without_duplicates(dovecot, organisation):
    mailbox = imap_mailbox(dovecot, organisation)
    dovecot.append(mailbox.imap_folder, mails(2))
    imap.poll_mailbox(mailbox)
    mailbox.refresh_from_db()
    old_validity = mailbox.imap_uidvalidity

    # The folder is restored from a backup: renumbered from 1, one message already received.
    dovecot.recreate(mailbox.imap_folder)
    dovecot.append(mailbox.imap_folder, mails(2, start=1))
    result = imap.poll_mailbox(mailbox)

    assert result.uidvalidity_changed and result.fetched == 2 and result.last_uid == 2
    mailbox.refresh_from_db()
    assert mailbox.imap_uidvalidity != old_validity
    assert mailbox.imap_uidvalidity == dovecot.status(mailbox.imap_folder)["UIDVALIDITY"]
    assert InboundMessage.objects.filter(mailbox=mailbox).count() == 3


def test_the_poll_takes_at_most_its_limit_in_uid_order(dovecot, organisation):
    mailbox = imap_mailbox(dovecot, organisation)
    dovecot.append(mailbox.imap_folder, mails(5))
    assert imap.poll_mailbox(mailbox, limit=2).last_uid == 2
    assert imap.poll_mailbox(mailbox, limit=2).last_uid == 4
    assert imap.poll_mailbox(mailbox, limit=2).last_uid == 5


def test_an_unreadable_message_from_imap_goes_to_quarantine_and_the_poll_moves_on(
    dovecot, organisation
):
    mailbox = imap_mailbox(dovecot, organisation)
    dovecot.append(mailbox.imap_folder, [b"Subject: nobody sent this\r\n\r\nbody\r\n", *mails(1)])
    result = imap.poll_mailbox(mailbox)
    assert (result.fetched, result.quarantined, result.last_uid) == (2, 1, 2)
    assert QuarantinedMessage.objects.get(mailbox=mailbox).source == "imap"


def test_a_server_that_is_down_or_refuses_the_login_is_recorded_not_raised(dovecot, organisation):
    down = imap_mailbox(dovecot, organisation, imap_port=free_port())
    refused = imap_mailbox(dovecot, organisation, imap_password="wrong")
    dovecot.append(refused.imap_folder, mails(1))

    assert "ConnectionRefusedError" in imap.poll_mailbox(down).error
    assert "Login" in imap.poll_mailbox(refused).error
    for mailbox in (down, refused):
        mailbox.refresh_from_db()
        assert mailbox.last_error and mailbox.last_polled_at is not None
        assert mailbox.imap_last_uid == 0
    assert not InboundMessage.objects.exists()


def test_the_minute_job_polls_every_active_imap_mailbox_and_a_dead_server_stops_none(
    dovecot, organisation
):
    down = imap_mailbox(dovecot, organisation, imap_port=free_port())
    working = imap_mailbox(dovecot, organisation)
    switched_off = imap_mailbox(dovecot, organisation, is_active=False)
    factories.MailboxFactory(organisation=organisation)  # pipe or HTTP only: no IMAP host
    for mailbox in (working, switched_off):
        dovecot.append(mailbox.imap_folder, mails(2))
    job = next(job for job in registered_jobs() if job.name == "intake.poll_mailboxes")
    assert job.cron == "* * * * *"

    # The test settings run tasks as they are queued, so each poll runs here.
    assert tasks.queue_mailbox_polls() == [down.pk, working.pk]

    assert InboundMessage.objects.filter(mailbox=working).count() == 2
    assert not InboundMessage.objects.filter(mailbox=switched_off).exists()
    down.refresh_from_db()
    assert "ConnectionRefusedError" in down.last_error


def test_a_poll_still_queued_or_running_is_not_queued_again(dovecot, organisation, settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    first = imap_mailbox(dovecot, organisation)
    second = imap_mailbox(dovecot, organisation)
    assert tasks.queue_mailbox_polls() == [first.pk, second.pk]
    assert tasks.queue_mailbox_polls() == []
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(args_kwargs__kwargs__mailbox_id=first.pk).update(
        status="SUCCESSFUL", finished_at=timezone.now()
    )
    assert tasks.queue_mailbox_polls() == [first.pk]


def test_batches_bound_messages_and_bytes():
    sizes = {1: 10, 2: imap.BATCH_BYTES, 3: 5, 4: 5}
    assert list(imap.batches([1, 2, 3, 4], sizes)) == [[1], [2], [3, 4]]
    many = list(range(1, 2 * imap.BATCH_MESSAGES + 2))
    assert [len(batch) for batch in imap.batches(many, {})] == [
        imap.BATCH_MESSAGES,
        imap.BATCH_MESSAGES,
        1,
    ]


def test_the_command_reads_a_mailbox_now_and_fails_on_a_dead_server(dovecot, organisation):
    working = imap_mailbox(dovecot, organisation)
    down = imap_mailbox(dovecot, organisation, imap_port=free_port())
    dovecot.append(working.imap_folder, mails(2))
    output = io.StringIO()
    call_command("poll_mailboxes", mailbox=working.address, stdout=output)
    assert output.getvalue() == f"{working.address}: 2 fetched, 0 to quarantine, last UID 2\n"
    with pytest.raises(CommandError, match="1 mailbox"):
        call_command("poll_mailboxes", stdout=io.StringIO(), stderr=io.StringIO())
    down.refresh_from_db()
    assert down.last_error


def test_without_dovecot_the_imap_tests_fail_rather_than_skip(monkeypatch, tmp_path):
    monkeypatch.setattr(dovecot_module, "DOVECOT", str(tmp_path / "no-dovecot"))
    with pytest.raises(dovecot_module.DovecotMissing, match="dovecot-imapd"):
        dovecot_module.DovecotServer().start()

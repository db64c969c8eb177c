"""The heartbeat thread: beats on its own connection, removes its row when stopped."""

from __future__ import annotations

import threading
import time

import pytest

from civicdesk.jobs.heartbeat import Heartbeat, new_worker_id
from civicdesk.jobs.models import WorkerHeartbeat

# The thread writes through its own connection, which sees only committed rows.
pytestmark = pytest.mark.django_db(transaction=True)


def last_seen(worker_id: str):
    return WorkerHeartbeat.objects.values_list("last_seen", flat=True).get(worker_id=worker_id)


def wait_for(check, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "not within the deadline"
        time.sleep(0.02)


def test_a_heartbeat_is_registered_at_start_refreshed_and_removed_at_stop():
    heartbeat = Heartbeat(worker_id=new_worker_id(), interval=0.05, queues="default")
    heartbeat.start()
    first = last_seen(heartbeat.worker_id)
    wait_for(lambda: last_seen(heartbeat.worker_id) > first)
    row = WorkerHeartbeat.objects.get(worker_id=heartbeat.worker_id)
    assert (row.kind, row.queues) == (WorkerHeartbeat.Kind.WORKER, "default")
    thread = next(t for t in threading.enumerate() if t.name.startswith("heartbeat "))

    heartbeat.stop()
    assert not thread.is_alive()
    assert not WorkerHeartbeat.objects.filter(worker_id=heartbeat.worker_id).exists()
    heartbeat.stop()  # a second stop (atexit after finally) is harmless


def test_a_heartbeat_whose_row_was_pruned_registers_again(caplog):
    heartbeat = Heartbeat(worker_id="suspended-laptop:1:abc", interval=0.05)
    with heartbeat:
        WorkerHeartbeat.objects.all().delete()
        wait_for(lambda: WorkerHeartbeat.objects.filter(worker_id=heartbeat.worker_id).exists())
    assert "was missing (presumed dead)" in caplog.text


def test_worker_ids_name_the_host_and_process_and_differ():
    first, second = new_worker_id(), new_worker_id()
    assert first != second
    assert len(first) <= 64
    assert first.split(":")[1].isdigit()

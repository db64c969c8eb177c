"""Getting a screen pop to the agent's browser (docs/decisions/0015-screen-pop.md).

Each signed-in agent's page holds a websocket (`consumers.ScreenPopConsumer`) in the group
`agent_group(user id)`. A call event with `pop_to` set is the pop. With the Redis channel layer
the process that records the event sends it on commit, whichever process that is. The default
in-memory layer does not cross processes, and the Asterisk bridge runs in a process of its own:
so each web process relays new pop rows from the database to its own sockets instead
(`PopRelay`: one indexed query per interval, from the first socket on).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import logging

from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from civicdesk.telephony.models import CallEvent

log = logging.getLogger(__name__)

# A pop the relay finds later than this is for a call long answered: not opened any more.
STALE_AFTER = datetime.timedelta(seconds=30)


def agent_group(user_id: int) -> str:
    return f"telephony.agent.{user_id}"


def layer_crosses_processes() -> bool:
    backend = settings.CHANNEL_LAYERS["default"]["BACKEND"]
    return not backend.endswith("InMemoryChannelLayer")


def pop_message(event: CallEvent) -> dict:
    """What the agent's page receives: where to go, and the number for the notice shown
    instead when the agent is in the middle of a form."""
    return {
        "type": "screen.pop",
        "event": event.pk,
        "url": reverse("telephony:call", args=[event.call_id]),
        "caller": event.details.get("caller_number", ""),
    }


def announce_on_commit(event: CallEvent) -> None:
    if not layer_crosses_processes():
        return  # the relay of each web process reads the row

    def send() -> None:
        try:
            async_to_sync(get_channel_layer().group_send)(
                agent_group(event.pop_to_id), pop_message(event)
            )
        except Exception:  # the call is recorded; a lost pop must not undo it
            log.exception("Screen pop for call event %s not sent", event.pk)

    transaction.on_commit(send)


@database_sync_to_async
def _newest_id() -> int:
    return CallEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


@database_sync_to_async
def _pops_after(last_id: int) -> list[tuple[int, int, dict]]:
    since = timezone.now() - STALE_AFTER
    rows = (
        CallEvent.objects.filter(pk__gt=last_id, pop_to__isnull=False)
        .order_by("pk")
        .only("pk", "call_id", "pop_to_id", "details", "created_at")
    )
    return [
        (event.pk, event.pop_to_id, pop_message(event) if event.created_at >= since else None)
        for event in rows
    ]


class PopRelay:
    """Relays pop rows written by any process to this process's sockets (in-memory layer).

    Started by the first socket and then kept running: a relay restarted later would have to
    guess which recent rows it had sent already, and a pop sent twice moves the agent twice."""

    def __init__(self) -> None:
        self.task: asyncio.Task | None = None
        self.ready: asyncio.Event | None = None

    def ensure_running(self, layer) -> None:
        if layer_crosses_processes():
            return
        loop = asyncio.get_running_loop()
        if self.task is None or self.task.done() or self.task.get_loop() is not loop:
            self.ready = asyncio.Event()
            self.task = loop.create_task(self._run(layer, self.ready))

    async def _run(self, layer, ready: asyncio.Event) -> None:
        interval = settings.CIVICDESK_SCREEN_POP_POLL_SECONDS
        last_id = await _newest_id()
        ready.set()
        while True:
            await asyncio.sleep(interval)
            try:
                for event_id, agent_id, message in await _pops_after(last_id):
                    last_id = event_id
                    if message is not None:
                        await layer.group_send(agent_group(agent_id), message)
            except Exception:  # a database hiccup must not end the relay for good
                log.exception("Screen-pop relay failed; retrying")

    async def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.task
        self.task = self.ready = None


relay = PopRelay()

"""The websocket through which a signed-in agent's page hears of the calls they answer."""

from __future__ import annotations

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from civicdesk.core import authz
from civicdesk.telephony.realtime import agent_group, relay


@database_sync_to_async
def _may_receive(user) -> bool:
    return authz.can(user, "telephony.receive_screen_pops", user.organisation)


class ScreenPopConsumer(AsyncJsonWebsocketConsumer):
    """One per open page of an agent; receives only that agent's pops."""

    group = None

    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated or not await _may_receive(user):
            await self.close(code=4403)
            return
        self.group = agent_group(user.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        relay.ensure_running(self.channel_layer)

    async def disconnect(self, code) -> None:
        if self.group is not None:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content, **kwargs) -> None:
        """The page only listens."""

    async def screen_pop(self, message: dict) -> None:
        await self.send_json(
            {"type": "pop", "url": message["url"], "caller": message.get("caller", "")}
        )

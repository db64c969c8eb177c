"""The screen pop over the websocket: the answering agent's page hears of the call, nobody
else's; through the real ASGI application with the session cookie, as a browser connects."""

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.layers import InMemoryChannelLayer, channel_layers
from channels.routing import URLRouter
from django.conf import settings
from django.test import Client
from django.urls import reverse

from civicdesk.org.choices import Role
from civicdesk.telephony.realtime import relay
from civicdesk.telephony.routing import websocket_urlpatterns
from civicdesk.telephony.services import CallReport, phone_account, report_call_event
from civicdesk.telephony.tests.conftest import at
from civicdesk.telephony.tests.sockets import SocketClient

pytestmark = pytest.mark.django_db(transaction=True)
PATH = "/ws/telephony/pops/"


@pytest.fixture(autouse=True)
def _fast_relay(settings):
    settings.CIVICDESK_SCREEN_POP_POLL_SECONDS = 0.05
    yield
    async_to_sync(relay.stop)()


def socket_of(user) -> SocketClient:
    communicator = SocketClient(URLRouter(websocket_urlpatterns), PATH)
    communicator.scope["user"] = user
    return communicator


@sync_to_async
def answer(tenant, agent, call_id="c-1"):
    return report_call_event(
        actor=phone_account(tenant.organisation),
        organisation=tenant.organisation,
        report=CallReport(
            kind="answered",
            call_id=call_id,
            timestamp=at(30),
            caller_number="+46705550101",
            agent=agent.username,
        ),
    )[0]


def test_only_the_answering_agent_gets_the_pop(tenant_a):
    agent, other = tenant_a.user(Role.GENERAL_AGENT), tenant_a.user(Role.SPECIALIST_AGENT)

    async def scenario():
        mine, theirs = socket_of(agent), socket_of(other)
        assert (await mine.connect())[0] and (await theirs.connect())[0]
        await relay.ready.wait()
        call = await answer(tenant_a, agent)

        pop = await mine.receive_json_from(timeout=5)
        assert pop == {
            "type": "pop",
            "url": reverse("telephony:call", args=[call.pk]),
            "caller": "+46705550101",
        }
        assert await theirs.receive_nothing(timeout=0.5)
        assert await mine.receive_nothing(timeout=0.3)  # once
        await mine.disconnect()
        await theirs.disconnect()

    async_to_sync(scenario)()


def test_people_who_do_not_serve_customers_are_refused(tenant_a):
    async def scenario():
        communicator = socket_of(tenant_a.user(Role.ADMINISTRATOR))
        connected, code = await communicator.connect()
        assert (connected, code) == (False, 4403)

    async_to_sync(scenario)()


def test_the_asgi_application_signs_the_socket_in_with_the_session(tenant_a):
    from civicdesk.asgi import application

    agent = tenant_a.user(Role.GENERAL_AGENT)
    client = Client()
    client.force_login(agent)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"

    async def scenario():
        communicator = SocketClient(
            application,
            PATH,
            headers=[(b"cookie", cookie.encode()), (b"origin", b"http://testserver")],
        )
        assert (await communicator.connect())[0]
        await relay.ready.wait()
        await answer(tenant_a, agent, call_id="c-2")
        assert (await communicator.receive_json_from(timeout=5))["type"] == "pop"
        await communicator.disconnect()

        stranger = SocketClient(application, PATH, headers=[(b"origin", b"http://evil.example")])
        assert not (await stranger.connect())[0]

    async_to_sync(scenario)()


class SharedLayer(InMemoryChannelLayer):
    """Stands in for Redis: a layer the code must treat as crossing processes."""


def test_with_a_shared_layer_the_pop_is_sent_on_commit_without_the_relay(settings, tenant_a):
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": f"{__name__}.SharedLayer"}}
    channel_layers.backends.clear()
    agent = tenant_a.user(Role.GENERAL_AGENT)

    async def scenario():
        socket = socket_of(agent)
        assert (await socket.connect())[0]
        assert relay.task is None
        await answer(tenant_a, agent)
        assert (await socket.receive_json_from(timeout=5))["type"] == "pop"
        await socket.disconnect()

    try:
        async_to_sync(scenario)()
    finally:
        channel_layers.backends.clear()

"""The Asterisk adapter: recorded AMI transcripts through the parser and the CTI service, and
the bridge against a small AMI server on loopback that replays a transcript."""

import datetime
import socket
import threading
import time
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.test import Client

from civicdesk.org.choices import Role
from civicdesk.telephony.asterisk import AmiBridge, AmiTranslator, extension_of, parse_events
from civicdesk.telephony.models import Call, CallEvent, CallState, Extension
from civicdesk.telephony.services import phone_account, report_call_event

TRANSCRIPTS = Path(__file__).parent / "transcripts"


def transcript(name: str) -> list[str]:
    return (TRANSCRIPTS / name).read_text().splitlines(keepends=True)


def moment(epoch: float) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(epoch, tz=datetime.UTC)


@pytest.fixture
def extensions(tenant_a):
    """Anna Lind answers on 1001, the specialist on 2002."""
    anna = tenant_a.user(Role.GENERAL_AGENT)
    specialist = tenant_a.user(Role.SPECIALIST_AGENT)
    Extension.objects.create(organisation=tenant_a.organisation, number="1001", user=anna)
    Extension.objects.create(organisation=tenant_a.organisation, number="2002", user=specialist)
    return anna, specialist


def replay(tenant, name: str) -> dict[str, Call]:
    account = phone_account(tenant.organisation)
    translator = AmiTranslator()
    for event in parse_events(transcript(name)):
        for report in translator.translate(event):
            with time_machine.travel(report.timestamp, tick=False):  # as if live
                report_call_event(actor=account, organisation=tenant.organisation, report=report)
    assert translator.calls == {}  # every call forgotten once its caller hung up
    return {call.external_id: call for call in Call.objects.all()}


@pytest.mark.parametrize(
    ("channel", "extension"),
    [
        ("PJSIP/1001", "1001"),
        ("PJSIP/1001-00000032", "1001"),
        ("SIP/anna-0000001a", "anna"),
        ("Local/1001@agents/n", "1001"),
        ("Agent/2002", "2002"),
    ],
)
def test_the_extension_is_read_from_a_channel_or_interface(channel, extension):
    assert extension_of(channel) == extension


def test_the_parser_reads_messages_between_blank_lines():
    lines = ["Asterisk Call Manager/7.0.3\r\n", "Response: Success\r\n", "Message: ok\r\n", "\r\n"]
    lines += transcript("abandoned.ami")
    events = list(parse_events(lines))

    assert events[0] == {"Response": "Success", "Message": "ok"}
    assert [e["Event"] for e in events[1:]] == [
        "Newchannel",
        "QueueCallerJoin",
        "AgentCalled",
        "AgentRingNoAnswer",
        "QueueCallerAbandon",
        "QueueCallerLeave",
        "Hangup",
    ]


@pytest.mark.django_db
def test_an_answered_call(tenant_a, extensions):
    call = replay(tenant_a, "answered.ami")["1795424400.101"]

    assert (call.state, call.queue, call.called_number) == (
        CallState.ENDED,
        "bygglov",
        "0910735000",
    )
    assert (call.offered_at, call.answered_at) == (moment(1795424408.5), moment(1795424431.25))
    assert (call.wait_seconds, call.talk_seconds) == (23, 125)
    assert (call.agent, call.customer) == (extensions[0], tenant_a.customer)
    assert CallEvent.objects.get(kind="answered").pop_to == extensions[0]


@pytest.mark.django_db
def test_an_abandoned_call(tenant_a, extensions):
    call = replay(tenant_a, "abandoned.ami")["1795424600.201"]

    assert (call.state, call.wait_seconds, call.talk_seconds) == (CallState.ABANDONED, 48, None)
    assert (call.caller_number, call.customer, call.agent) == ("+46701112233", None, None)


@pytest.mark.django_db
def test_blind_and_attended_transfers(tenant_a, extensions):
    anna, specialist = extensions
    calls = replay(tenant_a, "transferred.ami")
    blind, attended = calls["1795425000.301"], calls["1795425300.401"]

    assert (blind.transfer_count, blind.agent, blind.talk_seconds) == (1, anna, 238)
    assert (attended.transfer_count, attended.talk_seconds) == (1, 210)
    transfers = CallEvent.objects.filter(kind="transferred").order_by("at")
    assert [(t.agent, t.target, t.pop_to) for t in transfers] == [
        (anna, "2002", specialist),
        (anna, "2002", specialist),
    ]


@pytest.mark.django_db
def test_the_ivr_choice_comes_with_the_call_and_self_service_is_not_a_call(tenant_a, extensions):
    calls = replay(tenant_a, "ivr_choice.ami")

    assert list(calls) == ["1795426000.501"]  # 0709998877 chose 9 and was served by the IVR
    call = calls["1795426000.501"]
    assert (call.ivr_choice, call.queue, call.agent) == ("2", "arbetsgivare", extensions[0])
    assert (call.wait_seconds, call.talk_seconds, call.state) == (15, 125, CallState.ENDED)


class FakeAmi:
    """Asterisk's manager port, played: greets, checks the login, then sends one part of the
    transcript per connection and hangs up, so the bridge must reconnect for the next part."""

    def __init__(self, parts: list[list[str]]):
        self.parts = parts
        self.logins: list[str] = []
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        for part in self.parts:
            connection, _address = self.server.accept()
            with connection, connection.makefile("r", newline="\r\n") as stream:
                connection.sendall(b"Asterisk Call Manager/7.0.3\r\n")
                action = {}
                for line in iter(stream.readline, "\r\n"):
                    key, _colon, value = line.strip().partition(": ")
                    action[key] = value
                self.logins.append(action["Username"])
                if action["Secret"] != "s3cret":
                    connection.sendall(b"Response: Error\r\nActionID: civicdesk-login\r\n\r\n")
                    continue
                connection.sendall(
                    b"Response: Success\r\nActionID: civicdesk-login\r\n"
                    b"Message: Authentication accepted\r\n\r\n"
                    b"Event: FullyBooted\r\nPrivilege: system,all\r\nStatus: Fully Booted\r\n\r\n"
                )
                connection.sendall("".join(part).replace("\n", "\r\n").encode())
        self.server.close()


@pytest.mark.django_db(transaction=True)
def test_the_bridge_logs_in_replays_and_reconnects(tenant_a, extensions):
    lines = transcript("answered.ami")
    half = lines.index("Event: AgentConnect\n")
    server = FakeAmi([lines[:half], lines[half:]])
    account = phone_account(tenant_a.organisation)
    bridge = AmiBridge(
        host="127.0.0.1",
        port=server.port,
        username="civicdesk",
        secret="s3cret",
        deliver=lambda report: report_call_event(
            actor=account, organisation=tenant_a.organisation, report=report
        ),
        backoff=0.05,
        timeout=1,
    )
    runner = threading.Thread(target=bridge.run_forever, daemon=True)
    runner.start()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not Call.objects.filter(state="ended").exists():
        time.sleep(0.05)
    bridge.stop()
    runner.join(5)

    call = Call.objects.get()
    assert (call.state, call.wait_seconds, call.talk_seconds) == (CallState.ENDED, 23, 125)
    assert server.logins == ["civicdesk", "civicdesk"]
    assert not runner.is_alive()


@pytest.mark.django_db
def test_the_phone_token_reports_calls(tenant_a):
    out = StringIO()
    call_command(
        "create_phone_token",
        organisation=tenant_a.organisation.slug,
        by=tenant_a.user(Role.ADMINISTRATOR).username,
        stdout=out,
    )
    response = Client().post(
        "/api/v1/telephony/events",
        {"kind": "offered", "call_id": "x", "timestamp": "2026-11-23T09:00:00+01:00"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {out.getvalue().strip()}"},
    )
    assert response.status_code == 200, response.content
    with pytest.raises(CommandError):
        call_command(
            "create_phone_token",
            organisation=tenant_a.organisation.slug,
            by=tenant_a.user(Role.GENERAL_AGENT).username,
        )

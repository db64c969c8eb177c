"""The Asterisk adapter: the Asterisk Manager Interface (AMI) event stream turned into the CTI
events of `telephony.services.report_call_event`, and the TCP bridge that reads it.

AMI speaks text over TCP: `Key: Value` lines, a blank line after each event. A call is known by
its `Linkedid` (the `Uniqueid` of the caller's first channel), which every channel of the call
shares, the agent's included. The events used (Asterisk 13 and later):

- Newchannel of the caller's channel: remembers the caller's number and the number called;
- UserEvent `IVRChoice` with `Choice: 2` (dialplan `UserEvent(IVRChoice,Choice: ${X})`):
  remembers the caller's IVR choice;
- QueueCallerJoin: offered (queue, caller, number called, IVR choice);
- AgentConnect: answered by the agent of `Interface` (PJSIP/1001 is extension 1001);
- BlindTransfer, AttendedTransfer: transferred to the extension or the target's channel;
- QueueCallerAbandon: abandoned;
- AgentComplete (caller or agent hung up) and Hangup of the caller's channel: ended.

A call that never joined a queue (self-service in the IVR) is not reported: it was not offered
to anybody. With `timestampevents = yes` in manager.conf each event carries the moment it
happened; otherwise the moment it was read is used.
"""

from __future__ import annotations

import datetime
import logging
import re
import socket
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.utils import timezone

from civicdesk.core.errors import DomainError
from civicdesk.telephony.models import CallEventKind
from civicdesk.telephony.services import CallReport

log = logging.getLogger(__name__)

# PJSIP/1001, SIP/1001-0000001a, Local/1001@agents/n, Agent/1001 -> 1001
_CHANNEL = re.compile(r"^[A-Za-z0-9_]+/(?P<name>[^@/]+?)(?:-[0-9a-fA-F]{8,})?(?:[@/;].*)?$")
ENDING_REASONS = {"caller", "agent"}  # AgentComplete Reason; "transfer" goes on elsewhere


def parse_events(lines: Iterable[str]) -> Iterator[dict[str, str]]:
    """AMI messages from text lines: a dict per message (event or response), keys as sent.
    A line without a colon (the greeting banner) is skipped."""
    message: dict[str, str] = {}
    for raw in lines:
        line = raw.rstrip("\r\n")
        if not line:
            if message:
                yield message
                message = {}
            continue
        key, colon, value = line.partition(":")
        if colon:
            message.setdefault(key.strip(), value.strip())
    if message:
        yield message


def extension_of(channel_or_interface: str) -> str:
    """The extension in a channel or queue member interface name."""
    match = _CHANNEL.match((channel_or_interface or "").strip())
    return match.group("name") if match else (channel_or_interface or "").strip()


@dataclass
class _CallSoFar:
    caller_number: str = ""
    called_number: str = ""
    ivr_choice: str = ""
    queued: bool = False


@dataclass
class AmiTranslator:
    """Turns AMI events into CTI reports; keeps the little it must know about each call until
    the caller's channel hangs up."""

    clock: Callable[[], datetime.datetime] = timezone.now
    calls: dict[str, _CallSoFar] = field(default_factory=dict)

    def _moment(self, event: dict[str, str]) -> datetime.datetime:
        stamp = event.get("Timestamp", "")
        try:
            return datetime.datetime.fromtimestamp(float(stamp), tz=datetime.UTC)
        except ValueError:
            return self.clock()

    def _report(
        self, kind: str, call_id: str, event: dict, known: _CallSoFar | None = None, **fields
    ) -> CallReport:
        known = known or self.calls.get(call_id, _CallSoFar())
        return CallReport(
            kind=kind,
            call_id=call_id,
            timestamp=self._moment(event),
            caller_number=known.caller_number,
            called_number=known.called_number,
            ivr_choice=known.ivr_choice,
            **fields,
        )

    def translate(self, event: dict[str, str]) -> list[CallReport]:
        name = event.get("Event", "")
        handler = getattr(self, f"_on_{name.lower()}", None)
        return handler(event) if handler else []

    def _on_newchannel(self, event):
        if event.get("Uniqueid") and event.get("Uniqueid") == event.get("Linkedid"):
            self.calls[event["Linkedid"]] = _CallSoFar(
                caller_number=event.get("CallerIDNum", "").replace("<unknown>", ""),
                called_number=event.get("Exten", ""),
            )
        return []

    def _on_userevent(self, event):
        if event.get("UserEvent", "").lower() == "ivrchoice" and event.get("Linkedid"):
            self.calls.setdefault(event["Linkedid"], _CallSoFar()).ivr_choice = event.get(
                "Choice", ""
            )
        return []

    def _on_queuecallerjoin(self, event):
        call_id = event.get("Linkedid") or event.get("Uniqueid", "")
        known = self.calls.setdefault(call_id, _CallSoFar())
        known.queued = True
        known.caller_number = known.caller_number or event.get("CallerIDNum", "")
        return [self._report(CallEventKind.OFFERED, call_id, event, queue=event.get("Queue", ""))]

    def _on_agentconnect(self, event):
        call_id = event.get("Linkedid") or event.get("Uniqueid", "")
        agent = extension_of(event.get("Interface", "")) or event.get("MemberName", "")
        return [
            self._report(
                CallEventKind.ANSWERED, call_id, event, queue=event.get("Queue", ""), agent=agent
            )
        ]

    def _on_agentcomplete(self, event):
        if event.get("Reason", "").lower() not in ENDING_REASONS:
            return []
        call_id = event.get("Linkedid") or event.get("Uniqueid", "")
        return [self._report(CallEventKind.ENDED, call_id, event)]

    def _on_queuecallerabandon(self, event):
        call_id = event.get("Linkedid") or event.get("Uniqueid", "")
        return [self._report(CallEventKind.ABANDONED, call_id, event, queue=event.get("Queue", ""))]

    def _on_blindtransfer(self, event):
        if event.get("Result", "Success") != "Success":
            return []
        call_id = event.get("TransfereeLinkedid", "")
        return [
            self._report(
                CallEventKind.TRANSFERRED,
                call_id,
                event,
                agent=extension_of(event.get("TransfererChannel", "")),
                target=event.get("Extension", ""),
            )
        ]

    def _on_attendedtransfer(self, event):
        if event.get("Result", "Success") != "Success":
            return []
        call_id = event.get("TransfereeLinkedid") or event.get("OrigTransfererLinkedid", "")
        return [
            self._report(
                CallEventKind.TRANSFERRED,
                call_id,
                event,
                agent=extension_of(event.get("OrigTransfererChannel", "")),
                target=extension_of(event.get("TransferTargetChannel", "")),
            )
        ]

    def _on_hangup(self, event):
        call_id = event.get("Linkedid", "")
        if not call_id or event.get("Uniqueid") != call_id:
            return []  # an agent's or a transfer target's leg, not the caller
        known = self.calls.pop(call_id, None)
        if known is None or not known.queued:
            return []
        return [self._report(CallEventKind.ENDED, call_id, event, known=known)]


class AmiBridge:
    """Logs in to the AMI over TCP and hands every CTI report to `deliver`; reconnects with
    back-off (doubling up to `max_backoff`) whenever the connection drops or is refused."""

    def __init__(
        self,
        *,
        host: str,
        port: int,
        username: str,
        secret: str,
        deliver: Callable[[CallReport], None],
        backoff: float = 1.0,
        max_backoff: float = 60.0,
        timeout: float = 30.0,
    ) -> None:
        self.address = (host, port)
        self.username, self.secret = username, secret
        self.deliver = deliver
        self.first_backoff, self.max_backoff, self.timeout = backoff, max_backoff, timeout
        self.stopping = threading.Event()
        self.translator = AmiTranslator()

    def stop(self) -> None:
        self.stopping.set()

    def run_forever(self) -> None:
        backoff = self.first_backoff
        while not self.stopping.is_set():
            try:
                with socket.create_connection(self.address, timeout=self.timeout) as connection:
                    stream = connection.makefile("r", encoding="utf-8", errors="replace")
                    self._log_in(connection, stream)
                    backoff = self.first_backoff
                    log.info("AMI: logged in to %s:%s", *self.address)
                    self._pump(stream)
                log.warning("AMI: connection closed by %s:%s", *self.address)
            except (OSError, ConnectionError, PermissionError) as error:
                log.warning("AMI: %s; reconnecting in %.1f s", error, backoff)
            if self.stopping.wait(backoff):
                break
            backoff = min(backoff * 2, self.max_backoff)

    def _log_in(self, connection: socket.socket, stream) -> None:
        action = (
            "Action: Login\r\n"
            f"Username: {self.username}\r\n"
            f"Secret: {self.secret}\r\n"
            "Events: call,agent,user\r\n"
            "ActionID: civicdesk-login\r\n\r\n"
        )
        connection.sendall(action.encode())
        for message in parse_events(self._lines(stream)):
            if message.get("ActionID") == "civicdesk-login":
                if message.get("Response") != "Success":
                    raise PermissionError(message.get("Message", "AMI login refused"))
                return
        raise ConnectionError("AMI closed the connection during login")

    def _lines(self, stream) -> Iterator[str]:
        while not self.stopping.is_set():
            try:
                line = stream.readline()
            except TimeoutError:
                continue  # an idle switchboard at night; keep listening
            if not line:
                return
            yield line

    def _pump(self, stream) -> None:
        for event in parse_events(self._lines(stream)):
            if "Event" not in event:
                continue
            for report in self.translator.translate(event):
                try:
                    self.deliver(report)
                except DomainError as error:
                    log.warning("AMI: %s %s refused: %s", report.kind, report.call_id, error)

"""An SMS gateway for tests, playing the operator over real HTTP (docs/sms.md).

It takes messages as the adapter sends them (POST /messages with the bearer key), records them
and answers with its id; a repeat with the same reference gets the first id, as a real gateway
deduplicates on it. It can be stopped and started on the same port (the gateway is down), told
to answer the next sends with an error, and it posts signed delivery reports and inbound
messages to the application's webhooks, the way the operator would.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from civicdesk.sms.gateway import SIGNATURE_HEADER, sign
from civicdesk.testing.smtp import free_port


@dataclass
class Sent:
    id: str
    to: str
    sender: str
    text: str
    reference: str


API_KEY = "test-gateway-key"
WEBHOOK_SECRET = "test-webhook-secret"  # noqa: S105 (a test's)


class SmsGateway:
    def __init__(self, *, api_key: str = API_KEY, secret: str = WEBHOOK_SECRET):
        self.api_key = api_key
        self.secret = secret
        self.port = free_port()
        self.sent: list[Sent] = []
        self.requests = 0  # every send request, refused or not
        self._failures: list[int] = []  # statuses to answer the next sends with
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/messages"

    def start(self) -> None:
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status, answer = gateway._take(self.path, self.headers, body)
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):  # quiet
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def fail_next(self, *statuses: int) -> None:
        """Answer the next sends with these HTTP statuses, one each."""
        with self._lock:
            self._failures.extend(statuses)

    def _take(self, path, headers, body: bytes) -> tuple[int, dict]:
        with self._lock:
            self.requests += 1
            if path != "/messages":
                return 404, {"detail": "no such endpoint"}
            if headers.get("Authorization") != f"Bearer {self.api_key}":
                return 401, {"detail": "bad key"}
            if self._failures:
                return self._failures.pop(0), {"detail": "refused as the test asked"}
            try:
                message = json.loads(body)
                fields = [message[name] for name in ("to", "from", "text", "reference")]
            except (ValueError, KeyError, TypeError):
                return 400, {"detail": "bad request"}
            earlier = next((s for s in self.sent if s.reference == message["reference"]), None)
            if earlier is not None:
                return 200, {"id": earlier.id}
            sent = Sent(f"gw-{next(self._ids)}", *fields)
            self.sent.append(sent)
            return 201, {"id": sent.id}

    # --- the operator calls the application --------------------------------------------------

    def post(self, url: str, payload: dict, *, secret: str | None = None, timestamp=None):
        """Posts a signed JSON body; returns (status, parsed answer)."""
        body = json.dumps(payload).encode()
        request = urllib.request.Request(  # noqa: S310 (the test's live server)
            url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json",
                SIGNATURE_HEADER: sign(secret or self.secret, body, timestamp=timestamp),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")

    def report(self, base_url: str, sent: Sent, status: str, error: str = ""):
        return self.post(
            f"{base_url}/sms/webhooks/status/",
            {"id": sent.id, "reference": sent.reference, "status": status, "error": error},
        )

    def deliver_inbound(self, base_url: str, *, id: str, sender: str, to: str, text: str):
        return self.post(
            f"{base_url}/sms/webhooks/inbound/",
            {"id": id, "from": sender, "to": to, "text": text},
        )


@contextlib.contextmanager
def running_gateway(settings):
    """A started gateway with the settings (pytest-django's fixture) pointing at it."""
    gateway = SmsGateway()
    gateway.start()
    settings.CIVICDESK_SMS_GATEWAY_URL = gateway.url
    settings.CIVICDESK_SMS_GATEWAY_API_KEY = gateway.api_key
    settings.CIVICDESK_SMS_GATEWAY_WEBHOOK_SECRET = gateway.secret
    settings.CIVICDESK_SMS_GATEWAY_TIMEOUT = 2
    try:
        yield gateway
    finally:
        gateway.stop()

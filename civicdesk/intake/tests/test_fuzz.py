"""Property-based: random bytes and mutated corpus messages never raise and always end in
exactly one place, a contact on a case or a quarantined row."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civicdesk.intake.models import InboundMessage, QuarantinedMessage
from civicdesk.intake.services import receive_message
from civicdesk.intake.tests.conftest import CORPUS
from civicdesk.testing import factories

pytestmark = pytest.mark.django_db

SEEDS = [
    path.read_bytes()
    for path in sorted(CORPUS.glob("*.eml"))
    if path.stat().st_size < 64 * 1024  # the large ones only slow the search down
]

FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@st.composite
def mutated(draw) -> bytes:
    raw = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "duplicate", "swap_lines"]))
        at = draw(st.integers(0, max(len(raw) - 1, 0)))
        if kind == "flip" and raw:
            raw[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            raw = raw[:at] + raw[at + draw(st.integers(1, 200)) :]
        elif kind == "insert":
            raw[at:at] = draw(
                st.sampled_from(
                    [
                        b"\r\n",
                        b"\r\n\r\n",
                        b"--",
                        b"=?utf-8?q?=C3=28?=",
                        b'; boundary="',
                        b"Content-Transfer-Encoding: base64\r\n",
                        b"Content-Type: multipart/mixed\r\n",
                        b"\x00\xff\xfe",
                        b"<",
                        b"@",
                    ]
                )
            )
        elif kind == "duplicate":
            raw[at:at] = raw[at : at + draw(st.integers(1, 400))]
        else:
            lines = bytes(raw).split(b"\n")
            draw(st.randoms(use_true_random=False)).shuffle(lines)
            raw = bytearray(b"\n".join(lines))
    return bytes(raw)


def _ends_in_one_place(mailbox, raw: bytes) -> None:
    before = InboundMessage.objects.count() + QuarantinedMessage.objects.count()
    result = receive_message(mailbox=mailbox, raw=raw, source="imap")
    assert isinstance(result, InboundMessage | QuarantinedMessage)
    after = InboundMessage.objects.count() + QuarantinedMessage.objects.count()
    assert after - before == (0 if getattr(result, "duplicate", False) else 1)
    if isinstance(result, InboundMessage):
        assert result.case_id is not None and result.event.case_id == result.case_id
    else:
        assert result.reason and bytes(result.raw) == raw


@pytest.fixture
def fuzz_mailbox(db):
    organisation = factories.OrganisationFactory(reference_prefix="FUZ")
    return factories.MailboxFactory(organisation=organisation, address="kontakt@kommun.example")


@FUZZ
@given(raw=st.binary(max_size=4096))
def test_random_bytes_never_raise(fuzz_mailbox, raw):
    _ends_in_one_place(fuzz_mailbox, raw)


@FUZZ
@given(raw=mutated())
def test_mutated_corpus_messages_never_raise(fuzz_mailbox, raw):
    _ends_in_one_place(fuzz_mailbox, raw)


@FUZZ
@given(
    subject=st.text(max_size=400),
    sender=st.text(max_size=80),
    body=st.text(max_size=2000),
    charset=st.sampled_from(["utf-8", "iso-8859-2", "windows-1252", "iso-8859-1", "bogus"]),
)
def test_odd_headers_and_charsets_never_raise(fuzz_mailbox, subject, sender, body, charset):
    head = f"From: {sender} <a@b.example>\r\nSubject: {subject}\r\n".encode("utf-8", "replace")
    raw = (
        head
        + f"Content-Type: text/plain; charset={charset}\r\n\r\n".encode()
        + body.encode("utf-8", "surrogatepass")
    )
    _ends_in_one_place(fuzz_mailbox, raw)

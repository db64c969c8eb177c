"""Fixtures of the intake tests: a mailbox of a fresh organisation and a way to write mail."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

import pytest
from django.utils import timezone

from civicdesk.testing import factories

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture
def mailbox(db):
    organisation = factories.OrganisationFactory(reference_prefix="SKE")
    return factories.MailboxFactory(organisation=organisation, address="kontakt@kommun.example")


def build_mail(
    *,
    subject: str = "Fråga om bygglov",
    body: str = "Hej! Hur lång är handläggningstiden för bygglov?",
    sender: str = "Anna Svensson <anna@medborgare.example>",
    to: str = "kontakt@kommun.example",
    message_id: str | None = "",
    headers: dict[str, str] | None = None,
    html: str | None = None,
) -> bytes:
    """A small, well-formed message; message_id '' makes a fresh one, None leaves it out."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(timezone.now())
    if message_id is not None:
        message["Message-ID"] = message_id or make_msgid(domain="medborgare.example")
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body)
    if html is not None:
        message.add_alternative(html, subtype="html")
    return bytes(message)

"""The mail sources: the MTA pipe command and the gateway endpoint."""

from __future__ import annotations

import io
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import OperationalError

from civicdesk.cases.models import Case
from civicdesk.intake.models import InboundMessage, QuarantinedMessage
from civicdesk.intake.tests.conftest import build_mail
from civicdesk.org.choices import Role
from civicdesk.org.services import channel_service_user, create_api_token
from civicdesk.testing import factories

pytestmark = pytest.mark.django_db


class Stdin(io.TextIOWrapper):
    """Standard input with the bytes behind it, as sys.stdin is."""


def stdin_of(raw: bytes):
    return Stdin(io.BytesIO(raw), encoding="utf-8")


def pipe(raw: bytes, address: str = "kontakt@kommun.example") -> int:
    out = io.StringIO()
    try:
        call_command("receive_email", mailbox=address, stdin=stdin_of(raw), stdout=out)
    except SystemExit as exit_:
        return exit_.code
    return 0


def test_the_pipe_receives_a_message_onto_a_case(mailbox):
    assert pipe(build_mail()) == 0
    message = InboundMessage.objects.get()
    assert message.source == "pipe" and message.case is not None


def test_the_pipe_accepts_what_goes_to_quarantine_and_a_duplicate(mailbox):
    raw = b"Subject: no sender\r\n\r\nhello\r\n"
    assert pipe(raw) == 0
    assert pipe(raw) == 0
    assert QuarantinedMessage.objects.count() == 1


def test_the_pipe_says_unknown_mailbox_and_tempfail(mailbox):
    assert pipe(build_mail(), address="nobody@kommun.example") == 67
    with mock.patch(
        "civicdesk.intake.management.commands.receive_email.receive_message",
        side_effect=OperationalError("database is locked"),
    ):
        assert pipe(build_mail()) == 75
    assert pipe(b"") == 64
    assert not InboundMessage.objects.exists()


def token_for(user) -> str:
    admin = factories.UserFactory(organisation=user.organisation, roles=[Role.ADMINISTRATOR])
    return create_api_token(actor=admin, user=user, name="gateway")[1]


def post(client, mailbox, raw: bytes, token: str, **extra):
    return client.post(
        f"/api/v1/mail/mailboxes/{mailbox.pk}/messages",
        data=raw,
        content_type="message/rfc822",
        headers={"Authorization": f"Bearer {token}"},
        **extra,
    )


def test_the_gateway_posts_a_message_with_the_channel_accounts_token(client, mailbox):
    token = token_for(channel_service_user(mailbox.organisation, "email"))
    response = post(client, mailbox, build_mail(), token)
    assert response.status_code == 201, response.content
    body = response.json()
    case = Case.objects.get()
    assert body["outcome"] == "case" and body["case_reference"] == case.reference
    assert not body["duplicate"] and body["threaded_by"] == "new"
    again = post(
        client, mailbox, build_mail(message_id=InboundMessage.objects.get().message_id), token
    )
    assert again.status_code == 200 and again.json()["duplicate"]


def test_the_gateway_reports_quarantine(client, mailbox):
    token = token_for(
        factories.UserFactory(organisation=mailbox.organisation, roles=["administrator"])
    )
    response = post(client, mailbox, b"Subject: x\r\n\r\nno sender\r\n", token)
    assert response.status_code == 201
    assert response.json()["outcome"] == "quarantine"
    assert response.json()["reason"] == "no_sender"


def test_the_gateway_refuses_agents_other_organisations_and_large_bodies(client, mailbox, settings):
    agent = factories.UserFactory(organisation=mailbox.organisation, roles=["general_agent"])
    assert post(client, mailbox, build_mail(), token_for(agent)).status_code == 403
    stranger = factories.UserFactory(roles=["administrator"])
    response = post(client, mailbox, build_mail(), token_for(stranger))
    assert response.status_code == 404 and response.json()["detail"]
    other_channel = channel_service_user(factories.OrganisationFactory(), "email")
    assert post(client, mailbox, build_mail(), token_for(other_channel)).status_code == 404
    settings.CIVICDESK_MAIL_MAX_BYTES = 100
    admin = factories.UserFactory(organisation=mailbox.organisation, roles=["administrator"])
    response = post(client, mailbox, build_mail(), token_for(admin))
    assert response.status_code == 413 and "at most 100" in response.json()["detail"]
    assert not InboundMessage.objects.exists() and not QuarantinedMessage.objects.exists()
    unauthenticated = client.post(
        f"/api/v1/mail/mailboxes/{mailbox.pk}/messages", data=b"x", content_type="message/rfc822"
    )
    assert unauthenticated.status_code == 401


def test_the_gateway_documents_the_raw_body(client):
    schema = client.get("/api/openapi.json").json()
    operation = schema["paths"]["/api/v1/mail/mailboxes/{mailbox_id}/messages"]
    post_ = operation["post"]
    assert "message/rfc822" in post_["requestBody"]["content"]
    assert {200, 201, 403, 404, 413} <= {int(code) for code in post_["responses"]}

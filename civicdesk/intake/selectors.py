"""Reads of received mail: always through the actor, except the lookups the mail sources make
before anyone is involved (a mailbox by its address)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

from civicdesk.cases.models import CaseAttachment
from civicdesk.core import authz
from civicdesk.core.errors import NotFound
from civicdesk.core.selectors import get_for_actor
from civicdesk.intake.models import InboundMessage, Mailbox, QuarantinedMessage
from civicdesk.org.models import User


def mailbox_by_address(address: str) -> Mailbox | None:
    """The active mailbox an MTA delivers to; an address is unique within an organisation, so
    one shared by two organisations is ambiguous and matches neither."""
    found = list(
        Mailbox.objects.filter(
            address__iexact=(address or "").strip(), is_active=True
        ).select_related("organisation", "default_case_type", "answer_group")[:2]
    )
    return found[0] if len(found) == 1 else None


def get_mailbox(actor: User, mailbox_id) -> Mailbox:
    return get_for_actor(
        Mailbox.objects.for_actor(actor).select_related(
            "organisation", "default_case_type", "answer_group"
        ),
        mailbox_id,
    )


def messages_by_event(event_ids: Iterable[int]) -> dict[int, int]:
    """{case event id: received message id} for the events that brought a message, in one
    query; the caller has fetched the events through the actor."""
    ids = [pk for pk in event_ids if pk is not None]
    if not ids:
        return {}
    return dict(InboundMessage.objects.filter(event_id__in=ids).values_list("event_id", "pk"))


def get_message(actor: User, message_id) -> InboundMessage:
    """A received message, for whoever may see its case; a 404 for everybody else."""
    message = get_for_actor(
        InboundMessage.objects.for_actor(actor).select_related("case", "mailbox", "event"),
        message_id,
    )
    if not authz.can(actor, "intake.view_message", message):
        raise NotFound()
    return message


def message_attachments(message: InboundMessage) -> list[CaseAttachment]:
    if message.event_id is None:
        return []
    return list(
        CaseAttachment.objects.filter(event_id=message.event_id).defer("content").order_by("pk")
    )


def quarantine(actor: User, *, resolved: bool = False) -> QuerySet[QuarantinedMessage]:
    """The organisation's quarantine for its administrators, newest first, without the raw
    bytes (listed, not read)."""
    authz.require(actor, "intake.manage_quarantine")
    return (
        QuarantinedMessage.objects.for_actor(actor)
        .filter(resolved_at__isnull=not resolved)
        .defer("raw")
        .select_related("mailbox", "resolved_by")
        .order_by("-received_at", "-pk")
    )


def get_quarantined(actor: User, quarantined_id) -> QuarantinedMessage:
    """One quarantined message: 404 for another organisation's, 403 for a non-administrator."""
    item = get_for_actor(
        QuarantinedMessage.objects.for_actor(actor).select_related("mailbox", "released_as"),
        quarantined_id,
    )
    authz.require(actor, "intake.manage_quarantine", item)
    return item

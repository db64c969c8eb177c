"""E-mail about cases, queued in the outbox inside the caller's transaction.

A confidential case's message names only its reference and links to it: whoever reads the
recipient's mailbox learns nothing of the matter.
"""

from __future__ import annotations

import zoneinfo

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from civicdesk.integrations.mail import queue_email


def case_url(case) -> str:
    return settings.SITE_URL + reverse("cases:detail", args=[case.pk])


def _language_of(user, case) -> str:
    return user.ui_language or case.organisation.default_language


def _send(*, template: str, dedupe_key: str, recipient, case, context: dict) -> None:
    if not recipient.email or not recipient.is_active:
        return
    with (
        translation.override(_language_of(recipient, case)),
        timezone.override(zoneinfo.ZoneInfo(case.organisation.timezone)),
    ):
        context = {
            **context,
            "case": case,
            "recipient": recipient,
            "url": case_url(case),
            "confidential": case.is_confidential,
        }
        subject = render_to_string(f"cases/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"cases/email/{template}.txt", context)
    queue_email(
        dedupe_key=f"{dedupe_key}:{recipient.pk}",
        organisation_id=case.organisation_id,
        to=[recipient.email],
        subject=" ".join(subject.split()),
        body_text=body,
        reply_to=[context["group"].email]
        if context.get("group") and context["group"].email
        else (),
        headers={"X-Civicdesk-Case": case.reference},
    )


def case_forwarded(*, case, group, actor, reason: str) -> None:
    members = group.members.filter(is_active=True).exclude(pk=actor.pk)
    for member in members:
        _send(
            template="forwarded",
            dedupe_key=f"case:{case.pk}:forwarded:{case.forward_count}",
            recipient=member,
            case=case,
            context={"group": group, "actor": actor, "reason": reason},
        )


def case_assigned(*, case, handler, actor) -> None:
    if handler.pk == actor.pk:
        return
    _send(
        template="assigned",
        dedupe_key=f"case:{case.pk}:assigned:{case.events.count()}",
        recipient=handler,
        case=case,
        context={"group": case.answer_group, "actor": actor},
    )


def alarm_fired(*, alarm, recipient) -> None:
    case = alarm.case
    _send(
        template="alarm",
        dedupe_key=f"alarm:{alarm.pk}",
        recipient=recipient,
        case=case,
        context={"alarm": alarm, "is_handler": recipient.pk == case.handler_id},
    )

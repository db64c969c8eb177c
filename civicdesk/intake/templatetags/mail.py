"""The case timeline's link to a received e-mail message (cases/detail.html)."""

from __future__ import annotations

from django import template

from civicdesk.intake.selectors import messages_by_event

register = template.Library()


@register.filter
def with_mail_messages(events):
    """The timeline's events, each with `mail_message_id` when an e-mail brought it: one query
    for the whole timeline. The events were read through the actor, and so were their cases."""
    events = list(events)
    found = messages_by_event(event.pk for event in events if event.kind == "contact")
    for event in events:
        event.mail_message_id = found.get(event.pk)
    return events

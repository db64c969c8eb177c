"""What a call's events say about it, whatever order they arrived in.

The phone system may repeat an event or send `ended` before `answered`; the call's summary is
therefore never updated step by step but folded again from all its events, sorted by when they
happened. docs/telephony.md defines each field; reports (reporting.figures) rely on them.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Protocol

from django.utils.translation import gettext as _

from civicdesk.core.errors import DomainError
from civicdesk.telephony.models import CallEventKind, CallState

# Events of one moment in the order a call lives through them.
_LIFE_ORDER = {
    CallEventKind.OFFERED: 0,
    CallEventKind.ANSWERED: 1,
    CallEventKind.TRANSFERRED: 2,
    CallEventKind.ABANDONED: 3,
    CallEventKind.ENDED: 4,
}
DETAILS = ("caller_number", "called_number", "ivr_choice", "queue")


class Event(Protocol):
    kind: str
    at: datetime.datetime
    agent_id: int | None
    details: dict


def _seconds(start: datetime.datetime, end: datetime.datetime) -> int:
    return round((end - start).total_seconds())


def fold(events: Iterable[Event]) -> dict:
    """The Call fields that the events determine. Raises DomainError when they contradict each
    other in time (answered before offered, ended before answered)."""
    ordered = sorted(events, key=lambda event: (event.at, _LIFE_ORDER[event.kind]))
    if not ordered:
        raise ValueError("A call without events has nothing to fold.")

    def times(kind: str) -> list[datetime.datetime]:
        return [event.at for event in ordered if event.kind == kind]

    offered, answered = times(CallEventKind.OFFERED), times(CallEventKind.ANSWERED)
    abandoned, ended = times(CallEventKind.ABANDONED), times(CallEventKind.ENDED)
    answered_at = answered[0] if answered else None
    # A caller who hangs up after being answered (say while transferred to a second queue)
    # ended an answered call; only a call never answered is abandoned.
    abandoned_at = abandoned[0] if abandoned and answered_at is None else None
    # The first end reported is the end of the conversation (Asterisk reports the agent's
    # leg completing, then the caller's channel hanging up, perhaps after a survey).
    ends = ended + (abandoned if answered_at is not None else [])
    ended_at = min(ends) if ends else abandoned_at

    if answered_at is not None:
        state = CallState.ENDED if ended_at is not None else CallState.ANSWERED
    elif abandoned_at is not None:
        state = CallState.ABANDONED
    else:
        state = CallState.ENDED if ended_at is not None else CallState.OFFERED

    offered_at = offered[0] if offered else ordered[0].at
    wait_end = answered_at or abandoned_at or ended_at
    if offered and wait_end is not None and wait_end < offered_at:
        raise DomainError(
            _("The call would have left the queue before it was offered: check the times."),
            field="timestamp",
            code="negative_time",
        )
    if answered_at is not None and ended_at is not None and ended_at < answered_at:
        raise DomainError(
            _("The call would have ended before it was answered: check the times."),
            field="timestamp",
            code="negative_time",
        )
    first_answer = next((e for e in ordered if e.kind == CallEventKind.ANSWERED), None)
    summary = {
        "state": state,
        "offered_at": offered_at,
        "answered_at": answered_at,
        "abandoned_at": abandoned_at,
        "ended_at": ended_at,
        # Unknown (None) unless the phone system said when the call was offered.
        "wait_seconds": _seconds(offered_at, wait_end) if offered and wait_end else None,
        "talk_seconds": _seconds(answered_at, ended_at) if answered_at and ended_at else None,
        "transfer_count": len(times(CallEventKind.TRANSFERRED)),
        "agent_id": first_answer.agent_id if first_answer else None,
    }
    for name in DETAILS:
        summary[name] = next((e.details[name] for e in ordered if e.details.get(name)), "")
    return summary

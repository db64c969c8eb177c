from __future__ import annotations

import datetime

from ninja import Field, Schema

from civicdesk.telephony.models import CallEventKind, CallState


class CallEventIn(Schema):
    kind: CallEventKind
    call_id: str = Field(
        ..., min_length=1, max_length=120, description="The phone system's id of the call"
    )
    timestamp: datetime.datetime = Field(..., description="When it happened, with a time zone")
    caller_number: str = Field("", max_length=40)
    called_number: str = Field("", max_length=40)
    ivr_choice: str = Field("", max_length=60, description="The IVR option the caller chose")
    queue: str = Field("", max_length=60)
    agent: str = Field(
        "",
        max_length=150,
        description="The agent's extension (as registered in civicdesk) or user name; "
        "required for `answered`",
    )
    target: str = Field(
        "",
        max_length=150,
        description="Where a call was transferred: an agent's extension or user name (who "
        "then gets the screen pop), a queue or a number; required for `transferred`",
    )


class CallOut(Schema):
    id: int
    external_id: str
    state: CallState
    caller_number: str
    called_number: str
    ivr_choice: str
    queue: str
    offered_at: datetime.datetime
    answered_at: datetime.datetime | None
    ended_at: datetime.datetime | None
    abandoned_at: datetime.datetime | None
    wait_seconds: int | None
    talk_seconds: int | None
    transfer_count: int
    agent_id: int | None
    customer_id: int | None
    case_id: int | None
    contact_id: int | None


class CallEventOut(Schema):
    recorded: bool = Field(..., description="False when the same event was reported before")
    call: CallOut

from __future__ import annotations

from typing import Literal

from ninja import Field, Schema


class ReceivedOut(Schema):
    """What became of a message posted by a mail gateway."""

    outcome: Literal["case", "quarantine"] = Field(
        description="On a case as a contact, or kept in quarantine for an administrator."
    )
    duplicate: bool = Field(description="The same message was received before; nothing new.")
    message_id: int | None = Field(None, description="The received message, when on a case.")
    case_id: int | None = None
    case_reference: str | None = None
    threaded_by: str | None = Field(None, description="subject, headers, new or follow_up")
    is_automatic: bool = Field(False, description="An auto-reply, bounce or loop.")
    quarantine_id: int | None = None
    reason: str | None = Field(None, description="Why it is in quarantine.")

from __future__ import annotations

import datetime

from ninja import Field, Schema

from civicdesk.cases.choices import Channel, Direction, EventKind, Outcome, Priority, Status


class CaseOut(Schema):
    id: int
    reference: str
    channel: Channel
    case_type_id: int
    case_type: str
    topic_id: int | None
    department_id: int
    rosa_tier: str
    handled_by_centre: bool
    customer_id: int | None
    subject: str
    description: str
    status: Status
    priority: Priority
    answer_group_id: int | None
    handler_id: int | None
    is_confidential: bool
    registered_at: datetime.datetime
    first_response_at: datetime.datetime | None
    forwarded_at: datetime.datetime | None
    feedback_due_at: datetime.datetime | None
    department_contacted_at: datetime.datetime | None
    resolved_at: datetime.datetime | None
    closed_at: datetime.datetime | None
    outcome: Outcome | None
    contact_count: int
    handle_seconds: int

    @staticmethod
    def resolve_case_type(obj) -> str:
        return obj.case_type.name

    @staticmethod
    def resolve_outcome(obj) -> str | None:
        return obj.outcome or None


class CaseListItem(Schema):
    id: int
    reference: str
    subject: str
    status: Status
    channel: Channel
    case_type_id: int
    answer_group_id: int | None
    handler_id: int | None
    is_confidential: bool
    registered_at: datetime.datetime
    feedback_due_at: datetime.datetime | None
    snippet: str | None = Field(None, description="Matching words marked with <mark>")


class EventOut(Schema):
    id: int
    kind: EventKind
    actor: str | None
    at: datetime.datetime
    text: str
    data: dict
    corrects_id: int | None

    @staticmethod
    def resolve_actor(obj) -> str | None:
        return obj.actor.username if obj.actor else None


class RegisterContactIn(Schema):
    channel: Channel
    case_type_id: int
    subject: str = Field("", max_length=200, description="Defaults to the case type's name")
    description: str = ""
    customer_id: int | None = None
    direction: Direction = Direction.INBOUND
    duration_seconds: int = Field(0, ge=0)
    summary: str = ""
    priority: Priority = Priority.NORMAL
    service_point_id: int | None = None
    append_to_case_id: int | None = Field(
        None, description="Log the contact on this open case instead of opening a new one"
    )


class ContactIn(Schema):
    channel: Channel
    direction: Direction = Direction.OUTBOUND
    duration_seconds: int = Field(0, ge=0)
    summary: str = ""


class NoteIn(Schema):
    text: str


class ForwardIn(Schema):
    group_id: int
    reason: str


class ReasonIn(Schema):
    reason: str


class ResolveIn(Schema):
    resolution: str
    withdrawn: bool = False


class AssignIn(Schema):
    handler_id: int


class CaseTypeIn(Schema):
    case_type_id: int


class ConfidentialityIn(Schema):
    confidential: bool
    reason: str


class CorrectionIn(Schema):
    event_id: int
    text: str


class CaseFilter(Schema):
    q: str = Field("", description="Free text in subject, description and notes")
    reference: str = ""
    customer_id: int | None = None
    case_type_id: int | None = None
    status: str = Field("", description="A status, or 'open' for every open status")
    group_id: int | None = None
    channel: str = ""
    registered_from: datetime.date | None = None
    registered_to: datetime.date | None = None
    list: str = Field(
        "", description="A work list: mine, groups, department, overdue, unassigned, incoming"
    )
    limit: int = Field(25, ge=1, le=200)
    offset: int = Field(0, ge=0)


class CasePageOut(Schema):
    items: list[CaseListItem]
    has_more: bool

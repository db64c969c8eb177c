"""What the workers of `generate_data --cases` get and give back: plain values, cheap to
pickle. A Batch names the organisations (Desk) and a range of the run's cases; the worker
returns one CaseRow per case with its contacts, timeline events and alarms, and the writing
process adds the ids and reference numbers (case_writing.py). Times are Unix seconds, except
deadlines, which keep the exact datetimes the deadline functions computed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class CaseTypeProfile:
    id: int
    code: str
    names: tuple[tuple[str, str], ...]  # (language, name)
    topic_id: int | None
    department_id: int
    rosa_tier: str
    handled_by_centre: bool
    confidential: bool
    group_id: int | None

    def name(self, language: str) -> str:
        return dict(self.names)[language]


@dataclass(frozen=True)
class Desk:
    """A generated organisation as the workers need it: plain values, cheap to pickle."""

    organisation_id: int
    country: str
    language: str
    timezone: str
    case_types: tuple[CaseTypeProfile, ...]
    general_agents: tuple[int, ...]
    specialists: tuple[int, ...]
    group_members: tuple[tuple[int, tuple[int, ...]], ...]  # (group, members serving customers)
    lead_id: int | None
    service_point_id: int | None  # where visits and remote meetings are registered
    customers: int  # the register's size; rows name a customer by rank, the writer maps it


@dataclass(frozen=True)
class Batch:
    start: int  # the run's index of the batch's first case
    size: int
    seed: int
    until: int  # Unix seconds, a whole hour: "now" for the generated data
    desks: tuple[Desk, ...]
    first_desk: int  # the desk of the run's first case: the run continues the round robin
    run_size: int  # cases in the whole run


class Contact(NamedTuple):
    channel: str
    direction: str
    at: int
    duration: int
    summary: str
    agent_id: int | None
    by_department: bool


class Event(NamedTuple):
    kind: str
    actor_id: int | None
    at: int
    text: str
    data: dict
    contact: int | None  # index into the case's contacts


class Alarm(NamedTuple):
    deadline: str
    level: str
    due_at: datetime.datetime
    fire_at: datetime.datetime
    fired_at: datetime.datetime | None  # and told at once: notified_at is the same


class CaseRow(NamedTuple):
    desk: int
    registered_at: int
    year: int  # in the organisation's time zone, for the reference
    channel: str
    case_type: int  # index into the desk's case types
    customer_rank: int  # -1: anonymous
    subject: str
    description: str
    status: str
    priority: str
    answer_group_id: int | None
    handler_id: int | None
    service_point_id: int | None
    is_confidential: bool
    registered_by_id: int | None
    first_response_at: int | None
    first_response_due_at: datetime.datetime | None  # deadlines: exactly as computed
    resolution_due_at: datetime.datetime | None
    waiting_since: datetime.datetime | None
    forwarded_at: int | None
    feedback_due_at: datetime.datetime | None
    department_contacted_at: int | None
    resolved_at: int | None
    outcome: str
    forward_count: int
    contacts: tuple[Contact, ...]
    events: tuple[Event, ...]
    alarms: tuple[Alarm, ...]

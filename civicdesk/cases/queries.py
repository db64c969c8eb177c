"""What a case search asks for and what it answers, shared by the selectors and the search."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from civicdesk.cases.models import Case
from civicdesk.core.periods import local_days


@dataclass
class CaseQuery:
    text: str = ""
    reference: str = ""
    customer_id: int | None = None
    case_type_id: int | None = None
    status: str = ""  # a status, or "open" for every open one
    answer_group_id: int | None = None
    channel: str = ""
    registered_from: datetime.date | None = None
    registered_to: datetime.date | None = None
    # Narrowing a report's figure down to its cases (reporting drills down through search).
    department_id: int | None = None
    service_point_id: int | None = None
    registered_by_id: int | None = None
    registered_hour: int | None = None  # 0-23, the organisation's local hour
    limit: int = 25
    offset: int = 0


@dataclass
class CasePage:
    cases: list[Case]
    has_more: bool
    snippets: dict[int, str]


def registration_window(
    timezone_name: str, query: CaseQuery
) -> tuple[datetime.datetime, datetime.datetime]:
    """The query's dates as an instant range [start, end) in the organisation's time zone, so
    the registered_at index serves it (a __date lookup would not)."""
    first = query.registered_from or datetime.date(2000, 1, 1)
    last = query.registered_to or datetime.date(2999, 12, 31)
    return local_days(timezone_name, first, last)

"""A statement's content computed from service events and prices, before anything is saved.

Events are grouped into lines by event type and by the price in force on the event's day, so a
price that changes mid-month gives two lines for the type, each with the days its unit price
covered. An event without a type, or on a day without a price, goes to a flagged line with no
amount: the statement cannot be issued until it is fixed, and nothing is billed at zero by
accident. The fingerprint identifies the content, so producing a month again tells whether
anything changed.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field

from civicdesk.billing.choices import LineProblem
from civicdesk.billing.events import ServiceEvent
from civicdesk.billing.models import Price


@dataclass
class ComputedLine:
    event_type_id: int | None
    event_type_code: str
    price: Price | None
    problem: str
    first_day: datetime.date
    last_day: datetime.date
    events: list[ServiceEvent] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.events)

    @property
    def confidential_count(self) -> int:
        return sum(1 for event in self.events if event.is_confidential)

    @property
    def unit_cents(self) -> int | None:
        return self.price.amount_cents if self.price is not None else None

    @property
    def amount_cents(self) -> int | None:
        return None if self.price is None else self.count * self.price.amount_cents


@dataclass
class ComputedStatement:
    lines: list[ComputedLine]

    @property
    def event_count(self) -> int:
        return sum(line.count for line in self.lines)

    @property
    def confidential_count(self) -> int:
        return sum(line.confidential_count for line in self.lines)

    @property
    def flagged_count(self) -> int:
        return sum(line.count for line in self.lines if line.problem)

    @property
    def total_cents(self) -> int:
        return sum(line.amount_cents or 0 for line in self.lines)

    @property
    def fingerprint(self) -> str:
        content = [
            [
                line.event_type_id,
                line.price.pk if line.price else None,
                line.unit_cents,
                line.problem,
                line.first_day.isoformat(),
                line.last_day.isoformat(),
                sorted(event.contact_id for event in line.events),
                sorted(event.contact_id for event in line.events if event.is_confidential),
            ]
            for line in self.lines
        ]
        return hashlib.sha256(json.dumps(content).encode()).hexdigest()


def price_in_force(prices: list[Price], day: datetime.date) -> Price | None:
    return next((price for price in prices if price.covers(day)), None)


def compute(
    events: list[ServiceEvent],
    *,
    prices: dict[int, list[Price]],
    type_codes: dict[int, str],
    first_day: datetime.date,
    last_day: datetime.date,
) -> ComputedStatement:
    """The lines of one producer's and one point's events of the days first_day..last_day.

    `prices` maps an event type id to the producer's prices of that type."""
    groups: dict[tuple, list[ServiceEvent]] = defaultdict(list)
    for event in events:
        if event.event_type_id is None:
            groups[(None, None)].append(event)
            continue
        price = price_in_force(prices.get(event.event_type_id, []), event.day)
        groups[(event.event_type_id, price)].append(event)
    lines = []
    for (event_type_id, price), grouped in groups.items():
        days = [event.day for event in grouped]
        if price is not None:
            # The days of the month this unit price covered.
            line_first = max(price.valid_from, first_day)
            line_last = min(price.valid_to or last_day, last_day)
            problem = ""
        else:
            line_first, line_last = min(days), max(days)
            problem = LineProblem.NO_EVENT_TYPE if event_type_id is None else LineProblem.NO_PRICE
        lines.append(
            ComputedLine(
                event_type_id=event_type_id,
                event_type_code=type_codes.get(event_type_id, "") if event_type_id else "",
                price=price,
                problem=problem,
                first_day=line_first,
                last_day=line_last,
                events=sorted(grouped, key=lambda event: (event.occurred_at, event.contact_id)),
            )
        )
    # Flagged lines first, where the eye lands; then by type and days.
    lines.sort(key=lambda line: (not line.problem, line.event_type_code, line.first_day))
    return ComputedStatement(lines)

"""When generated contacts arrive: the last 18 months, shaped like a contact centre's week.

Every hour of the period gets a weight: phones ring on working days between 8 and 16:30 with
a peak at nine and a dip at lunch, Mondays busiest and Fridays calmest; e-mail and web forms
trickle in during evenings, weekends and public holidays; July is quiet, January busy, and
volume grows a little over the period. A case's registration time is the inverse of the
cumulative weight at a quantile, so times grow with the quantile: cases generated in index
order are in time order, and their reference numbers grow with their registration time.
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import zoneinfo
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from civicdesk.sla.working_time import public_holidays

SPAN_DAYS: Final = 548  # about 18 months
HOUR: Final = 3600
OPENING_HOURS: Final = range(8, 17)  # the phone line, local time

_WEEKDAY: Final = (1.25, 1.1, 1.0, 1.0, 0.85)  # Monday to Friday
_OPEN_HOUR: Final = {
    8: 0.8,
    9: 1.0,
    10: 0.95,
    11: 0.85,
    12: 0.6,
    13: 0.85,
    14: 0.8,
    15: 0.6,
    16: 0.3,
}
_MONTH: Final = (1.15, 1.05, 1.05, 1.0, 0.95, 0.85, 0.6, 0.9, 1.05, 1.05, 1.0, 0.8)
_GROWTH: Final = 0.2  # the last day has 20 % more contacts than the first


def _closed_hour(hour: int) -> float:
    """Written contacts outside opening hours: evenings more than nights."""
    if 7 <= hour < 22:
        return 0.05
    return 0.01


@dataclass(frozen=True)
class ContactCalendar:
    starts: tuple[int, ...]  # each hour's start, Unix seconds, ascending
    cumulative: tuple[float, ...]  # the weight up to and including each hour
    open: tuple[bool, ...]  # the phone line is open in that hour

    def moment(self, quantile: float) -> tuple[int, bool]:
        """(Unix seconds, line open) at this quantile (0 <= quantile < 1) of the weight."""
        target = quantile * self.cumulative[-1]
        slot = min(bisect.bisect_right(self.cumulative, target), len(self.starts) - 1)
        before = self.cumulative[slot - 1] if slot else 0.0
        within = (target - before) / (self.cumulative[slot] - before)
        return self.starts[slot] + int(within * HOUR), self.open[slot]


@lru_cache(maxsize=32)
def contact_calendar(*, timezone: str, country: str, until: int) -> ContactCalendar:
    """The SPAN_DAYS before `until` (Unix seconds, a whole hour) in the organisation's zone."""
    zone = zoneinfo.ZoneInfo(timezone)
    first = until - SPAN_DAYS * 24 * HOUR
    starts, weights, opened = [], [], []
    for start in range(first, until, HOUR):  # UTC hours: no repeated or missing local hour
        local = datetime.datetime.fromtimestamp(start, zone)
        working = local.weekday() < 5 and local.date() not in public_holidays(country, local.year)
        line_open = working and local.hour in OPENING_HOURS
        if line_open:
            weight = _WEEKDAY[local.weekday()] * _OPEN_HOUR[local.hour]
        else:
            weight = _closed_hour(local.hour)
        weight *= _MONTH[local.month - 1] * (1 + _GROWTH * (start - first) / (until - first))
        starts.append(start)
        weights.append(weight)
        opened.append(line_open)
    return ContactCalendar(tuple(starts), tuple(itertools.accumulate(weights)), tuple(opened))

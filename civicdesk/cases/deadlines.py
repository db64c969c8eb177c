"""The department's feedback deadline: three working days after forwarding.

Working days skip weekends and the public holidays of the organisation's country (with
Sweden's de facto holidays: Midsummer Eve, Christmas Eve, New Year's Eve). Opening hours,
local closures, per-type policies and the customer-wait pause belong to the SLA module.
"""

from __future__ import annotations

import datetime
import zoneinfo
from functools import lru_cache

import holidays

FEEDBACK_WORKING_DAYS = 3


@lru_cache(maxsize=16)
def _holidays(country: str, year: int) -> holidays.HolidayBase:
    categories = ("public", "de_facto") if country == "SE" else ("public",)
    return holidays.country_holidays(country, years=year, categories=categories)


def is_working_day(day: datetime.date, country: str) -> bool:
    return day.weekday() < 5 and day not in _holidays(country, day.year)


def add_working_days(
    start: datetime.datetime, days: int, *, country: str, timezone: str
) -> datetime.datetime:
    """The same local clock time `days` working days later, as an aware datetime."""
    zone = zoneinfo.ZoneInfo(timezone)
    local = start.astimezone(zone)
    day = local.date()
    remaining = days
    while remaining:
        day += datetime.timedelta(days=1)
        if is_working_day(day, country):
            remaining -= 1
    return datetime.datetime.combine(day, local.time().replace(tzinfo=None), tzinfo=zone)


def department_feedback_due(organisation, forwarded_at: datetime.datetime) -> datetime.datetime:
    return add_working_days(
        forwarded_at,
        FEEDBACK_WORKING_DAYS,
        country=organisation.country,
        timezone=organisation.timezone,
    )

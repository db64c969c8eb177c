"""Working-time arithmetic: deadlines that count only the hours a service is open.

Pure Python and fast (no database, no Django): the scheduler and the benchmarks compute
hundreds of thousands of deadlines. Times go in and out as aware datetimes; inside, each day is
handled in the calendar's local wall-clock time, so a deadline across the daylight-saving change
keeps its local clock time and the opening hours mean what the sign on the door says.
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import holidays

SUPPORTED_COUNTRIES = ("PL", "SE", "FI")
MINUTES_PER_DAY = 24 * 60
# Far enough to cover any policy; a calendar with no working day at all is refused earlier.
_SEARCH_LIMIT_DAYS = 3 * 366


class CalendarError(ValueError):
    """The calendar cannot produce working time (no opening hours, unknown country)."""


@lru_cache(maxsize=64)
def public_holidays(country: str, year: int) -> frozenset[datetime.date]:
    if country not in SUPPORTED_COUNTRIES:
        raise CalendarError(f"Unknown holiday country {country!r}; use one of PL, SE, FI.")
    # Sweden closes on Midsummer Eve, Christmas Eve and New Year's Eve, which the holidays
    # library files under "de facto"; they are working-time holidays for every Swedish office.
    categories = ("public", "de_facto") if country == "SE" else ("public",)
    return frozenset(holidays.country_holidays(country, years=year, categories=categories))


Interval = tuple[int, int]  # minutes after local midnight, [start, end)


@dataclass(frozen=True)
class WorkingCalendar:
    """Opening hours per weekday (0 = Monday), the country's holidays and local closures."""

    timezone: str
    weekly: Mapping[int, tuple[Interval, ...]]
    country: str | None = None
    closures: frozenset[datetime.date] = frozenset()
    _zone: zoneinfo.ZoneInfo = field(init=False, repr=False, compare=False)
    # Each day's opening intervals, worked out once: a deadline walks over the same few weeks
    # again and again, and a dict lookup is several times cheaper than the holiday checks.
    _days: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_zone", zoneinfo.ZoneInfo(self.timezone))
        object.__setattr__(self, "_days", {})
        if not any(self.weekly.get(day) for day in range(7)):
            raise CalendarError("The calendar has no opening hours on any weekday.")
        for day, intervals in self.weekly.items():
            if not 0 <= day <= 6:
                raise CalendarError(f"Weekday {day} is not between 0 (Monday) and 6 (Sunday).")
            previous_end = 0
            for start, end in intervals:
                if not 0 <= start < end <= MINUTES_PER_DAY or start < previous_end:
                    raise CalendarError(
                        "Opening hours must be ordered, non-overlapping times within one day."
                    )
                previous_end = end
        if self.country is not None:
            public_holidays(self.country, 2000)  # refuses an unknown country now, not later

    # --- days ---------------------------------------------------------------------------------

    def intervals_on(self, day: datetime.date) -> tuple[Interval, ...]:
        try:
            return self._days[day]
        except KeyError:
            pass
        closed = day in self.closures or (
            self.country is not None and day in public_holidays(self.country, day.year)
        )
        intervals = () if closed else tuple(self.weekly.get(day.weekday(), ()))
        self._days[day] = intervals
        return intervals

    def is_working_day(self, day: datetime.date) -> bool:
        return bool(self.intervals_on(day))

    # --- conversions --------------------------------------------------------------------------

    def _local(self, moment: datetime.datetime) -> tuple[datetime.date, int, float]:
        local = moment.astimezone(self._zone)
        seconds = local.second + local.microsecond / 1_000_000
        return local.date(), local.hour * 60 + local.minute, seconds

    def _instant(self, day: datetime.date, minute: float) -> datetime.datetime:
        whole = int(minute)
        seconds = round((minute - whole) * 60, 6)
        naive = datetime.datetime.combine(day, datetime.time.min) + datetime.timedelta(
            minutes=whole, seconds=seconds
        )
        return naive.replace(tzinfo=self._zone)

    # --- arithmetic ---------------------------------------------------------------------------

    def add_minutes(self, start: datetime.datetime, minutes: float) -> datetime.datetime:
        """The instant `minutes` of opening time after `start` (start itself may be closed)."""
        if minutes < 0:
            raise ValueError("Working time to add must not be negative.")
        day, minute, seconds = self._local(start)
        position = minute + seconds / 60
        remaining = float(minutes)
        for _offset in range(_SEARCH_LIMIT_DAYS):
            for opens, closes in self.intervals_on(day):
                if position >= closes:
                    continue
                begin = max(position, opens)
                available = closes - begin
                if remaining <= available:
                    return self._instant(day, begin + remaining)
                remaining -= available
            day += datetime.timedelta(days=1)
            position = 0.0
        raise CalendarError("No opening hours within three years of the start.")

    def subtract_minutes(self, end: datetime.datetime, minutes: float) -> datetime.datetime:
        """The instant `minutes` of opening time before `end`: "four working hours before"."""
        if minutes < 0:
            raise ValueError("Working time to subtract must not be negative.")
        day, minute, seconds = self._local(end)
        position = minute + seconds / 60
        remaining = float(minutes)
        for _offset in range(_SEARCH_LIMIT_DAYS):
            for opens, closes in reversed(self.intervals_on(day)):
                if position <= opens:
                    continue
                finish = min(position, closes)
                available = finish - opens
                if remaining <= available:
                    return self._instant(day, finish - remaining)
                remaining -= available
            day -= datetime.timedelta(days=1)
            position = float(MINUTES_PER_DAY)
        raise CalendarError("No opening hours within three years before the end.")

    def add_days(self, start: datetime.datetime, days: int) -> datetime.datetime:
        """The same local clock time `days` working days later: "within 3 working days".

        A start outside opening hours counts from the next opening, as a message that arrives
        at night is handled from the morning.
        """
        if days < 0:
            raise ValueError("Working days to add must not be negative.")
        day, minute, seconds = self._local(start)
        position = minute + seconds / 60
        intervals = self.intervals_on(day)
        if not intervals or position >= intervals[-1][1]:
            # Closed for the rest of the day: the clock starts at the next opening.
            day = self._next_working_day(day)
            position = self.intervals_on(day)[0][0]
        elif position < intervals[0][0]:
            position = intervals[0][0]
        for _counted in range(days):
            day = self._next_working_day(day)
        return self._instant(day, self._clamp(day, position))

    def _next_working_day(self, day: datetime.date) -> datetime.date:
        for _offset in range(_SEARCH_LIMIT_DAYS):
            day += datetime.timedelta(days=1)
            if self.intervals_on(day):
                return day
        raise CalendarError("No working day within three years.")

    def _clamp(self, day: datetime.date, position: float) -> float:
        """A clock time moved into the day's opening hours (Friday's may be shorter)."""
        intervals = self.intervals_on(day)
        for opens, closes in intervals:
            if position < opens:
                return opens
            if position <= closes:
                return position
        return intervals[-1][1]

    def minutes_between(self, start: datetime.datetime, end: datetime.datetime) -> float:
        """Opening time between two instants: how long a paused clock should be extended."""
        if end <= start:
            return 0.0
        first_day, first_minute, first_seconds = self._local(start)
        last_day, last_minute, last_seconds = self._local(end)
        begin = first_minute + first_seconds / 60
        finish = last_minute + last_seconds / 60
        total = 0.0
        day = first_day
        while day <= last_day:
            low = begin if day == first_day else 0.0
            high = finish if day == last_day else MINUTES_PER_DAY
            for opens, closes in self.intervals_on(day):
                overlap = min(closes, high) - max(opens, low)
                if overlap > 0:
                    total += overlap
            day += datetime.timedelta(days=1)
        return total


def weekly_hours(rows: Iterable[tuple[int, datetime.time, datetime.time]]) -> dict:
    """Opening-hour rows (weekday, opens, closes) as the engine's sorted minute intervals."""
    weekly: dict[int, list[Interval]] = {}
    for weekday, opens, closes in rows:
        weekly.setdefault(weekday, []).append(
            (opens.hour * 60 + opens.minute, closes.hour * 60 + closes.minute)
        )
    return {day: tuple(sorted(intervals)) for day, intervals in weekly.items()}


# Office hours when an organisation has configured none: Monday to Friday, 8:00 to 16:30.
DEFAULT_WEEKLY: Mapping[int, tuple[Interval, ...]] = {
    day: ((8 * 60, 16 * 60 + 30),) for day in range(5)
}

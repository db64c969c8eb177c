"""Contacts per hour forecast from history, with its back-tested error beside it.

The model is the one contact centres start from and most keep: the same hour of the same
weekday over the last weeks, averaged (weekday and hour seasonality), so that Monday 09:00
looks like the last Mondays at 09:00. Its error is measured, not assumed: each of the last
weeks is forecast from the weeks before it, as the model would have done then, and compared
with what came, as WAPE (the sum of absolute errors over the sum of actual contacts).

`staffing_plan` turns a forecast into agents per hour with Erlang C or A (reporting.erlang).

Times are local wall-clock hours of the organisation (`datetime` without time zone), so a
daylight-saving change does not move "Monday 09:00".
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from civicdesk.reporting.erlang import Queue, Staffing, agents_needed

HOURS = range(24)

Hour = datetime.datetime  # a local hour's start, naive


def hourly_counts(moments: Iterable[datetime.datetime], timezone) -> dict[Hour, int]:
    """Contacts per local hour from their aware timestamps."""
    counts: dict[Hour, int] = {}
    for moment in moments:
        local = moment.astimezone(timezone).replace(minute=0, second=0, microsecond=0)
        hour = local.replace(tzinfo=None)
        counts[hour] = counts.get(hour, 0) + 1
    return counts


def _day_hours(day: datetime.date) -> list[Hour]:
    return [datetime.datetime.combine(day, datetime.time(hour)) for hour in HOURS]


def forecast_days(
    history: Mapping[Hour, float], first_day: datetime.date, days: int = 7, *, weeks: int = 8
) -> dict[Hour, float]:
    """Expected contacts for each hour of `days` days from `first_day`: the mean of the same
    weekday and hour over the last `weeks` weeks before `first_day` that the history covers
    (an hour with no contacts in a covered week counts as zero)."""
    if days < 1:
        raise ValueError("Forecast at least one day.")
    if weeks < 1:
        raise ValueError("Average over at least one week of history.")
    known_days = {hour.date() for hour in history}
    first_known = min(known_days) if known_days else None
    forecast: dict[Hour, float] = {}
    for offset in range(days):
        day = first_day + datetime.timedelta(days=offset)
        # The same weekday in the weeks before the forecast starts, as far as history goes.
        back = offset // 7 + 1
        sources = [
            day - datetime.timedelta(weeks=back + w)
            for w in range(weeks)
            if first_known is not None
            and day - datetime.timedelta(weeks=back + w) >= first_known
            and day - datetime.timedelta(weeks=back + w) < first_day
        ]
        for hour in _day_hours(day):
            if not sources:
                forecast[hour] = 0.0
                continue
            total = sum(
                history.get(datetime.datetime.combine(source, hour.time()), 0) for source in sources
            )
            forecast[hour] = total / len(sources)
    return forecast


def wape(actual: Mapping[Hour, float], forecast: Mapping[Hour, float]) -> float | None:
    """Weighted absolute percentage error over the forecast's hours; None with no contacts."""
    hours = forecast.keys()
    volume = sum(actual.get(hour, 0) for hour in hours)
    if volume == 0:
        return None
    return sum(abs(actual.get(hour, 0) - forecast[hour]) for hour in hours) / volume


@dataclass(frozen=True)
class PlannedHour:
    hour: Hour
    contacts: float  # forecast
    staffing: Staffing | None  # None when nothing is expected


def staffing_plan(
    forecast: Mapping[Hour, float],
    *,
    handle_seconds: float,
    target: float,
    threshold_seconds: float = 120.0,
    shrinkage: float = 0.0,
    patience_seconds: float | None = None,
) -> list[PlannedHour]:
    """Agents per hour for the forecast: Erlang C, or Erlang A when callers' patience is
    given, reaching `target` within `threshold_seconds`, with `shrinkage` on top."""
    plan = []
    for hour in sorted(forecast):
        contacts = forecast[hour]
        staffing = None
        if contacts > 0:
            queue = Queue(
                contacts=contacts,
                interval_seconds=3600,
                handle_seconds=handle_seconds,
                threshold_seconds=threshold_seconds,
                patience_seconds=patience_seconds,
            )
            staffing = agents_needed(queue, target, shrinkage)
        plan.append(PlannedHour(hour, contacts, staffing))
    return plan


@dataclass(frozen=True)
class Backtest:
    wape: float | None  # over every tested week together
    weekly: list[tuple[datetime.date, float | None]]  # each tested week's first day and WAPE


def backtest(
    history: Mapping[Hour, float], last_day: datetime.date, *, tested_weeks: int = 4, weeks: int = 8
) -> Backtest:
    """The error the model would have made on each of the `tested_weeks` weeks ending with
    `last_day`, each forecast only from the history before it."""
    if tested_weeks < 1:
        raise ValueError("Test at least one week.")
    combined_actual: dict[Hour, float] = {}
    combined_forecast: dict[Hour, float] = {}
    weekly = []
    for index in range(tested_weeks, 0, -1):
        start = last_day - datetime.timedelta(days=7 * index - 1)
        before = {hour: count for hour, count in history.items() if hour.date() < start}
        predicted = forecast_days(before, start, 7, weeks=weeks)
        actual = {hour: history.get(hour, 0) for hour in predicted}
        weekly.append((start, wape(actual, predicted)))
        combined_actual.update(actual)
        combined_forecast.update(predicted)
    return Backtest(wape(combined_actual, combined_forecast), weekly)

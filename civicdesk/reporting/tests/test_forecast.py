"""The hourly forecast and its back-tested error, on hand-counted and seeded data."""

from __future__ import annotations

import datetime
import math
import random
import zoneinfo

import pytest

from civicdesk.reporting.forecast import (
    backtest,
    forecast_days,
    hourly_counts,
    staffing_plan,
    wape,
)

MONDAY = datetime.date(2026, 10, 5)


def at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour))


def test_the_forecast_is_the_mean_of_the_same_weekday_and_hour():
    history = {at(MONDAY, 9): 10, at(MONDAY + datetime.timedelta(weeks=1), 9): 20}
    next_monday = MONDAY + datetime.timedelta(weeks=2)
    forecast = forecast_days(history, next_monday, 7)
    assert forecast[at(next_monday, 9)] == 15
    assert forecast[at(next_monday, 10)] == 0  # covered weeks with no contact count as zero
    assert forecast[at(next_monday + datetime.timedelta(days=1), 9)] == 0
    assert len(forecast) == 7 * 24


def test_only_the_last_weeks_are_averaged():
    history = {at(MONDAY + datetime.timedelta(weeks=w), 9): 10 * (w + 1) for w in range(10)}
    after = MONDAY + datetime.timedelta(weeks=10)
    assert forecast_days(history, after, 1, weeks=2)[at(after, 9)] == (100 + 90) / 2


def test_a_second_week_ahead_uses_only_history_before_the_forecast():
    history = {at(MONDAY, 9): 8, at(MONDAY + datetime.timedelta(weeks=1), 9): 4}
    start = MONDAY + datetime.timedelta(weeks=2)
    forecast = forecast_days(history, start, 14)
    assert forecast[at(start, 9)] == 6
    assert forecast[at(start + datetime.timedelta(weeks=1), 9)] == 6


def test_hours_are_local_and_keep_their_clock_time_across_daylight_saving():
    stockholm = zoneinfo.ZoneInfo("Europe/Stockholm")
    winter = datetime.datetime(2026, 3, 23, 8, 15, tzinfo=datetime.UTC)  # 09:15 CET
    summer = datetime.datetime(2026, 3, 30, 7, 15, tzinfo=datetime.UTC)  # 09:15 CEST
    counts = hourly_counts([winter, summer, summer], stockholm)
    assert counts == {
        datetime.datetime(2026, 3, 23, 9): 1,
        datetime.datetime(2026, 3, 30, 9): 2,
    }


def seasonal_history(weeks: int, seed: int = 7) -> tuple[dict, dict]:
    """Poisson contacts around a weekday and hour profile: busy mornings, quiet weekends."""
    rng = random.Random(seed)
    profile = {}
    for weekday in range(7):
        for hour in range(24):
            open_hours = 8 <= hour < 16 and weekday < 5
            profile[(weekday, hour)] = (
                (60 if hour < 12 else 35) * (1.2 if weekday == 0 else 1) if open_hours else 0.5
            )

    def poisson(mean: float) -> int:
        # Knuth's method for small means, a normal approximation for large ones.
        if mean > 30:
            return max(0, round(rng.gauss(mean, math.sqrt(mean))))
        limit, k, product = math.exp(-mean), 0, rng.random()
        while product > limit:
            k += 1
            product *= rng.random()
        return k

    history = {}
    for day in range(weeks * 7):
        date = MONDAY + datetime.timedelta(days=day)
        for hour in range(24):
            history[at(date, hour)] = poisson(profile[(date.weekday(), hour)])
    return history, profile


def test_the_back_tested_error_of_a_seasonal_history_is_small_and_beats_a_flat_forecast():
    history, profile = seasonal_history(weeks=12)
    last_day = MONDAY + datetime.timedelta(weeks=12, days=-1)
    result = backtest(history, last_day, tested_weeks=4, weeks=8)
    assert len(result.weekly) == 4
    assert all(error is not None and error < 0.2 for _start, error in result.weekly)
    # Poisson noise alone sets a floor: the true profile as forecast errs by about 0.14 here.
    # Eight weeks of history come within a tenth of it.
    tested = [hour for hour in history if hour.date() > last_day - datetime.timedelta(weeks=4)]
    actual = {hour: history[hour] for hour in tested}
    floor = wape(actual, {hour: profile[(hour.weekday(), hour.hour)] for hour in tested})
    assert floor < result.wape < floor * 1.1
    # The same weeks forecast flat (every hour the overall mean) are far worse.
    flat_mean = sum(history.values()) / len(history)
    assert wape(actual, dict.fromkeys(tested, flat_mean)) > 0.5
    # And the forecast of the next week is close to the profile the data came from.
    next_week = forecast_days(history, last_day + datetime.timedelta(days=1), 7)
    tuesday_ten = at(last_day + datetime.timedelta(days=2), 10)
    assert next_week[tuesday_ten] == pytest.approx(profile[(1, 10)], rel=0.15)


def test_no_history_forecasts_nothing_and_has_no_error_to_show():
    assert set(forecast_days({}, MONDAY, 1).values()) == {0.0}
    assert wape({}, forecast_days({}, MONDAY, 1)) is None
    assert backtest({}, MONDAY, tested_weeks=2).wape is None


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: forecast_days({}, MONDAY, 0), "one day"),
        (lambda: forecast_days({}, MONDAY, 7, weeks=0), "one week"),
        (lambda: backtest({}, MONDAY, tested_weeks=0), "one week"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_the_staffing_plan_puts_erlang_on_each_forecast_hour():
    forecast = {at(MONDAY, 9): 200.0, at(MONDAY, 10): 0.0}  # 200 an hour = the textbook's load
    nine, ten = staffing_plan(forecast, handle_seconds=180, target=0.8, threshold_seconds=20,
                              shrinkage=0.3)  # fmt: skip
    assert (nine.hour, ten.hour) == (at(MONDAY, 9), at(MONDAY, 10))
    assert nine.staffing.on_phones.agents == 14
    assert nine.staffing.scheduled == 20
    assert ten.staffing is None
    patient = staffing_plan(forecast, handle_seconds=180, target=0.8, threshold_seconds=20,
                            patience_seconds=60)  # fmt: skip
    assert patient[0].staffing.on_phones.agents <= 14

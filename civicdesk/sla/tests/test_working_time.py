"""Working-time arithmetic across weekends, each country's holidays and the DST change."""

import datetime
import zoneinfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from civicdesk.sla.working_time import DEFAULT_WEEKLY, CalendarError, WorkingCalendar

ZONES = {"SE": "Europe/Stockholm", "PL": "Europe/Warsaw", "FI": "Europe/Helsinki"}


def calendar(country="SE", weekly=DEFAULT_WEEKLY, closures=frozenset()):
    return WorkingCalendar(
        timezone=ZONES[country], weekly=weekly, country=country, closures=closures
    )


def at(country, text):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=zoneinfo.ZoneInfo(ZONES[country]))


@pytest.mark.parametrize(
    ("country", "start", "due"),
    [
        # Friday -> Wednesday over a weekend.
        ("SE", "2026-11-20 10:00", "2026-11-25 10:00"),
        # Swedish Midsummer Eve, Friday 19 June 2026, is closed (a de facto holiday).
        ("SE", "2026-06-17 09:30", "2026-06-23 09:30"),
        # Easter 2026: Good Friday 3 April and Easter Monday 6 April in Sweden.
        ("SE", "2026-04-01 11:00", "2026-04-08 11:00"),
        # Polish Independence Day, Wednesday 11 November 2026.
        ("PL", "2026-11-10 12:00", "2026-11-16 12:00"),
        # Easter Monday in Poland (6 April 2026).
        ("PL", "2026-04-02 14:00", "2026-04-08 14:00"),
        # Finnish Independence Day falls on Monday 6 December 2027.
        ("FI", "2027-12-03 08:30", "2027-12-09 08:30"),
        # Christmas Eve, Christmas Day and Boxing Day in Finland, 2026.
        ("FI", "2026-12-23 08:00", "2026-12-30 08:00"),
    ],
)
def test_three_working_days_skip_weekends_and_holidays(country, start, due):
    assert calendar(country).add_days(at(country, start), 3) == at(country, due)


def test_working_days_keep_the_local_time_across_the_daylight_saving_change():
    # Sweden leaves summer time on Sunday 25 October 2026.
    start = at("SE", "2026-10-23 10:00")
    due = calendar("SE").add_days(start, 3)
    assert due == at("SE", "2026-10-28 10:00")
    utc = datetime.UTC
    assert due.astimezone(utc) - start.astimezone(utc) == datetime.timedelta(days=5, hours=1)


def test_working_minutes_cross_the_daylight_saving_change_in_opening_hours():
    # Spring forward on Sunday 29 March 2026: Friday 16:00 + 60 working minutes.
    due = calendar("SE").add_minutes(at("SE", "2026-03-27 16:00"), 60)
    assert due == at("SE", "2026-03-30 08:30")


def test_a_start_at_night_counts_from_the_next_opening():
    assert calendar().add_days(at("SE", "2026-11-23 22:15"), 1) == at("SE", "2026-11-25 08:00")
    assert calendar().add_minutes(at("SE", "2026-11-21 12:00"), 30) == at("SE", "2026-11-23 08:30")


def test_a_local_closure_is_not_a_working_day():
    closed = calendar(closures=frozenset({datetime.date(2026, 11, 24)}))
    assert closed.add_days(at("SE", "2026-11-23 10:00"), 1) == at("SE", "2026-11-25 10:00")


def test_split_opening_hours_skip_the_lunch_break():
    weekly = {day: ((8 * 60, 12 * 60), (13 * 60, 16 * 60)) for day in range(5)}
    assert calendar(weekly=weekly).add_minutes(at("SE", "2026-11-23 11:30"), 60) == at(
        "SE", "2026-11-23 13:30"
    )


def test_minutes_between_counts_only_opening_hours():
    engine = calendar()
    # Friday 15:00 to Monday 09:00: 90 minutes on Friday, 60 on Monday.
    assert engine.minutes_between(at("SE", "2026-11-20 15:00"), at("SE", "2026-11-23 09:00")) == 150


def test_subtracting_is_the_inverse_of_adding():
    engine = calendar()
    due = at("SE", "2026-11-25 09:00")
    assert engine.subtract_minutes(due, 240) == at("SE", "2026-11-24 13:30")


@given(
    minutes=st.integers(0, 20_000),
    start=st.datetimes(
        min_value=datetime.datetime(2025, 1, 1), max_value=datetime.datetime(2028, 12, 31)
    ),
)
def test_adding_then_measuring_gives_back_the_minutes(minutes, start):
    engine = calendar("FI")
    begin = start.replace(tzinfo=zoneinfo.ZoneInfo("Europe/Helsinki"))
    end = engine.add_minutes(begin, minutes)
    assert abs(engine.minutes_between(begin, end) - minutes) < 1e-6


def test_a_calendar_without_opening_hours_is_refused():
    with pytest.raises(CalendarError, match="no opening hours"):
        WorkingCalendar(timezone="Europe/Stockholm", weekly={}, country="SE")


def test_an_unknown_holiday_country_is_refused():
    with pytest.raises(CalendarError, match="Unknown holiday country"):
        WorkingCalendar(timezone="Europe/Berlin", weekly=DEFAULT_WEEKLY, country="DE")


def test_overlapping_hours_are_refused():
    with pytest.raises(CalendarError):
        WorkingCalendar(timezone="Europe/Oslo", weekly={0: ((480, 720), (700, 900))}, country="SE")

"""Which working calendar a case runs on, built from the configuration and cached briefly."""

from __future__ import annotations

import logging
import time

from civicdesk.org.models import Organisation
from civicdesk.sla.models import BusinessCalendar
from civicdesk.sla.working_time import (
    DEFAULT_WEEKLY,
    CalendarError,
    WorkingCalendar,
    weekly_hours,
)

log = logging.getLogger(__name__)

# Calendars change rarely and are read for every deadline; a minute of staleness is harmless
# and saves a query per case in the scheduler's hot path.
_CACHE_SECONDS = 60
_cache: dict[tuple[int, int | None], tuple[float, WorkingCalendar]] = {}


def engine_for(calendar: BusinessCalendar) -> WorkingCalendar:
    return WorkingCalendar(
        timezone=calendar.timezone,
        weekly=weekly_hours(calendar.opening_hours.values_list("weekday", "opens", "closes")),
        country=calendar.holiday_country,
        closures=frozenset(calendar.closures.values_list("date", flat=True)),
    )


def _default_engine(organisation: Organisation) -> WorkingCalendar:
    """Office hours on weekdays with the country's holidays, until a calendar is configured."""
    return WorkingCalendar(
        timezone=organisation.timezone, weekly=DEFAULT_WEEKLY, country=organisation.country
    )


def working_calendar(
    organisation: Organisation,
    service_point_id: int | None = None,
    calendar: BusinessCalendar | None = None,
) -> WorkingCalendar:
    """The policy's calendar if it names one, else the service point's, else the
    organisation's default, else office hours."""
    if calendar is not None:
        return engine_for(calendar)
    key = (organisation.pk, service_point_id)
    cached = _cache.get(key)
    if cached and time.monotonic() - cached[0] < _CACHE_SECONDS:
        return cached[1]
    found = None
    if service_point_id is not None:
        found = BusinessCalendar.objects.filter(service_point_id=service_point_id).first()
    if found is None:
        found = BusinessCalendar.objects.filter(
            organisation=organisation, service_point__isnull=True
        ).first()
    engine = _default_engine(organisation)
    if found is not None:
        try:
            engine = engine_for(found)
        except CalendarError:
            # A half-configured calendar must not stop cases from being registered.
            log.error("Calendar %s is unusable; using office hours for %s", found.pk, organisation)

    _cache[key] = (time.monotonic(), engine)
    return engine


def forget_cached_calendars() -> None:
    _cache.clear()

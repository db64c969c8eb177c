"""Calendar days of an organisation as instants, so that date ranges filter indexed
timestamps (a __date lookup would not use the index, and would read the server's zone)."""

from __future__ import annotations

import datetime
import zoneinfo


def local_days(
    timezone_name: str, first: datetime.date, last: datetime.date
) -> tuple[datetime.datetime, datetime.datetime]:
    """[start of `first`, start of the day after `last`) in the given time zone."""
    zone = zoneinfo.ZoneInfo(timezone_name)
    start = datetime.datetime.combine(first, datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(
        last + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
    )
    return start, end

"""Deadlines and alarms of generated cases, as civicdesk.cases.deadlines keeps them.

Generated organisations configure no SLA policy and no business calendar, so every case runs
on the defaults of cases.deadlines (first answer within a working day, department feedback
within three, resolution within ten) in office hours with the country's holidays, the
calendar sla.calendars falls back to. The due times come from the same functions the
services call; only the alarm rows are derived here, for a scheduler that fires every
alarm at its time and tells people at once: a level whose time came while its deadline
still ran has fired (and stays, as history), a level still ahead of a running deadline waits
unfired, and nothing else has a row. A waiting case's clocks stand still and, when the
customer answers, move on by the working time spent waiting, as resume_clocks does (its
alarms are computed from the moved deadlines only: a level that fired before the pause at
its earlier time is not kept as history, a simplification for a case in twenty).
"""

from __future__ import annotations

import datetime
from functools import lru_cache

from civicdesk.cases.deadlines import DEFAULTS, add_duration, alarm_times
from civicdesk.demo.generation.case_rows import Alarm
from civicdesk.sla.working_time import DEFAULT_WEEKLY, WorkingCalendar

FIRST_RESPONSE, FEEDBACK, RESOLUTION = "first_response", "feedback", "resolution"


def moment(seconds: int) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(seconds, datetime.UTC)


@lru_cache(maxsize=32)
def office_hours(timezone: str, country: str) -> WorkingCalendar:
    """sla.calendars' calendar for an organisation that has configured none."""
    return WorkingCalendar(timezone=timezone, weekly=DEFAULT_WEEKLY, country=country)


class Clocks:
    """A case's deadlines as its story unfolds."""

    def __init__(self, calendar: WorkingCalendar):
        self.calendar = calendar
        self.due: dict[str, datetime.datetime] = {}
        self.waiting_since: datetime.datetime | None = None

    def _after(self, kind: str, start: int) -> datetime.datetime:
        amount, unit = DEFAULTS[kind]
        return add_duration(self.calendar, moment(start), amount, unit)

    def start(self, registered_at: int, *, answered: bool) -> None:
        """start_clocks: resolution, and a first answer unless the contact was one."""
        self.due[RESOLUTION] = self._after(RESOLUTION, registered_at)
        if not answered:
            self.due[FIRST_RESPONSE] = self._after(FIRST_RESPONSE, registered_at)

    def start_feedback(self, forwarded_at: int) -> datetime.datetime:
        self.due[FEEDBACK] = self._after(FEEDBACK, forwarded_at)
        return self.due[FEEDBACK]

    def pause(self, at: int) -> None:
        self.waiting_since = moment(at)

    def resume(self, at: int) -> None:
        paused = self.calendar.minutes_between(self.waiting_since, moment(at))
        if paused:
            self.due = {
                kind: self.calendar.add_minutes(due, paused) for kind, due in self.due.items()
            }
        self.waiting_since = None

    def alarms(self, *, stopped: dict[str, int | None], running: bool, until: int):
        """The alarm rows at `until`. `stopped`: when each deadline stopped running (met or
        the case resolved), None while it runs; `running`: the case is open and not waiting."""
        rows = []
        for kind, due in self.due.items():
            end = stopped.get(kind)
            if self.waiting_since is not None:
                end = min(end or until, int(self.waiting_since.timestamp()))
            end = min(end if end is not None else until, until)
            for level, fire_at in alarm_times(self.calendar, due, None).items():
                if fire_at.timestamp() <= end:
                    rows.append(Alarm(kind, str(level), due, fire_at, fire_at))
                elif running and stopped.get(kind) is None:
                    rows.append(Alarm(kind, str(level), due, fire_at, None))
        return tuple(rows)

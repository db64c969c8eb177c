"""(sla) Working-time deadlines per second, and one alarm tick over every case open, a tenth due.

Deadlines: `add_duration` as the services call it (3 working days of department feedback, and
1,440 working minutes) from random moments of a year, on each country's office-hours calendar
with its holidays, one core. The tick: every generated case is made open with one unfired
alarm, a tenth of them due, inside a transaction that is rolled back afterwards; then the
scheduler's alarm tick fires them (`fire_due_alarms`, the one conditional UPDATE that makes
each level fire once) and, for comparison, a tick with nothing due. Database time is the time
spent executing statements, measured around the driver. Telling people is the next step of
the same task and goes in batches; its rate is recorded too (the first 5,000 alarms).
"""

from __future__ import annotations

import datetime
import random
import time
from contextlib import contextmanager

from django.db import connection, transaction
from django.utils import timezone

from civicdesk.cases import alarms
from civicdesk.cases.deadlines import add_duration
from civicdesk.cases.models import AlarmLevel, Case, CaseAlarm, DeadlineKind
from civicdesk.sla.working_time import DEFAULT_WEEKLY, WorkingCalendar

CALENDARS = (("SE", "Europe/Stockholm"), ("PL", "Europe/Warsaw"), ("FI", "Europe/Helsinki"))
COMPUTATIONS = 100_000
NOTIFY_SAMPLE = 5_000


class _Rollback(Exception):
    pass


@contextmanager
def database_time():
    """Seconds spent inside the driver's execute calls of this connection."""
    spent = [0.0]

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent[0] += time.perf_counter() - started

    with connection.execute_wrapper(timed):
        yield spent


def _deadline_rate(bench) -> None:
    rng = random.Random(bench.seed)
    year = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    starts = [
        year + datetime.timedelta(seconds=rng.randrange(365 * 86400)) for _ in range(COMPUTATIONS)
    ]
    slowest = None
    for country, zone in CALENDARS:
        calendar = WorkingCalendar(timezone=zone, weekly=DEFAULT_WEEKLY, country=country)
        started = time.perf_counter()
        for index, start in enumerate(starts):
            if index % 2:
                add_duration(calendar, start, 3, "working_days")
            else:
                add_duration(calendar, start, 1440, "minutes")
        rate = len(starts) / (time.perf_counter() - started)
        bench.record(f"sla.deadlines.{country}", rate, "deadlines/s")
        slowest = rate if slowest is None else min(slowest, rate)
    bench.record("sla.deadlines", slowest, "deadlines/s")


def _open_every_case_with_one_alarm(now: datetime.datetime) -> tuple[int, int]:
    """Every case open and running, with one unfired resolution-breach alarm; one in ten due."""
    opened = Case.objects.update(
        status="in_progress", resolved_at=None, closed_at=None, outcome="", waiting_since=None
    )
    CaseAlarm.objects.all().delete()
    due, later = now - datetime.timedelta(minutes=1), now + datetime.timedelta(days=2)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE cases_case SET resolution_due_at = CASE WHEN id %% 10 = 0 THEN %s ELSE %s END",
            [due, later],
        )
        cursor.execute(
            "INSERT INTO cases_casealarm "
            "(organisation_id, case_id, deadline, level, due_at, fire_at) "
            "SELECT organisation_id, id, %s, %s, resolution_due_at, resolution_due_at "
            "FROM cases_case",
            [DeadlineKind.RESOLUTION, AlarmLevel.BREACH],
        )
        cursor.execute("ANALYZE cases_casealarm")
    return opened, CaseAlarm.objects.filter(fire_at__lte=now).count()


def _tick(bench) -> None:
    now = timezone.now()
    try:
        with transaction.atomic():
            started = time.perf_counter()
            opened, due = _open_every_case_with_one_alarm(now)
            prepared = time.perf_counter() - started
            print(f"  {opened:,} open cases, {due:,} alarms due ({prepared:.0f} s to prepare)")

            with database_time() as spent:
                started = time.perf_counter()
                fired = alarms.fire_due_alarms(now=now)
                wall = time.perf_counter() - started
            assert fired == due, (fired, due)
            bench.record("sla.tick.due_alarms", fired, "alarms")
            bench.record("sla.tick.open_cases", opened, "cases")
            bench.record("sla.tick.database_time", spent[0] * 1000, "ms")
            bench.record("sla.tick.wall_time", wall * 1000, "ms")

            pending = CaseAlarm.objects.filter(
                pk__in=CaseAlarm.objects.filter(fired_at__isnull=False)
                .order_by("pk")
                .values("pk")[NOTIFY_SAMPLE:]
            )
            pending.update(notified_at=now)  # the sample alone is left to tell
            started = time.perf_counter()
            told = alarms.notify_fired_alarms()
            bench.record(
                "sla.notify.alarms_per_second", told / (time.perf_counter() - started), "alarms/s"
            )

            # The next minute's tick, every alarm told: 900,000 waiting, none due.
            with database_time() as spent:
                assert alarms.fire_due_alarms(now=now) == 0
            bench.record("sla.tick.nothing_due.database_time", spent[0] * 1000, "ms")
            raise _Rollback
    except _Rollback:
        pass


def run(bench) -> None:
    _deadline_rate(bench)
    _tick(bench)

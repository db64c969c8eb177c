"""Daily roll-ups of the case figures (issue 7 point 8): per organisation, local day,
department, answer group, channel, case type and service point, the counts the case figures
divide (figures.case_aggregates). The dashboard reads rolled-up days from here and every other
day from the case rows, so its figures are the same either way, only faster.

`refresh` remakes the rows of a range of days from the case rows in one transaction, so running
it twice is harmless; the nightly job refreshes the last REFRESH_DAYS days (a case's group and
outcome can still change after the day it was registered) and, the first time, every day the
organisation has cases. What cannot be rolled up this way (who registered a case, the hour of
the day) is always read from the case rows.
"""

from __future__ import annotations

import datetime
import zoneinfo

from django.db import transaction
from django.db.models import Min, Q, QuerySet, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from civicdesk.cases.models import Case
from civicdesk.core.periods import local_days
from civicdesk.org.models import Organisation
from civicdesk.reporting import figures
from civicdesk.reporting.models import DailyCaseRollup, RollupState

REFRESH_DAYS = 62
KEYS = ("department_id", "answer_group_id", "channel", "case_type_id", "service_point_id")
# What a roll-up row can be grouped or filtered by.
ROLLED_FIELDS = frozenset({"organisation_id", "day", *KEYS})
COUNTS = ("cases", "not_withdrawn", "first_contact")


@transaction.atomic
def refresh(organisation: Organisation, first: datetime.date, last: datetime.date) -> int:
    """Remake the roll-up rows of the local days [first, last]; returns how many were made."""
    if last < first:
        raise ValueError(f"An empty range of days: {first} to {last}.")
    zone = zoneinfo.ZoneInfo(organisation.timezone)
    start, end = local_days(organisation.timezone, first, last)
    DailyCaseRollup.objects.filter(
        organisation=organisation, day__gte=first, day__lte=last
    ).delete()
    rows = figures.case_counts_by(
        Case.objects.filter(
            organisation=organisation, registered_at__gte=start, registered_at__lt=end
        ).annotate(day=TruncDate("registered_at", tzinfo=zone)),
        "day",
        *KEYS,
    )
    DailyCaseRollup.objects.bulk_create(
        [DailyCaseRollup(organisation=organisation, **row) for row in rows], batch_size=2000
    )
    state = RollupState.objects.select_for_update().filter(organisation=organisation).first()
    now = timezone.now()
    if state is None:
        RollupState.objects.create(
            organisation=organisation, rolled_from=first, rolled_until=last, refreshed_at=now
        )
    elif first <= state.rolled_until + datetime.timedelta(days=1) and (
        last >= state.rolled_from - datetime.timedelta(days=1)
    ):
        state.rolled_from = min(state.rolled_from, first)
        state.rolled_until = max(state.rolled_until, last)
        state.refreshed_at = now
        state.save()
    else:  # not adjacent: the rows between would be missing, so only this range counts
        state.rolled_from, state.rolled_until, state.refreshed_at = first, last, now
        state.save()
    return len(rows)


def refresh_recent(*, now: datetime.datetime | None = None) -> int:
    """The nightly job: each organisation's last REFRESH_DAYS whole days, or every day it has
    cases the first time."""
    now = now or timezone.now()
    made = 0
    for organisation in Organisation.objects.filter(is_active=True):
        yesterday = now.astimezone(zoneinfo.ZoneInfo(organisation.timezone)).date() - (
            datetime.timedelta(days=1)
        )
        first = yesterday - datetime.timedelta(days=REFRESH_DAYS - 1)
        if not RollupState.objects.filter(organisation=organisation).exists():
            oldest = Case.objects.filter(organisation=organisation).aggregate(
                oldest=Min("registered_at")
            )["oldest"]
            if oldest is None:
                continue
            first = min(first, oldest.astimezone(zoneinfo.ZoneInfo(organisation.timezone)).date())
        if first <= yesterday:
            made += refresh(organisation, first, yesterday)
    return made


def rolled_days(
    organisation_id: int, first: datetime.date, last: datetime.date
) -> tuple[datetime.date, datetime.date] | None:
    """The part of [first, last] the roll-ups cover, if any."""
    state = RollupState.objects.filter(organisation_id=organisation_id).first()
    if state is None:
        return None
    covered = max(first, state.rolled_from), min(last, state.rolled_until)
    return covered if covered[0] <= covered[1] else None


def case_counts_by(
    organisation: Organisation,
    first: datetime.date,
    last: datetime.date,
    raw: QuerySet[Case],
    *fields: str,
    where: dict | None = None,
) -> list[dict]:
    """figures.case_counts_by over the cases registered on the local days [first, last],
    from the roll-ups where they cover the days and `fields` and `where` allow, from `raw` (the
    organisation's cases, filtered alike) elsewhere. A field "day" is the local day."""
    where = where or {}
    zone = zoneinfo.ZoneInfo(organisation.timezone)
    rolled = None
    if ROLLED_FIELDS.issuperset(fields) and ROLLED_FIELDS.issuperset(
        key.split("__")[0] for key in where
    ):
        rolled = rolled_days(organisation.pk, first, last)
    windows = [(first, last)]
    rows: list[dict] = []
    if rolled is not None:
        stored = DailyCaseRollup.objects.filter(
            organisation=organisation, day__gte=rolled[0], day__lte=rolled[1], **where
        ).order_by()
        sums = {count: Sum(count) for count in COUNTS}
        rows += (
            list(stored.values(*fields).annotate(**sums)) if fields else [stored.aggregate(**sums)]
        )
        windows = [
            window
            for window in (
                (first, rolled[0] - datetime.timedelta(days=1)),
                (rolled[1] + datetime.timedelta(days=1), last),
            )
            if window[0] <= window[1]
        ]
    if windows:
        instants = Q()
        for window_first, window_last in windows:
            start, end = local_days(organisation.timezone, window_first, window_last)
            instants |= Q(registered_at__gte=start, registered_at__lt=end)
        cases = raw.filter(instants).filter(**where)
        if "day" in fields:
            cases = cases.annotate(day=TruncDate("registered_at", tzinfo=zone))
        rows += figures.case_counts_by(cases, *fields)
    return _merged(rows, fields)


def _merged(rows: list[dict], fields) -> list[dict]:
    """Rows of the same key added up (a key may come from both sources)."""
    merged: dict[tuple, dict] = {}
    for row in rows:
        key = tuple(row[name] for name in fields)
        entry = merged.setdefault(key, {**{name: row[name] for name in fields},
                                        **dict.fromkeys(COUNTS, 0)})  # fmt: skip
        for count in COUNTS:
            entry[count] += row[count] or 0
    return list(merged.values())

"""The managers' month at a glance: volumes by day, channel and case type, first-contact
resolution and department feedback beside their targets, overdue now. Every figure comes from
reporting.figures; every bar leads to the cases behind it through case search, which shows
each reader only the cases they may see (confidential ones are counted, never listed)."""

from __future__ import annotations

import calendar
import datetime
import zoneinfo
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone

from civicdesk.cases.choices import Channel
from civicdesk.cases.models import Case
from civicdesk.catalog.models import CaseType
from civicdesk.core import authz
from civicdesk.core.periods import local_days
from civicdesk.org.models import User
from civicdesk.reporting import figures

TOP_CASE_TYPES = 10


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    share: float  # of the largest bar, for its width
    filters: dict  # case search parameters for the cases behind it

    @property
    def query(self) -> str:
        return urlencode(self.filters)

    @property
    def width(self) -> float:
        """The bar's length in a 120-unit track (SVG: the CSP allows no inline styles)."""
        return round(self.share * 120, 1)


@dataclass(frozen=True)
class Dashboard:
    first_day: datetime.date
    last_day: datetime.date
    volume: int
    first_contact: dict
    first_contact_target: float
    feedback: dict
    feedback_target: float
    overdue: int
    by_day: list[Bar]
    by_channel: list[Bar]
    by_case_type: list[Bar]

    @property
    def period_filters(self) -> dict:
        return {"registered_from": self.first_day, "registered_to": self.last_day}


def _bars(rows: list[tuple[str, int, dict]]) -> list[Bar]:
    peak = max((value for _label, value, _filters in rows), default=0) or 1
    return [Bar(label, value, value / peak, filters) for label, value, filters in rows]


def month_dashboard(
    actor: User, month: datetime.date, *, language: str, now: datetime.datetime | None = None
) -> Dashboard:
    authz.require(actor, "reporting.view_dashboard", actor.organisation)
    zone = zoneinfo.ZoneInfo(actor.organisation.timezone)
    first = month.replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    start, end = local_days(actor.organisation.timezone, first, last)
    organisation_cases = Case.objects.filter(organisation_id=actor.organisation_id)
    registered = organisation_cases.filter(registered_at__gte=start, registered_at__lt=end)
    period = {"registered_from": first, "registered_to": last}

    per_day = dict(
        registered.annotate(day=TruncDate("registered_at", tzinfo=zone))
        .values("day")
        .annotate(n=Count("pk"))
        .values_list("day", "n")
    )
    days = [first + datetime.timedelta(days=offset) for offset in range((last - first).days + 1)]
    by_day = _bars(
        [
            (day.isoformat(), per_day.get(day, 0), {"registered_from": day, "registered_to": day})
            for day in days
        ]
    )
    channel_names = dict(Channel.choices)
    by_channel = _bars(
        [
            (str(channel_names.get(channel, channel)), count, {**period, "channel": channel})
            for channel, count in figures.volume_by(registered, "channel").items()
        ]
    )
    type_counts = list(figures.volume_by(registered, "case_type_id").items())[:TOP_CASE_TYPES]
    types = CaseType.objects.in_bulk([int(pk) for pk, _count in type_counts if pk != "None"])
    by_case_type = _bars(
        [
            (types[int(pk)].name_in(language), count, {**period, "case_type": pk})
            for pk, count in type_counts
            if pk != "None" and int(pk) in types
        ]
    )
    now = now or timezone.now()
    return Dashboard(
        first_day=first,
        last_day=last,
        volume=figures.volume(registered),
        first_contact=figures.first_contact_resolution(registered),
        first_contact_target=settings.CIVICDESK_TARGET_FIRST_CONTACT_PERCENT / 100,
        feedback=figures.department_feedback_in_time(
            organisation_cases.filter(forwarded_at__gte=start, forwarded_at__lt=end), at=now
        ),
        feedback_target=settings.CIVICDESK_TARGET_FEEDBACK_IN_TIME_PERCENT / 100,
        overdue=figures.overdue(organisation_cases, at=now),
        by_day=by_day,
        by_channel=by_channel,
        by_case_type=by_case_type,
    )

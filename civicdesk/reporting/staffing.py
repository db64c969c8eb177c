"""Next week's staffing for an organisation or an answer group: the forecast of inbound
contacts per hour from their history, its back-tested error, and the agents each hour needs.

Counts only: confidential cases are counted like the others and never named.
"""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass

from django.utils import timezone

from civicdesk.cases.choices import Direction
from civicdesk.cases.models import CaseContact
from civicdesk.core import authz
from civicdesk.org.models import AnswerGroup, User
from civicdesk.reporting import figures, forecast

HISTORY_WEEKS = 8
TESTED_WEEKS = 4
DEFAULT_HANDLE_SECONDS = 180


@dataclass(frozen=True)
class StaffingRequest:
    answer_group: AnswerGroup | None
    target: float  # share answered within the threshold
    threshold_seconds: int
    shrinkage: float
    handle_seconds: int | None  # None: the history's average
    patience_seconds: int | None  # None: Erlang C


@dataclass(frozen=True)
class StaffingReport:
    first_day: datetime.date
    handle_seconds: float
    history_contacts: int
    backtest: forecast.Backtest
    plan: list[forecast.PlannedHour]

    @property
    def forecast_contacts(self) -> float:
        return sum(hour.contacts for hour in self.plan)

    @property
    def peak_scheduled(self) -> int:
        return max((hour.staffing.scheduled for hour in self.plan if hour.staffing), default=0)

    @property
    def agent_hours(self) -> int:
        return sum(hour.staffing.scheduled for hour in self.plan if hour.staffing)


def _inbound_contacts(
    actor: User,
    answer_group: AnswerGroup | None,
    since: datetime.datetime,
    until: datetime.datetime,
):
    contacts = CaseContact.objects.filter(
        organisation_id=actor.organisation_id,
        direction=Direction.INBOUND,
        started_at__gte=since,
        started_at__lt=until,
    )
    if answer_group is not None:
        contacts = contacts.filter(case__answer_group=answer_group)
    return contacts


def next_week_staffing(
    actor: User, request: StaffingRequest, *, now: datetime.datetime | None = None
) -> StaffingReport:
    authz.require(actor, "reporting.plan_staffing", actor.organisation)
    if request.answer_group is not None:
        authz.require_same_organisation(actor, request.answer_group)
    now = now or timezone.now()
    zone = zoneinfo.ZoneInfo(actor.organisation.timezone)
    today = now.astimezone(zone).date()
    first_day = today + datetime.timedelta(days=7 - today.weekday())  # next Monday
    last_full_day = today - datetime.timedelta(days=1)
    since_day = last_full_day - datetime.timedelta(weeks=HISTORY_WEEKS + TESTED_WEEKS, days=-1)
    since = datetime.datetime.combine(since_day, datetime.time.min, tzinfo=zone)
    until = datetime.datetime.combine(today, datetime.time.min, tzinfo=zone)  # whole days only
    contacts = _inbound_contacts(actor, request.answer_group, since, until)
    history = forecast.hourly_counts(contacts.values_list("started_at", flat=True), zone)
    handle = request.handle_seconds
    if handle is None:
        handle = figures.average_handle_seconds(contacts) or DEFAULT_HANDLE_SECONDS
    expected = forecast.forecast_days(history, first_day, 7, weeks=HISTORY_WEEKS)
    return StaffingReport(
        first_day=first_day,
        handle_seconds=handle,
        history_contacts=sum(history.values()),
        backtest=forecast.backtest(
            history, last_full_day, tested_weeks=TESTED_WEEKS, weeks=HISTORY_WEEKS
        ),
        plan=forecast.staffing_plan(
            expected,
            handle_seconds=handle,
            target=request.target,
            threshold_seconds=request.threshold_seconds,
            shrinkage=request.shrinkage,
            patience_seconds=request.patience_seconds,
        ),
    )

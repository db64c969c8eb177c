"""The managers' months at a glance: cases, first-contact resolution, department feedback, calls
(service level, answer and abandonment rate, speed of answer, talk and handle time) beside their
targets, overdue now; then the period split by one dimension and by one grain of time
(reporting.breakdowns), each row and bar leading to the cases behind it through case search,
which shows each reader only the cases they may see (confidential ones are counted, never
listed)."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from civicdesk.cases.models import Case, CaseContact
from civicdesk.core import authz
from civicdesk.core.periods import local_days
from civicdesk.org.models import User
from civicdesk.reporting import figures
from civicdesk.reporting.breakdowns import DIMENSIONS, GRAINS, Scope, Table, by_dimension, by_grain

MAX_MONTHS = 12


@dataclass(frozen=True)
class Targets:
    first_contact: float
    feedback: float
    service_level: float
    talk_seconds: int

    @classmethod
    def configured(cls) -> Targets:
        return cls(
            first_contact=settings.CIVICDESK_TARGET_FIRST_CONTACT_PERCENT / 100,
            feedback=settings.CIVICDESK_TARGET_FEEDBACK_IN_TIME_PERCENT / 100,
            service_level=settings.CIVICDESK_TARGET_SERVICE_LEVEL_PERCENT / 100,
            talk_seconds=settings.CIVICDESK_TARGET_TALK_SECONDS,
        )


@dataclass(frozen=True)
class Dashboard:
    first_day: datetime.date
    last_day: datetime.date
    volume: int
    first_contact: dict
    feedback: dict
    overdue: int
    calls: dict  # figures.call_summary
    talk: dict  # figures.average_talk_time
    handle_seconds: float | None
    targets: Targets
    by: Table  # the period split by the chosen dimension
    per: Table  # the period split by the chosen grain of time

    @property
    def period_filters(self) -> dict:
        return {"registered_from": self.first_day, "registered_to": self.last_day}

    @property
    def first_contact_target(self) -> float:
        return self.targets.first_contact

    @property
    def months(self) -> int:
        return (self.last_day.year - self.first_day.year) * 12 + (
            self.last_day.month - self.first_day.month
        ) + 1  # fmt: skip


def period_of(month: datetime.date, months: int = 1) -> tuple[datetime.date, datetime.date]:
    """`months` whole months ending with `month`."""
    if not 1 <= months <= MAX_MONTHS:
        raise ValueError(f"Between 1 and {MAX_MONTHS} months, not {months}.")
    last = month.replace(day=calendar.monthrange(month.year, month.month)[1])
    index = month.year * 12 + month.month - 1 - (months - 1)
    return datetime.date(index // 12, index % 12 + 1, 1), last


def month_dashboard(
    actor: User,
    month: datetime.date,
    *,
    language: str,
    months: int = 1,
    by: str = "channel",
    per: str = "day",
    now: datetime.datetime | None = None,
) -> Dashboard:
    authz.require(actor, "reporting.view_dashboard", actor.organisation)
    if by not in DIMENSIONS or per not in GRAINS:
        raise ValueError(f"Unknown dimension {by!r} or grain {per!r}")
    organisation = actor.organisation
    first, last = period_of(month, months)
    start, end = local_days(organisation.timezone, first, last)
    scope = Scope(organisation, first, last, start, end, language)
    organisation_cases = Case.objects.filter(organisation_id=organisation.pk)
    counts = scope.case_counts_by()[0]
    convention = figures.CallConvention.configured()
    contacts = CaseContact.objects.filter(
        organisation_id=organisation.pk, started_at__gte=start, started_at__lt=end
    )
    now = now or timezone.now()
    return Dashboard(
        first_day=first,
        last_day=last,
        volume=counts["cases"] or 0,
        first_contact=figures.first_contact_resolution_of(
            {key: counts[key] or 0 for key in ("cases", "not_withdrawn", "first_contact")}
        ),
        feedback=figures.department_feedback_forwarded_between(
            organisation_cases, start, end, at=now
        ),
        overdue=figures.overdue(organisation_cases, at=now),
        calls=figures.call_summary(scope.calls(), convention),
        talk=figures.average_talk_time(scope.calls(), contacts),
        handle_seconds=figures.average_handle_seconds(contacts),
        targets=Targets.configured(),
        by=by_dimension(scope, by, convention),
        per=by_grain(scope, per, convention),
    )

"""One definition of each figure the service is run on. docs/figures.md explains them.

Every function takes a queryset of cases already scoped (organisation, period, visibility) and
returns plain numbers, so dashboards, digests and exports cannot disagree. Confidential cases
are counted like any other: a count reveals no detail.
"""

from __future__ import annotations

import datetime
import math

from django.db.models import Count, F, Q, QuerySet

from civicdesk.cases.choices import Outcome
from civicdesk.cases.deadlines import overdue_filter
from civicdesk.cases.models import Case


def share(part: int, whole: int) -> float | None:
    """A proportion in [0, 1], or None when there is nothing to divide (not 0: unknown)."""
    return part / whole if whole else None


def volume(cases: QuerySet[Case]) -> int:
    return cases.count()


def volume_by(cases: QuerySet[Case], field: str) -> dict[str, int]:
    rows = cases.values(field).annotate(n=Count("pk")).order_by("-n", field)
    return {str(row[field]): row["n"] for row in rows}


def first_contact_resolution(cases: QuerySet[Case]) -> dict:
    """Of the cases registered in the period and not withdrawn, the share resolved during
    the contact that opened them (never forwarded, one contact)."""
    counts = cases.exclude(outcome=Outcome.WITHDRAWN).aggregate(
        total=Count("pk"), first=Count("pk", filter=Q(outcome=Outcome.FIRST_CONTACT))
    )
    return {
        "resolved_at_first_contact": counts["first"],
        "cases": counts["total"],
        "rate": share(counts["first"], counts["total"]),
    }


def department_feedback_in_time(cases: QuerySet[Case], *, at: datetime.datetime) -> dict:
    """Of the cases forwarded in the period whose feedback deadline has passed by `at` or
    that were answered, the share where the department contacted the customer in time."""
    forwarded = cases.filter(forward_count__gt=0, feedback_due_at__isnull=False)
    decided = forwarded.filter(
        Q(department_contacted_at__isnull=False) | Q(feedback_due_at__lte=at)
    )
    counts = decided.aggregate(
        total=Count("pk"),
        in_time=Count("pk", filter=Q(department_contacted_at__lte=F("feedback_due_at"))),
    )
    return {
        "in_time": counts["in_time"],
        "forwarded": counts["total"],
        "rate": share(counts["in_time"], counts["total"]),
    }


def overdue(cases: QuerySet[Case], *, at: datetime.datetime) -> int:
    return cases.filter(overdue_filter(at)).count()


def relief_hours(cases: int, minutes_each: float) -> float:
    """Department hours saved by `cases` the centre resolved, each worth `minutes_each`."""
    return cases * minutes_each / 60


def relief(cases: QuerySet[Case], *, weeks: float, hours_per_fte: float) -> dict:
    """The department time the centre saves: of the cases resolved in the period without a
    forward, those of case types with agreed minutes, times those minutes; per week and as
    full-time equivalents. Case types without agreed minutes are counted apart, not guessed."""
    resolved = cases.filter(resolved_at__isnull=False, forward_count=0).exclude(
        outcome=Outcome.WITHDRAWN
    )
    rows = []
    unpriced = 0
    for row in (
        resolved.values("case_type_id", "case_type__code", "case_type__department_minutes")
        .annotate(n=Count("pk"))
        .order_by("-n", "case_type__code")
    ):
        minutes = row["case_type__department_minutes"]
        if minutes is None:
            unpriced += row["n"]
            continue
        rows.append(
            {
                "case_type_id": row["case_type_id"],
                "code": row["case_type__code"],
                "cases": row["n"],
                "minutes_each": minutes,
                "hours": relief_hours(row["n"], minutes),
            }
        )
    hours = math.fsum(row["hours"] for row in rows)
    per_week = hours / weeks if weeks else 0.0
    return {
        "rows": rows,
        "cases": sum(row["cases"] for row in rows),
        "cases_without_minutes": unpriced,
        "hours": hours,
        "hours_per_week": per_week,
        "fte": per_week / hours_per_fte if hours_per_fte else None,
    }

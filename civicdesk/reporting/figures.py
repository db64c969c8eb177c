"""One definition of each figure the service is run on. docs/figures.md explains them.

Every function takes a queryset of cases already scoped (organisation, period, visibility) and
returns plain numbers, so dashboards, digests and exports cannot disagree. Confidential cases
are counted like any other: a count reveals no detail.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Avg, Count, F, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from civicdesk.cases.choices import Channel, Outcome
from civicdesk.cases.deadlines import overdue_filter
from civicdesk.cases.models import Case, CaseContact, open_cases
from civicdesk.telephony.models import Call, CallState


def share(part: int, whole: int) -> float | None:
    """A proportion in [0, 1], or None when there is nothing to divide (not 0: unknown)."""
    return part / whole if whole else None


def volume(cases: QuerySet[Case]) -> int:
    return cases.count()


def volume_by(cases: QuerySet[Case], field: str) -> dict[str, int]:
    rows = cases.values(field).annotate(n=Count("pk")).order_by("-n", field)
    return {str(row[field]): row["n"] for row in rows}


# The counts the case figures divide, as aggregates: whole periods take them with
# .aggregate(), breakdowns with .values(field).annotate(), the roll-up table stores them.
def case_aggregates() -> dict:
    return {
        "cases": Count("pk"),
        "not_withdrawn": Count("pk", filter=~Q(outcome=Outcome.WITHDRAWN)),
        "first_contact": Count("pk", filter=Q(outcome=Outcome.FIRST_CONTACT)),
    }


def first_contact_resolution_of(counts: dict) -> dict:
    return {
        "resolved_at_first_contact": counts["first_contact"],
        "cases": counts["not_withdrawn"],
        "rate": share(counts["first_contact"], counts["not_withdrawn"]),
    }


def first_contact_resolution(cases: QuerySet[Case]) -> dict:
    """Of the cases registered in the period and not withdrawn, the share resolved during
    the contact that opened them (never forwarded, one contact)."""
    return first_contact_resolution_of(cases.aggregate(**case_aggregates()))


def case_counts_by(cases: QuerySet[Case], *fields) -> list[dict]:
    """case_aggregates per value of `fields` (one query): rows with the fields' values; one
    row of the whole queryset without fields."""
    if not fields:
        return [cases.aggregate(**case_aggregates())]
    return list(cases.order_by().values(*fields).annotate(**case_aggregates()))


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


def department_feedback_forwarded_between(
    cases: QuerySet[Case],
    start: datetime.datetime,
    end: datetime.datetime,
    *,
    at: datetime.datetime,
) -> dict:
    """department_feedback_in_time of the cases forwarded in [start, end), read as the open
    ones plus the others resolved since `start`: a case is forwarded only while open, so one
    that is no longer open was resolved after it was forwarded. Two reads of small partial
    indexes (open cases, resolved cases by time) instead of every case of the organisation."""
    window = Q(forwarded_at__gte=start, forwarded_at__lt=end)
    parts = [
        department_feedback_in_time(cases.filter(open_cases()).filter(window), at=at),
        department_feedback_in_time(
            cases.filter(resolved_at__gte=start).exclude(open_cases()).filter(window), at=at
        ),
    ]
    in_time = sum(part["in_time"] for part in parts)
    forwarded = sum(part["forwarded"] for part in parts)
    return {"in_time": in_time, "forwarded": forwarded, "rate": share(in_time, forwarded)}


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


# --- calls ----------------------------------------------------------------------------------
# Every call figure takes a queryset of Calls already scoped (organisation, period by
# `offered_at`, group, ...). A call still waiting in the queue is not decided and not counted.


@dataclass(frozen=True)
class CallConvention:
    """How the service level is counted; docs/figures.md states the default and why."""

    threshold_seconds: int = 120  # answered within this wait counts as "in time" (<=)
    counts_abandoned: bool = True  # abandoned calls are in the service level's denominator
    short_abandon_seconds: int = 5  # abandoned after a shorter wait: not offered at all

    @classmethod
    def configured(cls) -> CallConvention:
        return cls(
            threshold_seconds=settings.CIVICDESK_SERVICE_LEVEL_SECONDS,
            counts_abandoned=settings.CIVICDESK_SERVICE_LEVEL_COUNTS_ABANDONED,
            short_abandon_seconds=settings.CIVICDESK_SHORT_ABANDON_SECONDS,
        )


ANSWERED = Q(answered_at__isnull=False)
# Never answered and over: the caller hung up (or the system ended an unanswered call).
GAVE_UP = Q(answered_at__isnull=True, state__in=[CallState.ABANDONED, CallState.ENDED])


def call_aggregates(convention: CallConvention) -> dict:
    """The counts every call figure divides: answered, answered within the threshold,
    abandoned (short abandons apart), the waits of the answered and their talk time."""
    short = GAVE_UP & Q(wait_seconds__lt=convention.short_abandon_seconds)
    abandoned = GAVE_UP & ~short
    within = ANSWERED & Q(wait_seconds__lte=convention.threshold_seconds)
    waited = ANSWERED & Q(wait_seconds__isnull=False)
    talked = ANSWERED & Q(talk_seconds__isnull=False)
    return {
        "answered": Count("pk", filter=ANSWERED),
        "answered_within": Count("pk", filter=within),
        "abandoned": Count("pk", filter=abandoned),
        "short_abandoned": Count("pk", filter=short),
        "waited_answered": Count("pk", filter=waited),
        "wait_answered_seconds": Coalesce(Sum("wait_seconds", filter=waited), 0),
        "talked": Count("pk", filter=talked),
        "talk_seconds": Coalesce(Sum("talk_seconds", filter=talked), 0),
    }


def call_counts(calls: QuerySet[Call], convention: CallConvention | None = None) -> dict:
    """call_aggregates over the scoped calls, in one query."""
    return calls.aggregate(**call_aggregates(convention or CallConvention.configured()))


def call_counts_by(
    calls: QuerySet[Call], *fields, convention: CallConvention | None = None
) -> list[dict]:
    """call_aggregates per value of `fields`, in one query."""
    aggregates = call_aggregates(convention or CallConvention.configured())
    return list(calls.order_by().values(*fields).annotate(**aggregates))


def call_figures(counts: dict, convention: CallConvention | None = None) -> dict:
    """Service level, answer rate, abandonment rate, average speed of answer and average
    talk time from `call_counts` (or from counts summed over roll-up rows: the same keys)."""
    convention = convention or CallConvention.configured()
    answered = counts["answered"]
    offered = answered + counts["abandoned"]
    service_base = offered if convention.counts_abandoned else answered
    return {
        "offered": offered,
        "answered": answered,
        "answered_within": counts["answered_within"],
        "abandoned": counts["abandoned"],
        "short_abandoned": counts["short_abandoned"],
        "threshold_seconds": convention.threshold_seconds,
        "service_level": share(counts["answered_within"], service_base),
        "answer_rate": share(answered, offered),
        "abandonment_rate": share(counts["abandoned"], offered),
        "average_speed_of_answer": _mean(
            counts["wait_answered_seconds"], counts["waited_answered"]
        ),
        "average_talk_seconds": _mean(counts["talk_seconds"], counts["talked"]),
    }


def call_summary(calls: QuerySet[Call], convention: CallConvention | None = None) -> dict:
    """Every call figure of the scoped calls (call_counts, then call_figures)."""
    convention = convention or CallConvention.configured()
    return call_figures(call_counts(calls, convention), convention)


def _mean(total, count: int) -> float | None:
    return total / count if count else None


def average_handle_seconds(contacts: QuerySet[CaseContact]) -> float | None:
    """The mean recorded duration of the contacts that have one: the time an agent spends on a
    contact, talk and the notes after it (the agent records it; 0 means not recorded)."""
    return contacts.filter(duration_seconds__gt=0).aggregate(Avg("duration_seconds"))[
        "duration_seconds__avg"
    ]


def average_talk_time(calls: QuerySet[Call], contacts: QuerySet[CaseContact]) -> dict:
    """The mean talk time of answered calls as the phone system measured it; where the period
    has no measured call, the mean recorded duration of the phone contacts instead. Says which
    source it used ("calls", "contacts" or None without either)."""
    counts = calls.filter(ANSWERED, talk_seconds__isnull=False).aggregate(
        n=Count("pk"), total=Sum("talk_seconds")
    )
    if counts["n"]:
        return {"seconds": counts["total"] / counts["n"], "source": "calls", "count": counts["n"]}
    phone = contacts.filter(channel=Channel.PHONE, duration_seconds__gt=0).aggregate(
        n=Count("pk"), total=Sum("duration_seconds")
    )
    if phone["n"]:
        return {"seconds": phone["total"] / phone["n"], "source": "contacts", "count": phone["n"]}
    return {"seconds": None, "source": None, "count": 0}


def offered_calls(calls: QuerySet[Call], convention: CallConvention | None = None):
    """The offered calls themselves (answered, or abandoned after the short-abandon limit)."""
    convention = convention or CallConvention.configured()
    return calls.filter(
        ANSWERED | (GAVE_UP & Q(wait_seconds__gte=convention.short_abandon_seconds))
    )


def wait_distribution(calls: QuerySet[Call], convention: CallConvention | None = None) -> dict:
    """How long the offered callers waited, answered or not: an answered call until it was
    answered, an abandoned one until the caller hung up. The median (the middle wait, or the
    mean of the two middle ones), the 90th percentile (nearest rank: the shortest wait that 90 %
    of the calls did not exceed) and the share that waited longer than the threshold. Read as
    a histogram of whole seconds, so a year of calls is a few hundred rows."""
    convention = convention or CallConvention.configured()
    histogram = sorted(
        offered_calls(calls, convention)
        .filter(wait_seconds__isnull=False)
        .order_by()
        .values_list("wait_seconds")
        .annotate(n=Count("pk"))
    )
    waited = sum(n for _wait, n in histogram)
    over = sum(n for wait, n in histogram if wait > convention.threshold_seconds)

    def nth(rank: int) -> int:  # the rank-th shortest wait, 1-based
        seen = 0
        for wait, n in histogram:
            seen += n
            if seen >= rank:
                return wait
        raise ValueError(rank)

    median = p90 = None
    if waited:
        half = waited // 2
        median = float(nth(half + 1)) if waited % 2 else (nth(half) + nth(half + 1)) / 2
        p90 = nth((9 * waited + 9) // 10)  # ceil(0.9 n) in integers: no float rounding
    return {
        "waited": waited,
        "median_seconds": median,
        "p90_seconds": p90,
        "over_threshold": over,
        "over_threshold_share": share(over, waited),
        "threshold_seconds": convention.threshold_seconds,
    }

"""The period's figures split by one dimension (organisation, department, answer group, service
point, producer, channel, case type, agent) or by one grain of time (hour of the day, day, week,
month): one row per member, each with its cases, first-contact resolution and call figures, and
the case-search filters that list the cases behind it.

Every number comes from reporting.figures. Confidential cases are counted in every row except
an agent's: issue 3 forbids counting them per person, so they form a row of their own there,
with no list behind it. The lists behind the other rows go through case search, which shows
each reader only what they may see.
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.db.models.functions import ExtractHour, TruncDate
from django.utils import formats
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from civicdesk.cases.choices import Channel
from civicdesk.cases.models import Case
from civicdesk.catalog.models import CaseType
from civicdesk.org.choices import DepartmentKind
from civicdesk.org.models import AnswerGroup, Department, Organisation, ServicePoint, User
from civicdesk.reporting import figures, rollups
from civicdesk.telephony.models import Call

# Departments that produce services for the centre's customers rather than being the
# municipality's own: billed per service event (issue 7 point 4), reported as producers.
PRODUCER_KINDS = (DepartmentKind.SERVICE_PRODUCER, DepartmentKind.LABOUR_OFFICE)


@dataclass(frozen=True)
class Dimension:
    key: str
    label: Promise
    case_field: str  # what cases are grouped by
    call_field: str | None  # what calls are grouped by (None: calls do not split this way)
    search_parameter: str | None  # the case-search filter for one member (None: none needed)


DIMENSIONS = {
    dimension.key: dimension
    for dimension in (
        Dimension("organisation", _("Organisation"), "organisation_id", "organisation_id", None),
        Dimension(
            "department", _("Department"), "department_id", "answer_group__department_id",
            "department",
        ),
        Dimension("answer_group", _("Answer group"), "answer_group_id", "answer_group_id", "group"),
        Dimension(
            "service_point", _("Service point"), "service_point_id", "service_point_id",
            "service_point",
        ),
        Dimension(
            "producer", _("Service producer"), "department_id", "answer_group__department_id",
            "department",
        ),
        Dimension("channel", _("Channel"), "channel", None, "channel"),
        Dimension("case_type", _("Case type"), "case_type_id", "case__case_type_id", "case_type"),
        Dimension("agent", _("Agent"), "registered_by_id", "agent_id", "registered_by"),
    )
}  # fmt: skip

GRAINS = {
    "hour": _("Hour of the day"),
    "day": _("Day"),
    "week": _("Week"),
    "month": _("Month"),
}


@dataclass(frozen=True)
class Row:
    key: object
    label: str
    counts: dict  # figures.case_aggregates
    calls: dict | None  # figures.call_figures, or None where calls do not split this way
    filters: dict | None  # case search parameters; None: no list behind this row
    share: float = 0.0  # of the largest row's cases, for its bar

    @property
    def cases(self) -> int:
        return self.counts["cases"]

    @property
    def first_contact(self) -> dict:
        return figures.first_contact_resolution_of(self.counts)

    @property
    def query(self) -> str:
        return urlencode(self.filters) if self.filters is not None else ""

    @property
    def width(self) -> float:
        """The bar's length in a 120-unit track (SVG: the CSP allows no inline styles)."""
        return round(self.share * 120, 1)


@dataclass(frozen=True)
class Table:
    key: str  # a dimension or a grain
    label_heading: str
    rows: list[Row]
    has_calls: bool
    notes: list[str] = field(default_factory=list)

    @property
    def total_cases(self) -> int:
        return sum(row.cases for row in self.rows)


@dataclass(frozen=True)
class Scope:
    """What a breakdown reads: the organisation's cases registered in [start, end) and calls
    offered then; `first` and `last` are the same period as local calendar days."""

    organisation: Organisation
    first: datetime.date
    last: datetime.date
    start: datetime.datetime
    end: datetime.datetime
    language: str

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.organisation.timezone)

    @property
    def period_filters(self) -> dict:
        return {"registered_from": self.first, "registered_to": self.last}

    def cases(self) -> QuerySet[Case]:
        return Case.objects.filter(
            organisation_id=self.organisation.pk,
            registered_at__gte=self.start,
            registered_at__lt=self.end,
        )

    def case_counts_by(self, *fields: str, where: dict | None = None) -> list[dict]:
        """figures.case_counts_by of the period's cases, from the daily roll-ups where they
        serve (reporting.rollups) and from the case rows elsewhere; "day" is the local day."""
        return rollups.case_counts_by(
            self.organisation,
            self.first,
            self.last,
            Case.objects.filter(organisation_id=self.organisation.pk),
            *fields,
            where=where,
        )

    def calls(self) -> QuerySet[Call]:
        return Call.objects.filter(
            organisation_id=self.organisation.pk,
            offered_at__gte=self.start,
            offered_at__lt=self.end,
        )


EMPTY_CASE_COUNTS = {"cases": 0, "not_withdrawn": 0, "first_contact": 0}


def _sum(rows: list[dict]) -> dict:
    """Counts added up key by key (the figures divide sums, so sums of parts are exact)."""
    total: dict = {}
    for row in rows:
        for key, value in row.items():
            if isinstance(value, int | float):  # not the day or hour the row is of
                total[key] = total.get(key, 0) + value
    return total


def _call_figures(counts: dict | None, convention) -> dict | None:
    return figures.call_figures(counts, convention) if counts else None


def _with_shares(rows: list[Row]) -> list[Row]:
    peak = max((row.cases for row in rows), default=0) or 1
    return [
        Row(row.key, row.label, row.counts, row.calls, row.filters, row.cases / peak)
        for row in rows
    ]


# --- by dimension -------------------------------------------------------------------------------


def _names(dimension: Dimension, keys: set, scope: Scope) -> dict:
    ids = {key for key in keys if key is not None}
    if dimension.key == "organisation":
        return {scope.organisation.pk: scope.organisation.name}
    if dimension.key in ("department", "producer"):
        return {pk: d.name for pk, d in Department.objects.in_bulk(ids).items()}
    if dimension.key == "answer_group":
        return {pk: group.name for pk, group in AnswerGroup.objects.in_bulk(ids).items()}
    if dimension.key == "service_point":
        return {pk: point.name for pk, point in ServicePoint.objects.in_bulk(ids).items()}
    if dimension.key == "case_type":
        return {
            pk: case_type.name_in(scope.language)
            for pk, case_type in CaseType.objects.in_bulk(ids).items()
        }
    if dimension.key == "agent":
        return {pk: str(user) for pk, user in User.objects.in_bulk(ids).items()}
    return {value: str(label) for value, label in Channel.choices}


NONE_LABELS = {
    "department": _("No department"),
    "answer_group": _("Front line (no answer group)"),
    "service_point": _("No service point"),
    "case_type": _("No case type"),
    "agent": _("Registered by a channel or an integration"),
}


def by_dimension(scope: Scope, key: str, convention=None) -> Table:
    dimension = DIMENSIONS[key]
    convention = convention or figures.CallConvention.configured()
    calls = scope.calls() if dimension.call_field else None
    notes = []
    confidential = 0
    where = {}
    if key == "producer":
        producers = list(
            Department.objects.filter(
                organisation_id=scope.organisation.pk, kind__in=PRODUCER_KINDS
            ).values_list("pk", flat=True)
        )
        where = {"department_id__in": producers}
        calls = calls.filter(answer_group__department_id__in=producers)
        notes.append(_("Only cases owned by service producers and labour offices."))
    if key == "agent":
        confidential = scope.cases().filter(is_confidential=True).count()
        where = {"is_confidential": False}
    case_rows = {
        row[dimension.case_field]: row
        for row in scope.case_counts_by(dimension.case_field, where=where)
    }
    call_rows = {}
    if calls is not None:
        call_rows = {
            row[dimension.call_field]: row
            for row in figures.call_counts_by(calls, dimension.call_field, convention=convention)
        }
    elif key == "channel":
        # Every call is a phone call.
        phone = figures.call_counts(scope.calls(), convention)
        call_rows = {Channel.PHONE.value: phone} if phone["answered"] + phone["abandoned"] else {}
    keys = set(case_rows) | set(call_rows)
    names = _names(dimension, keys, scope)
    rows = []
    for member in keys:
        filters = dict(scope.period_filters)
        if dimension.search_parameter and member is not None:
            filters[dimension.search_parameter] = member
        elif dimension.search_parameter:
            filters = None  # "no group" and the like: case search has no such filter
        label = names.get(member) if member is not None else NONE_LABELS.get(key, "—")
        rows.append(
            Row(
                key=member,
                label=str(label if label is not None else member),
                counts={k: case_rows.get(member, EMPTY_CASE_COUNTS)[k] for k in EMPTY_CASE_COUNTS},
                calls=_call_figures(call_rows.get(member), convention),
                filters=filters,
            )
        )
    rows.sort(key=lambda row: (-row.cases, row.label))
    if key == "agent" and confidential:
        rows.append(
            Row(
                key="confidential",
                label=str(_("Confidential cases (never counted per person)")),
                counts={**EMPTY_CASE_COUNTS, "cases": confidential},
                calls=None,
                filters=None,
            )
        )
    return Table(
        key=key,
        label_heading=str(dimension.label),
        rows=_with_shares(rows),
        has_calls=key != "channel" or bool(call_rows),
        notes=[str(note) for note in notes],
    )


# --- by grain of time ---------------------------------------------------------------------------


def _days(scope: Scope) -> list[datetime.date]:
    return [
        scope.first + datetime.timedelta(days=offset)
        for offset in range((scope.last - scope.first).days + 1)
    ]


def _bucket(grain: str, scope: Scope) -> Callable[[datetime.date], tuple]:
    """A day's bucket of the grain: (key, label, first day, last day), clipped to the period."""

    def clip(first: datetime.date, last: datetime.date) -> tuple:
        return max(first, scope.first), min(last, scope.last)

    def of(day: datetime.date) -> tuple:
        if grain == "day":
            return day, day.isoformat(), day, day
        if grain == "week":
            monday = day - datetime.timedelta(days=day.weekday())
            year, week, _weekday = monday.isocalendar()
            return (
                monday,
                f"{year}-W{week:02d}",
                *clip(monday, monday + datetime.timedelta(days=6)),
            )
        first = day.replace(day=1)
        following = (first + datetime.timedelta(days=32)).replace(day=1)
        label = formats.date_format(first, "YEAR_MONTH_FORMAT")
        return first, label, *clip(first, following - datetime.timedelta(days=1))

    return of


def by_grain(scope: Scope, grain: str, convention=None) -> Table:
    convention = convention or figures.CallConvention.configured()
    if grain not in GRAINS:
        raise ValueError(f"Unknown grain {grain!r}")
    if grain == "hour":
        return _by_hour(scope, convention)
    zone = scope.zone
    per_day = {row["day"]: row for row in scope.case_counts_by("day")}
    calls_per_day = {
        row["day"]: row
        for row in figures.call_counts_by(
            scope.calls().annotate(day=TruncDate("offered_at", tzinfo=zone)),
            "day",
            convention=convention,
        )
    }
    bucket_of = _bucket(grain, scope)
    buckets: dict = {}
    for day in _days(scope):
        key, label, first, last = bucket_of(day)
        entry = buckets.setdefault(key, {"label": label, "first": first, "last": last,
                                         "cases": [], "calls": []})  # fmt: skip
        if day in per_day:
            entry["cases"].append(per_day[day])
        if day in calls_per_day:
            entry["calls"].append(calls_per_day[day])
    rows = []
    for key, entry in buckets.items():
        counts = _sum(entry["cases"])
        call_counts = _sum(entry["calls"])
        rows.append(
            Row(
                key=key,
                label=entry["label"],
                counts={k: counts.get(k, 0) for k in EMPTY_CASE_COUNTS},
                calls=_call_figures(call_counts, convention),
                filters={"registered_from": entry["first"], "registered_to": entry["last"]},
            )
        )
    return Table(key=grain, label_heading=str(GRAINS[grain]), rows=_with_shares(rows),
                 has_calls=True)  # fmt: skip


def _by_hour(scope: Scope, convention) -> Table:
    zone = scope.zone
    per_hour = {
        row["hour"]: row
        for row in figures.case_counts_by(
            scope.cases().annotate(hour=ExtractHour("registered_at", tzinfo=zone)), "hour"
        )
    }
    calls_per_hour = {
        row["hour"]: row
        for row in figures.call_counts_by(
            scope.calls().annotate(hour=ExtractHour("offered_at", tzinfo=zone)),
            "hour",
            convention=convention,
        )
    }
    rows = [
        Row(
            key=hour,
            label=f"{hour:02d}:00",
            counts={k: per_hour.get(hour, EMPTY_CASE_COUNTS)[k] for k in EMPTY_CASE_COUNTS},
            calls=_call_figures(calls_per_hour.get(hour), convention),
            filters={**scope.period_filters, "registered_hour": hour},
        )
        for hour in range(24)
    ]
    return Table(key="hour", label_heading=str(GRAINS["hour"]), rows=_with_shares(rows),
                 has_calls=True)  # fmt: skip

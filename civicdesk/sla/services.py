"""Configuring calendars and SLA policies. Every rule is checked here with a clear message."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from civicdesk.catalog.models import CaseType
from civicdesk.core import authz
from civicdesk.core.errors import DomainError
from civicdesk.org.models import AnswerGroup, Organisation, ServicePoint, User
from civicdesk.sla.calendars import forget_cached_calendars
from civicdesk.sla.choices import DurationUnit
from civicdesk.sla.models import BusinessCalendar, Closure, OpeningHours, SlaPolicy
from civicdesk.sla.working_time import SUPPORTED_COUNTRIES, CalendarError, WorkingCalendar

Hours = list[tuple[int, datetime.time, datetime.time]]


def _validated_hours(hours: Hours) -> Hours:
    if not hours:
        raise DomainError(
            _("A calendar needs opening hours on at least one weekday."), field="opening_hours"
        )
    for weekday, opens, closes in hours:
        if weekday not in range(7):
            raise DomainError(
                _("Weekdays run from 0 (Monday) to 6 (Sunday)."), field="opening_hours"
            )
        if opens >= closes:
            raise DomainError(_("Opening must be before closing."), field="opening_hours")
    return hours


def _check_engine(timezone: str, country: str, hours: Hours) -> None:
    from civicdesk.sla.working_time import weekly_hours

    if country not in SUPPORTED_COUNTRIES:
        raise DomainError(
            _("Unknown holiday country “%(country)s”; use one of: %(choices)s.")
            % {"country": country, "choices": ", ".join(SUPPORTED_COUNTRIES)},
            field="holiday_country",
        )
    try:
        WorkingCalendar(timezone=timezone, weekly=weekly_hours(hours), country=country)
    except CalendarError:
        raise DomainError(
            _("Opening hours must not overlap within a day."), field="opening_hours"
        ) from None
    except (ValueError, KeyError):
        raise DomainError(
            _("“%(value)s” is not a known time zone.") % {"value": timezone}, field="timezone"
        ) from None


@transaction.atomic
def create_calendar(
    *,
    actor: User,
    organisation: Organisation,
    name: str,
    opening_hours: Hours,
    holiday_country: str = "",
    timezone: str = "",
    service_point: ServicePoint | None = None,
) -> BusinessCalendar:
    authz.require(actor, "sla.manage_service_levels", organisation)
    holiday_country = holiday_country or organisation.country
    timezone = timezone or organisation.timezone
    hours = _validated_hours(opening_hours)
    _check_engine(timezone, holiday_country, hours)
    if service_point is not None and service_point.organisation_id != organisation.pk:
        raise DomainError(
            _("The service point belongs to another organisation."), field="service_point"
        )
    try:
        with transaction.atomic():
            calendar = BusinessCalendar.objects.create(
                organisation=organisation,
                name=name.strip() or organisation.name,
                service_point=service_point,
                holiday_country=holiday_country,
                timezone=timezone,
            )
    except IntegrityError:
        raise DomainError(
            _("There is a calendar for this already."), field="service_point"
        ) from None
    OpeningHours.objects.bulk_create(
        OpeningHours(calendar=calendar, weekday=day, opens=opens, closes=closes)
        for day, opens, closes in hours
    )
    forget_cached_calendars()
    return calendar


@transaction.atomic
def set_opening_hours(*, actor: User, calendar: BusinessCalendar, opening_hours: Hours) -> None:
    authz.require(actor, "sla.manage_service_levels", calendar)
    hours = _validated_hours(opening_hours)
    _check_engine(calendar.timezone, calendar.holiday_country, hours)
    calendar.opening_hours.all().delete()
    OpeningHours.objects.bulk_create(
        OpeningHours(calendar=calendar, weekday=day, opens=opens, closes=closes)
        for day, opens, closes in hours
    )
    forget_cached_calendars()


def add_closure(
    *, actor: User, calendar: BusinessCalendar, date: datetime.date, reason: str = ""
) -> Closure:
    authz.require(actor, "sla.manage_service_levels", calendar)
    closure, _created = Closure.objects.get_or_create(
        calendar=calendar, date=date, defaults={"reason": reason.strip()[:200]}
    )
    forget_cached_calendars()
    return closure


_DURATIONS = ("first_response", "feedback", "resolution")


def _validated_durations(values: dict) -> dict:
    for name in _DURATIONS:
        amount = values.get(f"{name}_amount")
        if amount is not None and (not isinstance(amount, int) or amount <= 0):
            raise DomainError(_("Every deadline must be longer than zero."), field=f"{name}_amount")
        unit = values.get(f"{name}_unit")
        if unit is not None and unit not in DurationUnit.values:
            raise DomainError(
                _("Unknown unit “%(unit)s”; use one of: %(choices)s.")
                % {"unit": unit, "choices": ", ".join(DurationUnit.values)},
                field=f"{name}_unit",
            )
    for name in ("warning_minutes", "second_level_minutes"):
        if name in values and (not isinstance(values[name], int) or values[name] < 0):
            raise DomainError(_("Alarm times cannot be negative."), field=name)
    return values


@transaction.atomic
def create_policy(
    *,
    actor: User,
    organisation: Organisation,
    name: str,
    case_type: CaseType | None = None,
    answer_group: AnswerGroup | None = None,
    calendar: BusinessCalendar | None = None,
    **durations,
) -> SlaPolicy:
    authz.require(actor, "sla.manage_service_levels", organisation)
    unknown = (
        set(durations)
        - {f"{n}_{p}" for n in _DURATIONS for p in ("amount", "unit")}
        - {"warning_minutes", "second_level_minutes"}
    )
    if unknown:
        raise DomainError(_("Unknown settings: %(names)s") % {"names": ", ".join(sorted(unknown))})
    _validated_durations(durations)
    for field, related in (
        ("case_type", case_type),
        ("answer_group", answer_group),
        ("calendar", calendar),
    ):
        if related is not None and related.organisation_id != organisation.pk:
            raise DomainError(_("This belongs to another organisation."), field=field)
    if SlaPolicy.objects.filter(
        organisation=organisation, case_type=case_type, answer_group=answer_group
    ).exists():
        raise DomainError(_("A policy for this case type and group exists."), field="case_type")
    return SlaPolicy.objects.create(
        organisation=organisation,
        name=name.strip() or _("Policy"),
        case_type=case_type,
        answer_group=answer_group,
        calendar=calendar,
        **durations,
    )


@transaction.atomic
def update_policy(*, actor: User, policy: SlaPolicy, **changes) -> SlaPolicy:
    authz.require(actor, "sla.manage_service_levels", policy)
    allowed = {f"{n}_{p}" for n in _DURATIONS for p in ("amount", "unit")} | {
        "warning_minutes",
        "second_level_minutes",
        "name",
    }
    unknown = set(changes) - allowed
    if unknown:
        raise DomainError(_("Unknown settings: %(names)s") % {"names": ", ".join(sorted(unknown))})
    _validated_durations(changes)
    for field, value in changes.items():
        setattr(policy, field, value)
    policy.save()
    return policy

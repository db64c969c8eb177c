"""A case's deadlines and their alarms, kept in step with what happens to the case.

The policy (sla.selectors.policy_for) says how long each deadline is, in working time of the
case's calendar; this module computes the due times, stores them on the case (indexed, so
lists and reports can query them) and keeps one CaseAlarm row per alarm level: a warning
before, the breach, a second alarm after. While the case waits for the customer the clocks
stand still: resuming extends every open deadline by the working time spent waiting.
"""

from __future__ import annotations

import datetime

from django.db.models import Q

from civicdesk.cases.choices import OPEN_STATUSES, Status
from civicdesk.cases.models import AlarmLevel, Case, CaseAlarm, DeadlineKind
from civicdesk.sla.calendars import working_calendar
from civicdesk.sla.choices import DurationUnit
from civicdesk.sla.models import SlaPolicy
from civicdesk.sla.selectors import policy_for
from civicdesk.sla.working_time import WorkingCalendar

# Without any configured policy: the seeds' rule of three working days for the department,
# a first answer within a working day, resolution within ten.
DEFAULTS = {
    "first_response": (1, DurationUnit.WORKING_DAYS),
    "feedback": (3, DurationUnit.WORKING_DAYS),
    "resolution": (10, DurationUnit.WORKING_DAYS),
    "warning_minutes": 240,
    "second_level_minutes": 480,
}
DUE_FIELDS = {
    DeadlineKind.FIRST_RESPONSE: "first_response_due_at",
    DeadlineKind.FEEDBACK: "feedback_due_at",
    DeadlineKind.RESOLUTION: "resolution_due_at",
}


def _setting(policy: SlaPolicy | None, name: str):
    if policy is None:
        return DEFAULTS[name]
    if name in ("warning_minutes", "second_level_minutes"):
        return getattr(policy, name)
    return getattr(policy, f"{name}_amount"), getattr(policy, f"{name}_unit")


def calendar_of(case: Case) -> WorkingCalendar:
    policy = case.sla_policy
    return working_calendar(
        case.organisation, case.service_point_id, policy.calendar if policy is not None else None
    )


def add_duration(
    calendar: WorkingCalendar, start: datetime.datetime, amount: int, unit: str
) -> datetime.datetime:
    if unit == DurationUnit.WORKING_DAYS:
        return calendar.add_days(start, amount)
    minutes = amount * 60 if unit == DurationUnit.WORKING_HOURS else amount
    return calendar.add_minutes(start, minutes)


def _due(case: Case, kind: str, start: datetime.datetime) -> datetime.datetime:
    amount, unit = _setting(case.sla_policy, kind)
    return add_duration(calendar_of(case), start, amount, unit)


# --- what the case services call ------------------------------------------------------------


def start_clocks(case: Case) -> list[str]:
    """At registration: the policy of the case type, and the first-response and resolution
    deadlines. Returns the case fields it changed."""
    case.sla_policy = policy_for(case.organisation_id, case.case_type_id, case.answer_group_id)
    changed = ["sla_policy", "resolution_due_at"]
    case.resolution_due_at = _due(case, DeadlineKind.RESOLUTION, case.registered_at)
    if case.first_response_at is None:
        case.first_response_due_at = _due(case, DeadlineKind.FIRST_RESPONSE, case.registered_at)
        changed.append("first_response_due_at")
    return changed


def start_feedback_clock(case: Case, now: datetime.datetime) -> list[str]:
    """At forwarding: the group's policy (a group may promise faster than the default)."""
    case.sla_policy = policy_for(case.organisation_id, case.case_type_id, case.answer_group_id)
    case.feedback_due_at = _due(case, DeadlineKind.FEEDBACK, now)
    return ["sla_policy", "feedback_due_at"]


def recompute_clocks(case: Case) -> list[str]:
    """After a change of case type: the new type's policy from the original starting points."""
    changed = start_clocks(case)
    if case.forwarded_at is not None:
        case.feedback_due_at = _due(case, DeadlineKind.FEEDBACK, case.forwarded_at)
        changed.append("feedback_due_at")
    return changed


def restart_resolution_clock(case: Case, now: datetime.datetime) -> list[str]:
    """A reopened case gets a new resolution deadline from the moment it was reopened."""
    case.resolution_due_at = _due(case, DeadlineKind.RESOLUTION, now)
    return ["resolution_due_at"]


def pause_clocks(case: Case, now: datetime.datetime) -> list[str]:
    if case.waiting_since is not None:
        return []
    case.waiting_since = now
    return ["waiting_since"]


def resume_clocks(case: Case, now: datetime.datetime) -> list[str]:
    """Every open deadline moves on by the working time the case spent waiting."""
    if case.waiting_since is None:
        return []
    calendar = calendar_of(case)
    paused = calendar.minutes_between(case.waiting_since, now)
    changed = ["waiting_since"]
    for field in DUE_FIELDS.values():
        due = getattr(case, field)
        if due is not None and paused:
            setattr(case, field, calendar.add_minutes(due, paused))
            changed.append(field)
    case.waiting_since = None
    return changed


# --- alarms ---------------------------------------------------------------------------------


def _running_deadlines(case: Case) -> dict[str, datetime.datetime]:
    """The deadlines whose clocks run: an open case, not waiting, not yet met."""
    if case.status not in OPEN_STATUSES or case.status == Status.WAITING:
        return {}
    running = {}
    if case.first_response_due_at and case.first_response_at is None:
        running[DeadlineKind.FIRST_RESPONSE] = case.first_response_due_at
    if case.feedback_due_at and case.department_contacted_at is None:
        running[DeadlineKind.FEEDBACK] = case.feedback_due_at
    if case.resolution_due_at:
        running[DeadlineKind.RESOLUTION] = case.resolution_due_at
    return running


def alarm_times(calendar: WorkingCalendar, due: datetime.datetime, policy) -> dict:
    return {
        AlarmLevel.WARNING: calendar.subtract_minutes(due, _setting(policy, "warning_minutes")),
        AlarmLevel.BREACH: due,
        AlarmLevel.SECOND: calendar.add_minutes(due, _setting(policy, "second_level_minutes")),
    }


Wanted = dict[tuple[str, str], tuple[datetime.datetime, datetime.datetime]]


def _wanted_alarms(case: Case) -> Wanted:
    """(deadline, level) -> (due, fire_at) for every alarm of the case's running deadlines."""
    wanted: Wanted = {}
    running = _running_deadlines(case)
    if running:
        calendar = calendar_of(case)
        for kind, due in running.items():
            for level, fire_at in alarm_times(calendar, due, case.sla_policy).items():
                wanted[(kind, level)] = (due, fire_at)
    return wanted


def create_alarms(case: Case) -> None:
    """The alarm rows of a case just inserted in this transaction: what sync_alarms would
    write, without reading back the rows such a case cannot have yet."""
    CaseAlarm.objects.bulk_create(
        CaseAlarm(
            organisation_id=case.organisation_id,
            case=case,
            deadline=deadline,
            level=level,
            due_at=due,
            fire_at=fire_at,
        )
        for (deadline, level), (due, fire_at) in _wanted_alarms(case).items()
    )


def sync_alarms(case: Case) -> None:
    """Brings the case's unfired alarm rows in line with its running deadlines. Fired rows
    are history: they stay, and their level never fires again for this case."""
    existing = {(alarm.deadline, alarm.level): alarm for alarm in case.alarms.all()}
    wanted = _wanted_alarms(case)
    new, stale = [], []
    for key, (due, fire_at) in wanted.items():
        alarm = existing.get(key)
        if alarm is None:
            new.append(
                CaseAlarm(
                    organisation_id=case.organisation_id,
                    case=case,
                    deadline=key[0],
                    level=key[1],
                    due_at=due,
                    fire_at=fire_at,
                )
            )
        elif alarm.fired_at is None and (alarm.fire_at, alarm.due_at) != (fire_at, due):
            CaseAlarm.objects.filter(pk=alarm.pk, fired_at__isnull=True).update(
                fire_at=fire_at, due_at=due
            )
    for key, alarm in existing.items():
        if key not in wanted and alarm.fired_at is None:
            stale.append(alarm.pk)
    if new:
        CaseAlarm.objects.bulk_create(new, ignore_conflicts=True)
    if stale:
        CaseAlarm.objects.filter(pk__in=stale, fired_at__isnull=True).delete()


def overdue_filter(at: datetime.datetime) -> Q:
    """Open cases, not waiting for the customer, with a deadline passed unmet: the one
    definition of "overdue" for work lists, digests and reports."""
    return (
        Q(status__in=OPEN_STATUSES)
        & Q(waiting_since__isnull=True)
        & (
            Q(feedback_due_at__lt=at, department_contacted_at__isnull=True)
            | Q(first_response_due_at__lt=at, first_response_at__isnull=True)
            | Q(resolution_due_at__lt=at)
        )
    )

"""Firing alarms exactly once, and telling the handler and their nearest manager.

Firing is one conditional UPDATE (`fired_at` set where it is still empty and the alarm is
due): however many schedulers run and however the clock jumps, each row is won by one of them
once. Telling people is a second step that claims fired rows in batches and queues the mail in
the same transaction, with a dedupe key per alarm and recipient: a crash before the commit
leaves the rows unclaimed, a crash after it has queued every message.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from civicdesk.cases import notifications
from civicdesk.cases.models import Case, CaseAlarm
from civicdesk.org.models import User

NOTIFY_BATCH = 500


def fire_due_alarms(*, now: datetime.datetime | None = None) -> int:
    """Marks every due, unfired alarm as fired; returns how many this call fired."""
    now = now or timezone.now()
    return CaseAlarm.objects.filter(
        notified_at__isnull=True, fired_at__isnull=True, fire_at__lte=now
    ).update(fired_at=now)


def recipients(case: Case) -> list[User]:
    """The handler and their nearest manager: the group's manager, else the handler's own."""
    people = []
    if case.handler is not None:
        people.append(case.handler)
    manager = None
    if case.answer_group is not None and case.answer_group.manager is not None:
        manager = case.answer_group.manager
    elif case.handler is not None and case.handler.manager is not None:
        manager = case.handler.manager
    if manager is not None:
        people.append(manager)
    unique = {person.pk: person for person in people if person.is_active}
    return list(unique.values())


def notify_fired_alarms(*, batch: int = NOTIFY_BATCH) -> int:
    """Queues the e-mail for fired alarms not yet told; returns how many alarms it handled."""
    handled = 0
    # A fired alarm's fire_at is at or before the moment it fired; bounding the scan by it keeps
    # the index walk off the unfired rows (after a clock jump back: told when time catches up).
    now = timezone.now()
    while True:
        with transaction.atomic():
            alarms = list(
                CaseAlarm.objects.select_for_update(skip_locked=True, of=("self",))
                .filter(notified_at__isnull=True, fired_at__isnull=False, fire_at__lte=now)
                .select_related(
                    "case__organisation",
                    "case__handler__manager",
                    "case__answer_group__manager",
                    "case__case_type",
                )
                .order_by("fire_at", "pk")[:batch]
            )
            if not alarms:
                return handled
            for alarm in alarms:
                for person in recipients(alarm.case):
                    notifications.alarm_fired(alarm=alarm, recipient=person)
            CaseAlarm.objects.filter(pk__in=[alarm.pk for alarm in alarms]).update(
                notified_at=timezone.now()
            )
            handled += len(alarms)


def alarms_for(actor: User) -> QuerySet[CaseAlarm]:
    """The fired alarms the actor was told about: as handler or as nearest manager."""
    return (
        CaseAlarm.objects.filter(fired_at__isnull=False, organisation_id=actor.organisation_id)
        .filter(
            Q(case__handler=actor)
            | Q(case__answer_group__manager=actor)
            | Q(case__answer_group__isnull=True, case__handler__manager=actor)
        )
        .select_related("case")
        .order_by("-fired_at", "-pk")
    )

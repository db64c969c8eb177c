"""Which policy governs a case, and reading the calendars."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from civicdesk.org.models import User
from civicdesk.sla.models import BusinessCalendar, SlaPolicy


def policy_for(
    organisation_id: int, case_type_id: int | None, answer_group_id: int | None
) -> SlaPolicy | None:
    """The most specific policy: type and group, type, group, then the default."""
    candidates = list(
        SlaPolicy.objects.filter(organisation_id=organisation_id)
        .filter(Q(case_type_id=case_type_id) | Q(case_type__isnull=True))
        .filter(Q(answer_group_id=answer_group_id) | Q(answer_group__isnull=True))
        .select_related("calendar")
    )
    if not candidates:
        return None
    return max(
        candidates,
        key=lambda policy: (policy.case_type_id is not None, policy.answer_group_id is not None),
    )


def calendars_for_actor(actor: User) -> QuerySet[BusinessCalendar]:
    return BusinessCalendar.objects.for_actor(actor).prefetch_related("opening_hours", "closures")


def policies_for_actor(actor: User) -> QuerySet[SlaPolicy]:
    return SlaPolicy.objects.for_actor(actor).select_related(
        "case_type", "answer_group", "calendar"
    )

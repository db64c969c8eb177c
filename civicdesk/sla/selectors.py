"""Which policy governs a case, and reading the calendars."""

from __future__ import annotations

import time

from django.db.models import QuerySet

from civicdesk.org.models import User
from civicdesk.sla.models import BusinessCalendar, SlaPolicy

# An organisation's policies change rarely and are read at every registration. Like the
# calendars (sla.calendars), they are kept for a minute per process; a change in this process
# (service, admin, factory) forgets them at once through the signals in sla.apps, so only
# other processes may start up to a minute of registrations on the policy they had.
_POLICY_CACHE_SECONDS = 60
_policy_cache: dict[int, tuple[float, tuple[SlaPolicy, ...]]] = {}


def _policies_of(organisation_id: int) -> tuple[SlaPolicy, ...]:
    cached = _policy_cache.get(organisation_id)
    if cached and time.monotonic() - cached[0] < _POLICY_CACHE_SECONDS:
        return cached[1]
    policies = tuple(SlaPolicy.objects.filter(organisation_id=organisation_id))
    _policy_cache[organisation_id] = (time.monotonic(), policies)
    return policies


def forget_cached_policies(**_signal) -> None:
    _policy_cache.clear()


def policy_for(
    organisation_id: int, case_type_id: int | None, answer_group_id: int | None
) -> SlaPolicy | None:
    """The most specific policy: type and group, type, group, then the default."""
    candidates = [
        policy
        for policy in _policies_of(organisation_id)
        if policy.case_type_id in (case_type_id, None)
        and policy.answer_group_id in (answer_group_id, None)
    ]
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

"""Reads of the catalogue."""

from __future__ import annotations

import copy
import time

from django.db.models import Q, QuerySet

from civicdesk.catalog.models import CaseType, Topic
from civicdesk.core.i18n import LANGUAGE_CODES
from civicdesk.core.selectors import get_for_actor
from civicdesk.org.models import User


def topics_for_actor(actor: User) -> QuerySet[Topic]:
    return Topic.objects.for_actor(actor).filter(is_active=True)


def get_topic(actor: User, pk) -> Topic:
    return get_for_actor(Topic.objects.for_actor(actor), pk)


def case_types_for_actor(actor: User, *, include_inactive: bool = False) -> QuerySet[CaseType]:
    queryset = CaseType.objects.for_actor(actor).select_related(
        "organisation", "topic", "department", "default_group"
    )
    if not include_inactive:
        queryset = queryset.filter(is_active=True)
    return queryset


def get_case_type(actor: User, pk) -> CaseType:
    return get_for_actor(case_types_for_actor(actor, include_inactive=True), pk)


# Every registration names a case type; an organisation's few hundred change rarely. Like the
# SLA policies (sla.selectors) they are kept for a minute per process, and a change in this
# process forgets them at once (signals in catalog.apps), so only other processes may register
# for up to a minute with the row they had (a renamed type's old name on the new case's subject).
_CASE_TYPE_CACHE_SECONDS = 60
_case_type_cache: dict[int, tuple[float, dict[int, CaseType]]] = {}


def _case_types_of(organisation_id: int) -> dict[int, CaseType]:
    cached = _case_type_cache.get(organisation_id)
    if cached and time.monotonic() - cached[0] < _CASE_TYPE_CACHE_SECONDS:
        return cached[1]
    rows = CaseType.objects.filter(organisation_id=organisation_id).select_related("organisation")
    by_pk = {case_type.pk: case_type for case_type in rows}
    _case_type_cache[organisation_id] = (time.monotonic(), by_pk)
    return by_pk


def forget_cached_case_types(**_signal) -> None:
    _case_type_cache.clear()


def get_case_type_reference(actor: User, pk) -> CaseType:
    """A case type to put on a case (active or not): its own columns and its organisation
    (for its name in the organisation's language), no other related rows."""
    if actor.is_authenticated and actor.is_active and actor.organisation_id is not None:
        try:
            cached = _case_types_of(actor.organisation_id).get(int(pk))
        except (TypeError, ValueError):
            cached = None
        if cached is not None:
            return copy.copy(cached)  # callers may set attributes; the cached row stays as read
    # Not cached (created elsewhere within the minute, or of another organisation): the database
    # answers, with the actor's scope and its 404.
    return get_for_actor(CaseType.objects.for_actor(actor).select_related("organisation"), pk)


def search_case_types(actor: User, text: str, *, limit: int = 20) -> QuerySet[CaseType]:
    """Type-ahead over names in every language and the code."""
    words = text.split()
    queryset = case_types_for_actor(actor)
    for word in words:
        match = Q(code__icontains=word)
        for code in LANGUAGE_CODES:
            match |= Q(**{f"name_{code}__icontains": word})
        queryset = queryset.filter(match)
    return queryset[:limit]

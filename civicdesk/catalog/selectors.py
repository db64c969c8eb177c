"""Reads of the catalogue."""

from __future__ import annotations

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


def get_case_type_reference(actor: User, pk) -> CaseType:
    """A case type to put on a case (active or not): its own columns and its organisation
    (for its name in the organisation's language), no other related rows."""
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

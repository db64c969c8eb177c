"""Reads of billing through the actor: producer contacts see their own producer only."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from civicdesk.billing.choices import PUBLISHED_STATUSES
from civicdesk.billing.models import Price, ServiceEventType, Statement, StatementEvent
from civicdesk.cases.models import Case
from civicdesk.core import authz
from civicdesk.core.errors import Forbidden, NotFound
from civicdesk.core.selectors import get_for_actor
from civicdesk.org.choices import Role
from civicdesk.org.models import User


def _sees_every_producer(actor: User) -> bool:
    return actor.is_superuser or actor.has_role(Role.TEAM_LEAD, Role.ADMINISTRATOR)


def statements_for_actor(actor: User) -> QuerySet[Statement]:
    """Leads and administrators: every statement. A producer's contact: their producer's
    issued and superseded ones, never a draft."""
    authz.require(actor, "billing.view_billing", actor.organisation)
    statements = Statement.objects.for_actor(actor).select_related(
        "producer", "service_point", "corrects", "organisation"
    )
    if _sees_every_producer(actor):
        return statements
    return statements.filter(producer_id=actor.department_id, status__in=PUBLISHED_STATUSES)


def get_statement(actor: User, statement_id) -> Statement:
    try:
        statements = statements_for_actor(actor)
    except Forbidden:
        raise NotFound() from None
    statement = get_for_actor(statements, statement_id)
    authz.require(actor, "billing.view_statement", statement)
    return statement


def prices_for_actor(actor: User) -> QuerySet[Price]:
    authz.require(actor, "billing.view_prices", actor.organisation)
    prices = Price.objects.for_actor(actor).select_related("producer", "event_type")
    if _sees_every_producer(actor):
        return prices
    return prices.filter(producer_id=actor.department_id)


def event_types_for_actor(actor: User) -> QuerySet[ServiceEventType]:
    authz.require(actor, "billing.view_prices", actor.organisation)
    return ServiceEventType.objects.for_actor(actor).prefetch_related("mappings__case_type")


@dataclass(frozen=True)
class EventRow:
    """One billed event as the reader may see it: a confidential case has no reference."""

    occurred_at: object
    line_position: int
    event_type_code: str
    confidential: bool
    reference: str | None
    case_id: int | None  # only when the reader may open the case


def statement_events(actor: User, statement: Statement, *, limit: int = 1000) -> list[EventRow]:
    """The events behind a statement, for the reader: the case's reference where the case is
    not confidential, a link where the reader may open it, nothing more."""
    authz.require(actor, "billing.view_statement", statement)
    events = list(
        StatementEvent.objects.filter(statement=statement)
        .select_related("line", "case")
        .order_by("occurred_at", "pk")[:limit]
    )
    case_ids = {event.case_id for event in events if event.case_id and not event.is_confidential}
    openable = set(
        Case.objects.for_actor(actor).filter(pk__in=case_ids).values_list("pk", flat=True)
    )
    rows = []
    for event in events:
        hidden = event.is_confidential or event.case is None or event.case.is_confidential
        rows.append(
            EventRow(
                occurred_at=event.occurred_at,
                line_position=event.line.position,
                event_type_code=event.line.event_type_code,
                confidential=hidden,
                reference=None if hidden else event.case.reference,
                case_id=event.case_id if not hidden and event.case_id in openable else None,
            )
        )
    return rows

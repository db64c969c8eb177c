"""Billing statements for a finance system that reads them rather than importing files."""

import datetime

from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.pagination import paginate

from civicdesk.billing import selectors
from civicdesk.billing.schemas import StatementDetailOut, StatementFilter, StatementOut
from civicdesk.core.api import actor_of, error_responses
from civicdesk.core.errors import DomainError
from civicdesk.core.pagination import Pagination

router = Router(tags=["Billing"])


@router.get(
    "/statements",
    response=list[StatementOut],
    summary="Statements the caller may see, newest month first",
)
@paginate(Pagination)
def list_statements(request, filters: Query[StatementFilter]):
    statements = selectors.statements_for_actor(actor_of(request))
    if filters.month:
        try:
            month = datetime.datetime.strptime(filters.month, "%Y-%m").date()
        except ValueError:
            raise DomainError(
                _("Give a year and a month, such as 2026-10."), field="month"
            ) from None
        statements = statements.filter(month=month)
    for field in ("status", "producer_id", "service_point_id"):
        value = getattr(filters, field)
        if value is not None:
            statements = statements.filter(**{field: value})
    return statements


@router.get(
    "/statements/{statement_id}",
    response={200: StatementDetailOut, **error_responses(404)},
    summary="One statement with its lines",
)
def get_statement(request, statement_id: int):
    return selectors.get_statement(actor_of(request), statement_id)

"""The finance system's import layout: fixed columns, in a fixed order, with fixed names.

The layout does not follow the reader's language (a finance import must not break when
someone switches to Swedish): column names, codes and dates are machine text, amounts have
two decimals and a dot. docs/billing.md, "Finance export", describes every column. The same
rows go to CSV (UTF-8 with BOM) and XLSX through core.exports, which also guards against
text a spreadsheet would run as a formula.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from civicdesk.billing.models import Statement

FINANCE_COLUMNS = (
    "record_type",  # LINE for each line, then TOTAL for its statement
    "statement_number",
    "version",
    "corrects_number",
    "status",
    "period",  # YYYY-MM
    "organisation",
    "producer_code",
    "producer_name",
    "service_point_code",
    "service_point_name",
    "event_type_code",
    "event_type_name",
    "first_day",  # the days of the month the line's unit price applied, YYYY-MM-DD
    "last_day",
    "count",
    "unit_price",  # 12.50
    "amount",
    "currency",
    "problem",  # empty, no_event_type or no_price (drafts only: an issued line has a price)
)


def money(cents: int | None) -> Decimal | None:
    """Cents as a two-decimal amount (exact: no float on the way)."""
    if cents is None:
        return None
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


def _blank(value):
    return "" if value is None else value


def finance_rows(statements: Iterable[Statement]) -> Iterator[list]:
    """LINE rows of each statement followed by its TOTAL row, whose count and amount equal the
    statement's own totals (amount: the priced lines only; flagged lines have none)."""
    for statement in statements:
        common = [
            statement.number,
            statement.version,
            statement.corrects.number if statement.corrects_id else "",
            statement.status,
            statement.month.strftime("%Y-%m"),
            statement.organisation.slug,
            statement.producer.code,
            statement.producer.name,
            statement.service_point.code,
            statement.service_point.name,
        ]
        language = statement.organisation.default_language
        for line in statement.lines.select_related("event_type").order_by("position"):
            yield [
                "LINE",
                *common,
                line.event_type_code,
                line.event_type.name_in(language) if line.event_type_id else "",
                line.first_day.isoformat(),
                line.last_day.isoformat(),
                line.count,
                _blank(money(line.unit_cents)),
                _blank(money(line.amount_cents)),
                statement.currency,
                line.problem,
            ]
        yield [
            "TOTAL",
            *common,
            "",
            "",
            statement.first_day.isoformat(),
            statement.last_day.isoformat(),
            statement.event_count,
            "",
            money(statement.total_cents),
            statement.currency,
            "flagged" if statement.flagged_count else "",
        ]

import datetime

from ninja import Field, Schema

from civicdesk.billing.choices import StatementStatus
from civicdesk.billing.exports import money


class StatementFilter(Schema):
    month: str | None = Field(None, description="YYYY-MM", pattern=r"^\d{4}-\d{2}$")
    status: StatementStatus | None = None
    producer_id: int | None = None
    service_point_id: int | None = None


class StatementOut(Schema):
    id: int
    number: str
    month: datetime.date = Field(description="The month's first day.")
    version: int
    corrects_id: int | None = Field(description="The statement this version corrects.")
    status: StatementStatus
    producer_id: int
    producer_code: str
    service_point_id: int
    service_point_code: str
    currency: str
    event_count: int
    confidential_count: int
    flagged_count: int = Field(description="Events on lines without an amount (drafts only).")
    total_cents: int
    total: str = Field(description="The total with two decimals, such as 57.50.")
    produced_at: datetime.datetime
    issued_at: datetime.datetime | None

    @staticmethod
    def resolve_producer_code(obj) -> str:
        return obj.producer.code

    @staticmethod
    def resolve_service_point_code(obj) -> str:
        return obj.service_point.code

    @staticmethod
    def resolve_total(obj) -> str:
        return str(money(obj.total_cents))


class LineOut(Schema):
    position: int
    event_type_id: int | None
    event_type_code: str
    first_day: datetime.date
    last_day: datetime.date
    count: int
    confidential_count: int
    unit_cents: int | None
    amount_cents: int | None
    problem: str = Field(description="Empty, no_event_type or no_price.")


class StatementDetailOut(StatementOut):
    lines: list[LineOut]

    @staticmethod
    def resolve_lines(obj) -> list:
        return list(obj.lines.order_by("position"))

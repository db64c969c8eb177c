"""Writes of billing: event types and their case types, prices, statements produced and issued."""

from __future__ import annotations

import datetime
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from civicdesk.billing import events as billing_events
from civicdesk.billing.choices import (
    CURRENCY_BY_COUNTRY,
    PRODUCER_KINDS,
    LineProblem,
    StatementStatus,
)
from civicdesk.billing.models import (
    EventTypeMapping,
    Price,
    ServiceEventType,
    Statement,
    StatementEvent,
    StatementLine,
    month_bounds,
)
from civicdesk.billing.statements import ComputedStatement, compute
from civicdesk.catalog.models import CaseType
from civicdesk.core import authz
from civicdesk.core.errors import DomainError
from civicdesk.core.i18n import LANGUAGE_CODES
from civicdesk.knowledge.choices import Delivery
from civicdesk.org.models import Department, Organisation, ServicePoint, User

MAX_PRICE_CENTS = 100_000_000  # a million in the currency: a typo, not a price


def currency_of(organisation: Organisation) -> str:
    return CURRENCY_BY_COUNTRY[organisation.country]


def parse_amount(text: str | Decimal | int, *, field: str = "amount") -> int:
    """'12.50', '12,50' or 12.5 as cents; a clear error for anything else."""
    try:
        value = Decimal(str(text).strip().replace(",", ".").replace(" ", ""))
    except InvalidOperation:
        raise DomainError(_("Give the price as a number, such as 12.50."), field=field) from None
    if not value.is_finite() or value < 0:
        raise DomainError(_("A price is zero or more."), field=field)
    if value != value.quantize(Decimal("0.01")):
        raise DomainError(_("A price has at most two decimals."), field=field)
    cents = int((value * 100).to_integral_value(rounding=ROUND_HALF_UP))
    if cents > MAX_PRICE_CENTS:
        raise DomainError(_("This price is too high to be right."), field=field)
    return cents


def _same_organisation(organisation: Organisation, obj, field: str) -> None:
    if obj is not None and obj.organisation_id != organisation.pk:
        raise DomainError(_("This belongs to another organisation."), field=field)


# --- event types and their case types -------------------------------------------------------


@transaction.atomic
def create_event_type(
    *,
    actor: User,
    organisation: Organisation,
    code: str,
    names: dict[str, str],
    delivery: str = "",
) -> ServiceEventType:
    authz.require(actor, "billing.manage_prices", organisation)
    code = (code or "").strip()
    if not code:
        raise DomainError(_("Give the event type a code."), field="code")
    if ServiceEventType.objects.filter(organisation=organisation, code=code).exists():
        raise DomainError(_("An event type with this code exists already."), field="code")
    if delivery and delivery not in Delivery.values:
        raise DomainError(_("Unknown delivery mode."), field="delivery")
    if (
        delivery
        and ServiceEventType.objects.filter(organisation=organisation, delivery=delivery).exists()
    ):
        raise DomainError(
            _("Another event type stands for this delivery already."), field="delivery"
        )
    unknown = set(names) - set(LANGUAGE_CODES)
    if unknown:
        raise DomainError(
            _("Unknown language “%(code)s”. Use one of: %(choices)s.")
            % {"code": sorted(unknown)[0], "choices": ", ".join(LANGUAGE_CODES)},
            field="names",
        )
    cleaned = {f"name_{code}": (names.get(code) or "").strip() for code in LANGUAGE_CODES}
    if not any(cleaned.values()):
        raise DomainError(_("Give a name in at least one language."), field="names")
    return ServiceEventType.objects.create(
        organisation=organisation, code=code, delivery=delivery, **cleaned
    )


@transaction.atomic
def map_case_type(
    *, actor: User, case_type: CaseType, event_type: ServiceEventType | None
) -> EventTypeMapping | None:
    """Bills visits about `case_type` as `event_type`; None removes the mapping."""
    authz.require(actor, "billing.manage_prices", case_type)
    if event_type is None:
        EventTypeMapping.objects.filter(case_type=case_type).delete()
        return None
    if event_type.organisation_id != case_type.organisation_id:
        raise DomainError(_("This belongs to another organisation."), field="event_type")
    mapping, _created = EventTypeMapping.objects.update_or_create(
        case_type=case_type, defaults={"event_type": event_type}
    )
    return mapping


# --- prices ---------------------------------------------------------------------------------


@transaction.atomic
def set_price(
    *,
    actor: User,
    producer: Department,
    event_type: ServiceEventType,
    amount_cents: int,
    valid_from: datetime.date,
    valid_to: datetime.date | None = None,
) -> Price:
    """A new price from `valid_from`. The price in force until then, if open-ended, ends the
    day before; a new price without an end ends where a later one starts. Overlaps with a
    price that has its own end are refused: say which one wins by ending it first."""
    authz.require(actor, "billing.manage_prices", producer)
    organisation = producer.organisation
    _same_organisation(organisation, event_type, "event_type")
    if producer.kind not in PRODUCER_KINDS:
        raise DomainError(
            _("Only service producers and labour offices have prices."), field="producer"
        )
    if not isinstance(amount_cents, int) or amount_cents < 0 or amount_cents > MAX_PRICE_CENTS:
        raise DomainError(_("A price is zero or more."), field="amount")
    if valid_from is None:
        raise DomainError(_("Give the first day of the price."), field="valid_from")
    if valid_to is not None and valid_to < valid_from:
        raise DomainError(_("A price cannot end before it starts."), field="valid_to")
    prices = Price.objects.select_for_update().filter(producer=producer, event_type=event_type)
    if prices.filter(valid_from=valid_from).exists():
        raise DomainError(
            _("There is a price from this day already; pick another first day."),
            field="valid_from",
        )
    earlier = prices.filter(valid_from__lt=valid_from).order_by("-valid_from").first()
    later = prices.filter(valid_from__gt=valid_from).order_by("valid_from").first()
    if later is not None:
        last_free_day = later.valid_from - datetime.timedelta(days=1)
        if valid_to is None:
            valid_to = last_free_day
        elif valid_to > last_free_day:
            raise DomainError(
                _("A later price starts on %(day)s; end this one before it.")
                % {"day": later.valid_from.isoformat()},
                field="valid_to",
            )
    if earlier is not None and earlier.valid_to is None:
        # The usual price change: the price in force until now ends the day before.
        earlier.valid_to = valid_from - datetime.timedelta(days=1)
        earlier.save(update_fields=["valid_to", "updated_at"])
    elif earlier is not None and earlier.valid_to >= valid_from:
        raise DomainError(
            _("The price from %(day)s runs until %(end)s; start this one after it.")
            % {"day": earlier.valid_from.isoformat(), "end": earlier.valid_to.isoformat()},
            field="valid_from",
        )
    price = Price(
        organisation=organisation,
        producer=producer,
        event_type=event_type,
        amount_cents=amount_cents,
        currency=currency_of(organisation),
        valid_from=valid_from,
        valid_to=valid_to,
        created_by=actor,
    )
    price.full_clean()
    price.save()
    return price


# --- statements -----------------------------------------------------------------------------


@dataclass
class ProduceResult:
    month: datetime.date
    created: list[Statement] = field(default_factory=list)
    updated: list[Statement] = field(default_factory=list)
    removed: int = 0
    unchanged: int = 0

    def message(self) -> str:
        parts = [
            ngettext(
                "%(n)d new statement", "%(n)d new statements", len(self.created)
            ) % {"n": len(self.created)},
            ngettext(
                "%(n)d draft recomputed", "%(n)d drafts recomputed", len(self.updated)
            ) % {"n": len(self.updated)},
            ngettext(
                "%(n)d statement unchanged", "%(n)d statements unchanged", self.unchanged
            ) % {"n": self.unchanged},
        ]  # fmt: skip
        if self.removed:
            parts.append(
                ngettext(
                    "%(n)d draft without events removed",
                    "%(n)d drafts without events removed",
                    self.removed,
                )
                % {"n": self.removed}
            )
        return ", ".join(parts) + "."


def local_today(organisation: Organisation, now: datetime.datetime | None = None) -> datetime.date:
    return (now or timezone.now()).astimezone(zoneinfo.ZoneInfo(organisation.timezone)).date()


def require_closed_month(
    organisation: Organisation, month: datetime.date, now: datetime.datetime | None = None
) -> datetime.date:
    first, _last = month_bounds(month)
    if first >= local_today(organisation, now).replace(day=1):
        raise DomainError(
            _("Statements are produced for a month that is over; %(month)s is not.")
            % {"month": first.strftime("%Y-%m")},
            field="month",
        )
    return first


def _compute(
    organisation: Organisation,
    producer_id: int,
    service_point_id: int,
    first: datetime.date,
    last: datetime.date,
    events: list,
) -> ComputedStatement:
    prices: dict[int, list[Price]] = defaultdict(list)
    for price in Price.objects.filter(producer_id=producer_id, valid_from__lte=last).exclude(
        valid_to__lt=first
    ):
        prices[price.event_type_id].append(price)
    codes = dict(
        ServiceEventType.objects.filter(organisation=organisation).values_list("pk", "code")
    )
    return compute(events, prices=prices, type_codes=codes, first_day=first, last_day=last)


def _number(statement: Statement) -> str:
    return "-".join(
        [
            statement.organisation.reference_prefix,
            statement.month.strftime("%Y-%m"),
            statement.producer.code,
            statement.service_point.code,
            f"v{statement.version}",
        ]
    )


def _write_content(statement: Statement, computed: ComputedStatement) -> None:
    """Replaces a draft's lines and events with the computed ones, and its totals."""
    assert statement.is_draft, "only a draft is rewritten"
    StatementEvent.objects.filter(statement=statement).delete()
    StatementLine.objects.filter(statement=statement).delete()
    for position, computed_line in enumerate(computed.lines, start=1):
        line = StatementLine.objects.create(
            statement=statement,
            position=position,
            event_type_id=computed_line.event_type_id,
            event_type_code=computed_line.event_type_code,
            price=computed_line.price,
            first_day=computed_line.first_day,
            last_day=computed_line.last_day,
            count=computed_line.count,
            confidential_count=computed_line.confidential_count,
            unit_cents=computed_line.unit_cents,
            amount_cents=computed_line.amount_cents,
            problem=computed_line.problem,
        )
        StatementEvent.objects.bulk_create(
            [
                StatementEvent(
                    statement=statement,
                    line=line,
                    contact_id=event.contact_id,
                    case_id=event.case_id,
                    occurred_at=event.occurred_at,
                    is_confidential=event.is_confidential,
                )
                for event in computed_line.events
            ]
        )
    statement.event_count = computed.event_count
    statement.confidential_count = computed.confidential_count
    statement.flagged_count = computed.flagged_count
    statement.total_cents = computed.total_cents
    statement.fingerprint = computed.fingerprint


def _produce_one(
    *,
    actor: User | None,
    organisation: Organisation,
    producer: Department,
    service_point: ServicePoint,
    first: datetime.date,
    last: datetime.date,
    events: list,
    result: ProduceResult,
    now: datetime.datetime,
) -> None:
    computed = _compute(organisation, producer.pk, service_point.pk, first, last, events)
    existing = list(
        Statement.objects.select_for_update()
        .filter(
            organisation=organisation, producer=producer, service_point=service_point, month=first
        )
        .order_by("-version")
    )
    draft = next((s for s in existing if s.status == StatementStatus.DRAFT), None)
    issued = next((s for s in existing if s.status == StatementStatus.ISSUED), None)
    matches_issued = issued is not None and issued.fingerprint == computed.fingerprint
    if draft is not None:
        if draft.fingerprint == computed.fingerprint:
            result.unchanged += 1
        elif matches_issued or (issued is None and not computed.event_count):
            # The correction is no longer needed, or there is nothing to bill.
            StatementEvent.objects.filter(statement=draft).delete()
            StatementLine.objects.filter(statement=draft).delete()
            draft.delete()
            result.removed += 1
        else:
            _write_content(draft, computed)
            draft.produced_at, draft.produced_by = now, actor
            draft.save()
            result.updated.append(draft)
        return
    if matches_issued:
        result.unchanged += 1
        return
    if issued is None and not computed.event_count:
        return
    statement = Statement(
        organisation=organisation,
        producer=producer,
        service_point=service_point,
        month=first,
        version=(existing[0].version + 1) if existing else 1,
        corrects=issued,
        currency=currency_of(organisation),
        produced_at=now,
        produced_by=actor,
    )
    statement.number = _number(statement)
    statement.save()
    _write_content(statement, computed)
    statement.save()
    result.created.append(statement)


def produce_statements(
    *,
    actor: User | None,
    organisation: Organisation,
    month: datetime.date,
    now: datetime.datetime | None = None,
) -> ProduceResult:
    """Drafts of the month's statements, one per producer and service point with events.

    Idempotent: a draft whose content is unchanged stays as it is; a draft is recomputed
    when the data changed; an issued statement is never touched: if its content would now be
    different, a correction (the next version) is drafted beside it. `actor` None is the
    periodic job."""
    if actor is not None:
        authz.require(actor, "billing.produce_statements", organisation)
    now = now or timezone.now()
    first = require_closed_month(organisation, month, now)
    first, last = month_bounds(first)
    events = billing_events.service_events(organisation, first, last)
    by_pair: dict[tuple[int, int], list] = defaultdict(list)
    for event in events:
        by_pair[(event.producer_id, event.service_point_id)].append(event)
    pairs = set(by_pair) | set(
        Statement.objects.filter(organisation=organisation, month=first).values_list(
            "producer_id", "service_point_id"
        )
    )
    producers = Department.objects.in_bulk({producer for producer, _point in pairs})
    points = ServicePoint.objects.in_bulk({point for _producer, point in pairs})
    result = ProduceResult(month=first)
    for producer_id, point_id in sorted(pairs):
        try:
            with transaction.atomic():
                _produce_one(
                    actor=actor,
                    organisation=organisation,
                    producer=producers[producer_id],
                    service_point=points[point_id],
                    first=first,
                    last=last,
                    events=by_pair.get((producer_id, point_id), []),
                    result=result,
                    now=now,
                )
        except IntegrityError:
            # Another run (the job, or a second click) produced it at the same moment.
            result.unchanged += 1
    return result


@transaction.atomic
def issue_statement(
    *, actor: User, statement: Statement, now: datetime.datetime | None = None
) -> Statement:
    """Freezes a draft. It must bill every event (no flagged line) and still match the data:
    a draft the data has moved on from is produced again first."""
    authz.require(actor, "billing.issue_statement", statement)
    statement = Statement.objects.select_for_update().get(pk=statement.pk)
    if statement.status != StatementStatus.DRAFT:
        raise DomainError(_("This statement was issued already; it cannot change."))
    if statement.flagged_count:
        problems = set(
            statement.lines.exclude(problem="").values_list("problem", flat=True).distinct()
        )
        labels = "; ".join(str(LineProblem(problem).label) for problem in sorted(problems))
        raise DomainError(
            ngettext(
                "%(n)d event has no amount (%(problems)s). Set the missing price or event "
                "type, produce the month again, then issue.",
                "%(n)d events have no amount (%(problems)s). Set the missing prices or event "
                "types, produce the month again, then issue.",
                statement.flagged_count,
            )
            % {"n": statement.flagged_count, "problems": labels},
            code="flagged_lines",
        )
    organisation = statement.organisation
    events = billing_events.service_events(
        organisation,
        statement.first_day,
        statement.last_day,
        producer_id=statement.producer_id,
        service_point_id=statement.service_point_id,
    )
    current = _compute(
        organisation,
        statement.producer_id,
        statement.service_point_id,
        statement.first_day,
        statement.last_day,
        events,
    )
    if current.fingerprint != statement.fingerprint:
        raise DomainError(
            _(
                "Events or prices changed since this draft was produced. Produce the month "
                "again and check it before issuing."
            ),
            code="stale_draft",
        )
    now = now or timezone.now()
    previous = Statement.objects.select_for_update().filter(
        organisation=organisation,
        producer_id=statement.producer_id,
        service_point_id=statement.service_point_id,
        month=statement.month,
        status=StatementStatus.ISSUED,
    )
    previous.update(status=StatementStatus.SUPERSEDED, superseded_at=now, updated_at=now)
    statement.status = StatementStatus.ISSUED
    statement.issued_at, statement.issued_by = now, actor
    statement.save(update_fields=["status", "issued_at", "issued_by", "updated_at"])
    return statement


def previous_month(organisation: Organisation, now: datetime.datetime | None = None):
    this_month = local_today(organisation, now).replace(day=1)
    return (this_month - datetime.timedelta(days=1)).replace(day=1)


def produce_last_month_everywhere(now: datetime.datetime | None = None) -> int:
    """The periodic job: last month's drafts for every active organisation with producers."""
    made = 0
    producers = Department.objects.filter(kind__in=PRODUCER_KINDS, is_active=True)
    for organisation in Organisation.objects.filter(
        is_active=True, pk__in=producers.values("organisation_id")
    ):
        result = produce_statements(
            actor=None, organisation=organisation, month=previous_month(organisation, now), now=now
        )
        made += len(result.created) + len(result.updated)
    return made

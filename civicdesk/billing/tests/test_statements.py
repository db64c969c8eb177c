"""Statements against the hand-counted month in conftest.py."""

from __future__ import annotations

import datetime

import pytest

from civicdesk.billing import services
from civicdesk.billing.choices import LineProblem, StatementStatus
from civicdesk.billing.events import service_events
from civicdesk.billing.models import Statement, StatementLine
from civicdesk.billing.tests.conftest import NOVEMBER_NOW, OCTOBER, local
from civicdesk.core.errors import DomainError, Forbidden
from civicdesk.org.choices import Role

pytestmark = pytest.mark.django_db


def produce(billing, *, actor=None, now=NOVEMBER_NOW):
    return services.produce_statements(
        actor=actor or billing.tenant.user(Role.TEAM_LEAD),
        organisation=billing.tenant.organisation,
        month=OCTOBER,
        now=now,
    )


def statement_of(billing, producer, point, *, status=None) -> Statement:
    found = Statement.objects.filter(producer=producer, service_point=point, month=OCTOBER)
    if status:
        found = found.filter(status=status)
    return found.order_by("-version").first()


def line_summary(statement) -> list[tuple]:
    return [
        (line.event_type_code, line.first_day.day, line.last_day.day, line.count,
         line.unit_cents, line.amount_cents, line.problem)
        for line in statement.lines.order_by("position")
    ]  # fmt: skip


def test_the_rule_picks_the_service_events_of_the_month(billing):
    events = service_events(
        billing.tenant.organisation, datetime.date(2026, 10, 1), datetime.date(2026, 10, 31)
    )
    assert len(events) == 9  # 7 for A at P, 1 for A at Q, 1 for B at P
    by_day = sorted((event.day.day, event.event_type_id) for event in events)
    manual, remote = billing.manual.pk, billing.remote.pk
    assert by_day == [
        (1, manual), (5, remote), (7, None), (10, manual), (12, manual), (15, manual),
        (16, manual), (20, manual), (31, manual),
    ]  # fmt: skip


def test_a_month_with_a_price_change_and_flagged_lines(billing):
    result = produce(billing)
    assert len(result.created) == 3 and not result.updated
    statement = statement_of(billing, billing.producer_a, billing.point_p)
    assert statement.status == StatementStatus.DRAFT and statement.version == 1
    assert statement.currency == "SEK"
    assert line_summary(statement) == [
        ("", 7, 7, 1, None, None, LineProblem.NO_EVENT_TYPE),
        ("remote", 5, 5, 1, None, None, LineProblem.NO_PRICE),
        ("manual", 1, 15, 2, 1000, 2000, ""),
        ("manual", 16, 31, 3, 1250, 3750, ""),
    ]
    assert (statement.event_count, statement.flagged_count, statement.confidential_count) == (
        7,
        2,
        1,
    )
    assert statement.total_cents == 5750  # flagged lines add nothing, and are not a zero
    assert statement.lines.get(unit_cents=1250).confidential_count == 1
    assert statement.number.endswith("-2026-10-kela-p-v1")

    other_point = statement_of(billing, billing.producer_a, billing.point_q)
    assert line_summary(other_point) == [("manual", 1, 15, 1, 1000, 1000, "")]
    other_producer = statement_of(billing, billing.producer_b, billing.point_p)
    assert line_summary(other_producer) == [("manual", 1, 31, 1, 800, 800, "")]


def test_a_flagged_draft_is_not_issued_until_fixed(billing):
    produce(billing)
    statement = statement_of(billing, billing.producer_a, billing.point_p)
    lead = billing.tenant.user(Role.TEAM_LEAD)
    with pytest.raises(DomainError) as refused:
        services.issue_statement(actor=lead, statement=statement)
    assert refused.value.code == "flagged_lines"
    assert "2 events have no amount" in str(refused.value.message)
    statement.refresh_from_db()
    assert statement.status == StatementStatus.DRAFT

    administrator = billing.tenant.user(Role.ADMINISTRATOR)
    services.map_case_type(
        actor=administrator, case_type=billing.unmapped_a, event_type=billing.manual
    )
    services.set_price(
        actor=administrator,
        producer=billing.producer_a,
        event_type=billing.remote,
        amount_cents=3000,
        valid_from=datetime.date(2026, 10, 1),
    )
    result = produce(billing)
    assert [s.pk for s in result.updated] == [statement.pk] and result.unchanged == 2
    statement.refresh_from_db()
    assert line_summary(statement) == [
        ("manual", 1, 15, 3, 1000, 3000, ""),
        ("manual", 16, 31, 3, 1250, 3750, ""),
        ("remote", 1, 31, 1, 3000, 3000, ""),
    ]
    assert (statement.total_cents, statement.flagged_count) == (9750, 0)
    services.issue_statement(actor=lead, statement=statement, now=NOVEMBER_NOW)
    statement.refresh_from_db()
    assert statement.status == StatementStatus.ISSUED and statement.issued_by == lead


def test_producing_again_is_idempotent_and_an_issued_statement_never_changes(billing):
    lead = billing.tenant.user(Role.TEAM_LEAD)
    produce(billing)
    first = statement_of(billing, billing.producer_b, billing.point_p)
    services.issue_statement(actor=lead, statement=first)
    again = produce(billing)
    assert not again.created and not again.updated and again.unchanged == 3
    assert Statement.objects.count() == 3

    # A visit registered late for October: the issued statement stays, a correction is drafted.
    billing.visit(billing.manual_b, local(10, 30, 12))
    corrected = produce(billing)
    assert len(corrected.created) == 1
    correction = corrected.created[0]
    first.refresh_from_db()
    assert (first.status, first.total_cents, first.event_count) == (StatementStatus.ISSUED, 800, 1)
    assert (correction.version, correction.corrects, correction.status) == (
        2,
        first,
        StatementStatus.DRAFT,
    )
    assert correction.total_cents == 1600
    assert produce(billing).created == []  # the correction draft is there already

    with pytest.raises(ValueError):
        first.lines.first().save()
    with pytest.raises(ValueError):
        StatementLine.objects.filter(statement=first).first().delete()

    services.issue_statement(actor=lead, statement=correction)
    first.refresh_from_db()
    correction.refresh_from_db()
    assert first.status == StatementStatus.SUPERSEDED and first.superseded_at is not None
    assert correction.status == StatementStatus.ISSUED
    with pytest.raises(DomainError):
        services.issue_statement(actor=lead, statement=correction)


def test_a_draft_the_data_moved_on_from_is_not_issued(billing):
    produce(billing)
    draft = statement_of(billing, billing.producer_b, billing.point_p)
    billing.visit(billing.manual_b, local(10, 30, 12))
    with pytest.raises(DomainError) as stale:
        services.issue_statement(actor=billing.tenant.user(Role.TEAM_LEAD), statement=draft)
    assert stale.value.code == "stale_draft"
    draft.refresh_from_db()
    assert draft.status == StatementStatus.DRAFT


def test_a_correction_that_is_no_longer_needed_goes_away(billing):
    lead = billing.tenant.user(Role.TEAM_LEAD)
    produce(billing)
    issued = statement_of(billing, billing.producer_b, billing.point_p)
    services.issue_statement(actor=lead, statement=issued)
    late = billing.visit(billing.manual_b, local(10, 30, 12))
    assert len(produce(billing).created) == 1
    # The late visit was a mistake: its case moves to another producer's case type.
    from civicdesk.cases import services as case_services

    case_services.change_case_type(
        actor=billing.tenant.user(Role.GENERAL_AGENT), case=late, case_type=billing.manual_a
    )
    result = produce(billing)
    assert result.removed == 1
    assert Statement.objects.filter(producer=billing.producer_b).count() == 1


def test_the_month_must_be_over(billing):
    with pytest.raises(DomainError) as refused:
        produce(billing, now=local(10, 31, 23))
    assert refused.value.field == "month"
    assert not Statement.objects.exists()


def test_who_may_produce_and_issue(billing):
    for role in (Role.GENERAL_AGENT, Role.DEPARTMENT_EXPERT, Role.PRODUCER_CONTACT):
        with pytest.raises(Forbidden):
            produce(billing, actor=billing.tenant.user(role))
    produce(billing)
    statement = statement_of(billing, billing.producer_b, billing.point_p)
    with pytest.raises(Forbidden):
        services.issue_statement(actor=billing.contact_b, statement=statement)


def test_the_periodic_job_produces_last_month_for_organisations_with_producers(billing):
    assert services.produce_last_month_everywhere(now=NOVEMBER_NOW) == 3
    assert services.produce_last_month_everywhere(now=NOVEMBER_NOW) == 0
    assert Statement.objects.filter(produced_by__isnull=True).count() == 3


def test_prices_change_without_overlaps(billing):
    administrator = billing.tenant.user(Role.ADMINISTRATOR)
    prices = list(
        billing.producer_a.prices.filter(event_type=billing.manual).order_by("valid_from")
    )
    assert [(p.valid_from, p.valid_to, p.amount_cents) for p in prices] == [
        (datetime.date(2026, 9, 1), datetime.date(2026, 10, 15), 1000),
        (datetime.date(2026, 10, 16), None, 1250),
    ]
    same_day = dict(
        actor=administrator,
        producer=billing.producer_a,
        event_type=billing.manual,
        amount_cents=1300,
    )
    with pytest.raises(DomainError) as refused:
        services.set_price(**same_day, valid_from=datetime.date(2026, 10, 16))
    assert refused.value.field == "valid_from"
    with pytest.raises(DomainError) as overlap:
        services.set_price(**same_day, valid_from=datetime.date(2026, 10, 1))
    assert overlap.value.field == "valid_from"
    # Before every other price: ends where the first one starts.
    early = services.set_price(**same_day, valid_from=datetime.date(2026, 8, 1))
    assert early.valid_to == datetime.date(2026, 8, 31)
    with pytest.raises(DomainError):
        services.set_price(
            **same_day, valid_from=datetime.date(2026, 7, 1), valid_to=datetime.date(2026, 8, 5)
        )
    with pytest.raises(DomainError):
        services.set_price(**same_day | {"amount_cents": -1}, valid_from=datetime.date(2027, 1, 1))
    with pytest.raises(Forbidden):
        services.set_price(
            **same_day | {"actor": billing.tenant.user(Role.TEAM_LEAD)},
            valid_from=datetime.date(2027, 1, 1),
        )
    with pytest.raises(DomainError) as not_a_producer:
        services.set_price(
            **same_day | {"producer": billing.tenant.department},
            valid_from=datetime.date(2027, 1, 1),
        )
    assert not_a_producer.value.field == "producer"


@pytest.mark.parametrize(
    ("text", "cents"), [("12.50", 1250), ("12,5", 1250), ("0", 0), (" 1 000,00 ", 100000)]
)
def test_amounts_are_read_as_cents(text, cents):
    assert services.parse_amount(text) == cents


@pytest.mark.parametrize("text", ["", "abc", "-1", "1.005", "NaN", "1e12"])
def test_bad_amounts_are_refused(text):
    with pytest.raises(DomainError) as refused:
        services.parse_amount(text)
    assert refused.value.field == "amount"

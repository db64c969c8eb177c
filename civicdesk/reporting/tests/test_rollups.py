"""The daily roll-ups: the dashboard's figures read from them equal the figures computed from
the case rows, for every dimension and grain, whether the period is rolled up wholly, in part
or not at all; a refresh is idempotent; the feedback shortcut counts what the plain query does."""

import datetime
import random
import zoneinfo

import pytest
import time_machine
from django.utils import timezone

from civicdesk.cases import services
from civicdesk.cases.choices import Channel, Direction
from civicdesk.cases.models import Case
from civicdesk.org.choices import DepartmentKind, Role
from civicdesk.reporting import figures, rollups
from civicdesk.reporting.breakdowns import DIMENSIONS, GRAINS
from civicdesk.reporting.dashboard import month_dashboard
from civicdesk.reporting.models import DailyCaseRollup, RollupState
from civicdesk.reporting.tasks import refresh_rollups
from civicdesk.testing import factories

pytestmark = pytest.mark.django_db
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
OCTOBER = datetime.date(2026, 10, 1)
NOW = datetime.datetime(2026, 11, 2, 12, tzinfo=STOCKHOLM)


@pytest.fixture
def a_busy_october(tenant_a):
    """Forty cases over October, a few around midnight, in two departments (one a producer),
    two groups, three channels, both service points or none; some resolved at once, some
    forwarded (and answered), some withdrawn, some confidential."""
    organisation = tenant_a.organisation
    producer = factories.DepartmentFactory(
        organisation=organisation, kind=DepartmentKind.SERVICE_PRODUCER
    )
    producer_group = factories.AnswerGroupFactory(
        organisation=organisation,
        department=producer,
        members=[tenant_a.user(Role.DEPARTMENT_EXPERT)],
    )
    producer_type = factories.CaseTypeFactory(
        organisation=organisation, department=producer, topic=tenant_a.topic,
        default_group=producer_group,
    )  # fmt: skip
    agent = tenant_a.user(Role.GENERAL_AGENT)
    expert = tenant_a.user(Role.DEPARTMENT_EXPERT)
    chance = random.Random(7)
    for number in range(40):
        day = 1 + number * 3 % 31
        hour = chance.choice([0, 9, 13, 23])
        moment = datetime.datetime(2026, 10, day, hour, 30, tzinfo=STOCKHOLM)
        with time_machine.travel(moment, tick=False):
            case = services.register_contact(
                actor=agent,
                organisation=organisation,
                channel=chance.choice([Channel.PHONE, Channel.EMAIL, Channel.SMS]),
                case_type=chance.choice([tenant_a.case_type, producer_type]),
                subject=f"Case {number}",
                service_point=chance.choice([tenant_a.service_point, None]),
                duration_seconds=60,
            )
            what = number % 5
            if what == 0:
                services.resolve_case(actor=agent, case=case, resolution="Answered")
            elif what == 1:
                services.resolve_case(actor=agent, case=case, resolution="Gone", withdrawn=True)
            elif what in (2, 3):
                group = producer_group if case.department_id == producer.pk else tenant_a.group
                services.forward_case_to_group(actor=agent, case=case, group=group, reason="Theirs")
            if what == 4:
                services.set_confidentiality(
                    actor=agent, case=case, confidential=True, reason="Protected"
                )
        if what == 2:
            with time_machine.travel(moment + datetime.timedelta(hours=30), tick=False):
                services.append_contact(
                    actor=expert,
                    case=case,
                    channel=Channel.PHONE,
                    direction=Direction.OUTBOUND,
                    duration_seconds=120,
                    summary="Called back",
                )
                services.resolve_case(actor=expert, case=case, resolution="Done")
    return tenant_a


def _figures(tenant, by, per, months=1):
    board = month_dashboard(
        tenant.user(Role.TEAM_LEAD), OCTOBER, language="en", months=months, by=by, per=per,
        now=NOW,
    )  # fmt: skip
    return (
        board.volume,
        board.first_contact,
        board.feedback,
        [(row.key, row.label, row.counts, row.filters) for row in board.by.rows],
        [(row.key, row.label, row.counts, row.filters) for row in board.per.rows],
    )


def test_rolled_up_figures_equal_the_figures_from_the_case_rows(a_busy_october):
    tenant = a_busy_october
    organisation = tenant.organisation
    choices = [(by, per, 1) for by in DIMENSIONS for per in GRAINS]
    choices += [("department", "month", 3), ("agent", "week", 3)]
    from_rows = {choice: _figures(tenant, *choice) for choice in choices}
    assert from_rows[("channel", "day", 1)][0] == 40
    # Rolled up wholly, then only the first half of the month (the rest from the case rows).
    for first, last in ((OCTOBER, datetime.date(2026, 10, 31)),
                        (datetime.date(2026, 9, 1), datetime.date(2026, 10, 15))):  # fmt: skip
        RollupState.objects.all().delete()
        DailyCaseRollup.objects.all().delete()
        made = rollups.refresh(organisation, first, last)
        assert made == DailyCaseRollup.objects.filter(organisation=organisation).count() > 0
        assert sum(
            DailyCaseRollup.objects.filter(organisation=organisation).values_list(
                "cases", flat=True
            )
        ) == (40 if last.day == 31 else Case.objects.filter(
            organisation=organisation,
            registered_at__gte=datetime.datetime(2026, 9, 1, tzinfo=STOCKHOLM),
            registered_at__lt=datetime.datetime(2026, 10, 16, tzinfo=STOCKHOLM),
        ).count())  # fmt: skip
        for choice in choices:
            assert _figures(tenant, *choice) == from_rows[choice], (first, last, choice)


def test_a_refresh_is_idempotent_and_follows_changes(a_busy_october):
    organisation = a_busy_october.organisation
    last = datetime.date(2026, 10, 31)
    rollups.refresh(organisation, OCTOBER, last)
    rows = sorted(DailyCaseRollup.objects.values_list("day", "channel", "cases", "first_contact"))
    rollups.refresh(organisation, OCTOBER, last)
    again = sorted(DailyCaseRollup.objects.values_list("day", "channel", "cases", "first_contact"))
    assert again == rows
    # A case moved to another case type after the refresh: stale until the next refresh.
    case = Case.objects.filter(organisation=organisation, registered_at__month=10).first()
    Case.objects.filter(pk=case.pk).update(channel=Channel.VISIT)
    rollups.refresh(organisation, OCTOBER, last)
    assert DailyCaseRollup.objects.filter(channel=Channel.VISIT).get().cases == 1
    state = RollupState.objects.get(organisation=organisation)
    assert (state.rolled_from, state.rolled_until) == (OCTOBER, last)
    # An adjacent range extends what is covered; a distant one replaces it.
    rollups.refresh(organisation, datetime.date(2026, 11, 1), datetime.date(2026, 11, 1))
    state.refresh_from_db()
    assert (state.rolled_from, state.rolled_until) == (OCTOBER, datetime.date(2026, 11, 1))
    rollups.refresh(organisation, datetime.date(2027, 1, 1), datetime.date(2027, 1, 2))
    state.refresh_from_db()
    assert state.rolled_from == datetime.date(2027, 1, 1)
    with pytest.raises(ValueError):
        rollups.refresh(organisation, last, OCTOBER)


def test_the_nightly_job_covers_every_day_the_first_time(a_busy_october):
    organisation = a_busy_october.organisation
    with time_machine.travel(NOW, tick=False):
        assert refresh_rollups.call() > 0
    state = RollupState.objects.get(organisation=organisation)
    assert state.rolled_from <= OCTOBER
    assert state.rolled_until == datetime.date(2026, 11, 1)
    rolled = rollups.case_counts_by(
        organisation, OCTOBER, datetime.date(2026, 10, 31), Case.objects.none(), "channel"
    )
    assert sum(row["cases"] for row in rolled) == 40  # all from the roll-ups


def test_the_feedback_shortcut_counts_what_the_plain_query_counts(a_busy_october):
    organisation = a_busy_october.organisation
    cases = Case.objects.filter(organisation=organisation)
    for first, last in ((1, 31), (3, 9), (20, 31)):
        start = datetime.datetime(2026, 10, first, tzinfo=STOCKHOLM)
        end = datetime.datetime(2026, 10, last, 23, 59, tzinfo=STOCKHOLM)
        for at in (NOW, datetime.datetime(2026, 10, 10, tzinfo=STOCKHOLM), timezone.now()):
            plain = figures.department_feedback_in_time(
                cases.filter(forwarded_at__gte=start, forwarded_at__lt=end), at=at
            )
            assert figures.department_feedback_forwarded_between(cases, start, end, at=at) == plain
    assert plain["forwarded"] > 0

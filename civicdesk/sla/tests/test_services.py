import datetime

import pytest

from civicdesk.core.errors import DomainError, Forbidden
from civicdesk.org.choices import Role
from civicdesk.sla import selectors, services
from civicdesk.sla.models import BusinessCalendar, SlaPolicy

pytestmark = pytest.mark.django_db

WEEKDAYS = [(day, datetime.time(8), datetime.time(16)) for day in range(5)]


def test_an_administrator_configures_a_calendar(tenant_a):
    calendar = services.create_calendar(
        actor=tenant_a.user(Role.ADMINISTRATOR),
        organisation=tenant_a.organisation,
        name="Kundcenter",
        opening_hours=WEEKDAYS,
    )
    assert calendar.opening_hours.count() == 5
    assert (calendar.holiday_country, calendar.timezone) == ("SE", "Europe/Stockholm")


@pytest.mark.parametrize(
    ("arguments", "field", "message"),
    [
        ({"opening_hours": []}, "opening_hours", "at least one weekday"),
        ({"holiday_country": "DE"}, "holiday_country", "Unknown holiday country"),
        (
            {"opening_hours": [(0, datetime.time(16), datetime.time(8))]},
            "opening_hours",
            "before closing",
        ),
        ({"timezone": "Mars/Olympus"}, "timezone", "not a known time zone"),
    ],
)
def test_a_bad_calendar_is_refused_and_nothing_saved(tenant_a, arguments, field, message):
    with pytest.raises(DomainError, match=message) as caught:
        services.create_calendar(
            actor=tenant_a.user(Role.ADMINISTRATOR),
            organisation=tenant_a.organisation,
            name="x",
            **{"opening_hours": WEEKDAYS, **arguments},
        )
    assert caught.value.field == field
    assert not BusinessCalendar.objects.exists()


@pytest.mark.parametrize("amount", [0, -3])
def test_a_policy_with_a_zero_or_negative_duration_is_refused(tenant_a, amount):
    with pytest.raises(DomainError, match="longer than zero") as caught:
        services.create_policy(
            actor=tenant_a.user(Role.ADMINISTRATOR),
            organisation=tenant_a.organisation,
            name="Fast",
            feedback_amount=amount,
        )
    assert caught.value.field == "feedback_amount"
    assert not SlaPolicy.objects.exists()


def test_an_unknown_unit_is_refused(tenant_a):
    with pytest.raises(DomainError, match="Unknown unit"):
        services.create_policy(
            actor=tenant_a.user(Role.ADMINISTRATOR),
            organisation=tenant_a.organisation,
            name="x",
            resolution_unit="fortnights",
        )


def test_only_administrators_configure_service_levels(tenant_a):
    with pytest.raises(Forbidden):
        services.create_policy(
            actor=tenant_a.user(Role.TEAM_LEAD), organisation=tenant_a.organisation, name="x"
        )


def test_the_most_specific_policy_applies(tenant_a):
    administrator = tenant_a.user(Role.ADMINISTRATOR)
    default = services.create_policy(
        actor=administrator, organisation=tenant_a.organisation, name="Default"
    )
    by_group = services.create_policy(
        actor=administrator,
        organisation=tenant_a.organisation,
        name="Group",
        answer_group=tenant_a.group,
    )
    by_type = services.create_policy(
        actor=administrator,
        organisation=tenant_a.organisation,
        name="Type",
        case_type=tenant_a.case_type,
    )
    both = services.create_policy(
        actor=administrator,
        organisation=tenant_a.organisation,
        name="Both",
        case_type=tenant_a.case_type,
        answer_group=tenant_a.group,
    )
    organisation = tenant_a.organisation.pk
    assert selectors.policy_for(organisation, tenant_a.case_type.pk, tenant_a.group.pk) == both
    assert selectors.policy_for(organisation, tenant_a.case_type.pk, None) == by_type
    assert selectors.policy_for(organisation, None, tenant_a.group.pk) == by_group
    assert selectors.policy_for(organisation, None, None) == default

"""Each figure of reporting.figures against a small data set counted by hand, with the edge
cases the issue names: no contacts, every call abandoned, a case forwarded twice, confidential
cases counted without detail."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.test import override_settings

from civicdesk.cases import services
from civicdesk.cases.choices import Channel, Direction
from civicdesk.cases.models import Case, CaseContact
from civicdesk.org.choices import Role
from civicdesk.reporting import figures
from civicdesk.reporting.figures import CallConvention
from civicdesk.telephony.models import Call, CallState
from civicdesk.testing import factories

pytestmark = pytest.mark.django_db
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
MORNING = datetime.datetime(2026, 10, 5, 9, tzinfo=STOCKHOLM)
DEFAULT = CallConvention()


def call(tenant, number, state, *, wait=None, talk=None, answered=None):
    """A call offered at 09:00 + number minutes; `answered` defaults to whether it was."""
    offered = MORNING + datetime.timedelta(minutes=number)
    answered = state in (CallState.ANSWERED, CallState.ENDED) if answered is None else answered
    return Call.objects.create(
        organisation=tenant.organisation,
        external_id=f"call-{number}",
        state=state,
        offered_at=offered,
        answered_at=offered + datetime.timedelta(seconds=wait or 0) if answered else None,
        abandoned_at=offered + datetime.timedelta(seconds=wait or 0)
        if state == CallState.ABANDONED
        else None,
        wait_seconds=wait,
        talk_seconds=talk,
        answer_group=tenant.group,
    )


def calls_of(tenant):
    return Call.objects.filter(organisation=tenant.organisation)


@pytest.fixture
def a_morning_of_calls(tenant_a):
    """Three answered (30 s, 120 s, 121 s), two given up (60 s; an unanswered call that
    ended after 200 s), a misdial hung up after 3 s and one still waiting."""
    call(tenant_a, 1, CallState.ENDED, wait=30, talk=200)
    call(tenant_a, 2, CallState.ENDED, wait=120, talk=100)  # on the threshold: in time
    call(tenant_a, 3, CallState.ANSWERED, wait=121, talk=300)
    call(tenant_a, 4, CallState.ABANDONED, wait=60)
    call(tenant_a, 5, CallState.ABANDONED, wait=3)  # a short abandon: not offered
    call(tenant_a, 6, CallState.OFFERED)  # in the queue: not decided
    call(tenant_a, 7, CallState.ENDED, wait=200, answered=False)
    return tenant_a


def test_call_figures_by_hand(a_morning_of_calls):
    result = figures.call_summary(calls_of(a_morning_of_calls), DEFAULT)
    assert (result["offered"], result["answered"], result["abandoned"]) == (5, 3, 2)
    assert (result["answered_within"], result["short_abandoned"]) == (2, 1)
    assert result["service_level"] == pytest.approx(2 / 5)
    assert result["answer_rate"] == pytest.approx(3 / 5)
    assert result["abandonment_rate"] == pytest.approx(2 / 5)
    assert result["average_speed_of_answer"] == pytest.approx((30 + 120 + 121) / 3)
    assert result["average_talk_seconds"] == pytest.approx(200)


def test_the_service_level_convention_is_configurable(a_morning_of_calls):
    calls = calls_of(a_morning_of_calls)
    answered_only = CallConvention(counts_abandoned=False)
    assert figures.call_summary(calls, answered_only)["service_level"] == pytest.approx(2 / 3)
    every_abandon = CallConvention(short_abandon_seconds=0)
    result = figures.call_summary(calls, every_abandon)
    assert (result["offered"], result["abandoned"], result["short_abandoned"]) == (6, 3, 0)
    assert result["service_level"] == pytest.approx(2 / 6)
    assert figures.call_summary(calls, CallConvention(threshold_seconds=30))[
        "service_level"
    ] == pytest.approx(1 / 5)
    with override_settings(
        CIVICDESK_SERVICE_LEVEL_SECONDS=20,
        CIVICDESK_SERVICE_LEVEL_COUNTS_ABANDONED=False,
        CIVICDESK_SHORT_ABANDON_SECONDS=10,
    ):
        configured = CallConvention.configured()
        assert configured == CallConvention(20, False, 10)
        assert figures.call_summary(calls)["service_level"] == 0  # nobody within 20 s


def test_every_call_abandoned(tenant_a):
    call(tenant_a, 1, CallState.ABANDONED, wait=40)
    call(tenant_a, 2, CallState.ABANDONED, wait=400)
    result = figures.call_summary(calls_of(tenant_a), DEFAULT)
    assert (result["offered"], result["answered"], result["abandoned"]) == (2, 0, 2)
    assert result["service_level"] == 0  # both count against it
    assert result["answer_rate"] == 0 and result["abandonment_rate"] == 1
    assert result["average_speed_of_answer"] is None
    assert result["average_talk_seconds"] is None
    # Counting the answered only, there is nothing to divide: no figure, not 0 or 100 %.
    assert (
        figures.call_summary(calls_of(tenant_a), CallConvention(counts_abandoned=False))[
            "service_level"
        ]
        is None
    )


def test_no_calls_no_contacts_no_figures(tenant_a):
    nothing = Case.objects.filter(organisation=tenant_a.organisation, pk__lt=0)
    result = figures.call_summary(calls_of(tenant_a), DEFAULT)
    assert result["offered"] == 0
    assert all(
        result[key] is None
        for key in (
            "service_level",
            "answer_rate",
            "abandonment_rate",
            "average_speed_of_answer",
            "average_talk_seconds",
        )
    )
    assert figures.volume(nothing) == 0
    assert figures.first_contact_resolution(nothing)["rate"] is None
    assert figures.department_feedback_in_time(nothing, at=MORNING)["rate"] is None
    assert figures.overdue(nothing, at=MORNING) == 0
    no_contacts = CaseContact.objects.none()
    assert figures.average_handle_seconds(no_contacts) is None
    assert figures.average_talk_time(calls_of(tenant_a), no_contacts) == {
        "seconds": None,
        "source": None,
        "count": 0,
    }


def _phone_contacts(tenant, durations, channel=Channel.PHONE):
    agent = tenant.user(Role.GENERAL_AGENT)
    for seconds in durations:
        services.register_contact(
            actor=agent,
            organisation=tenant.organisation,
            channel=channel,
            case_type=tenant.case_type,
            subject="A question",
            duration_seconds=seconds,
        )


def test_talk_time_from_calls_else_from_phone_contacts(tenant_a):
    contacts = CaseContact.objects.filter(organisation=tenant_a.organisation)
    # The fixture's own contact has no duration recorded, so it is left out like the 0 here.
    _phone_contacts(tenant_a, [240, 120, 0])
    _phone_contacts(tenant_a, [600], channel=Channel.EMAIL)
    talk = figures.average_talk_time(calls_of(tenant_a), contacts)
    assert talk == {"seconds": 180, "source": "contacts", "count": 2}
    assert figures.average_handle_seconds(contacts) == pytest.approx((240 + 120 + 600) / 3)
    call(tenant_a, 1, CallState.ENDED, wait=10, talk=90)
    call(tenant_a, 2, CallState.ABANDONED, wait=50)
    talk = figures.average_talk_time(calls_of(tenant_a), contacts)
    assert talk == {"seconds": 90, "source": "calls", "count": 1}


def test_a_case_forwarded_twice_and_a_confidential_one(tenant_a):
    """Forwarded twice, a case is still one case, not resolved at first contact, and its
    feedback is judged once, against the last group's deadline; a confidential case counts."""
    agent = tenant_a.user(Role.GENERAL_AGENT)
    other_group = factories.AnswerGroupFactory(
        organisation=tenant_a.organisation,
        department=tenant_a.department,
        members=[tenant_a.user(Role.DEPARTMENT_EXPERT)],
    )
    start = datetime.datetime(2026, 10, 5, 10, tzinfo=STOCKHOLM)
    with time_machine.travel(start, tick=False):
        twice = services.register_contact(
            actor=agent,
            organisation=tenant_a.organisation,
            channel=Channel.PHONE,
            case_type=tenant_a.case_type,
            subject="Sent on",
        )
        services.forward_case_to_group(
            actor=agent, case=twice, group=tenant_a.group, reason="Theirs"
        )
        services.forward_case_to_group(
            actor=agent, case=twice, group=other_group, reason="Not theirs after all"
        )
        secret = services.register_and_resolve(
            actor=agent,
            organisation=tenant_a.organisation,
            channel=Channel.PHONE,
            case_type=tenant_a.case_type,
            subject="Protected person",
            resolution="Answered",
        )
        services.set_confidentiality(
            actor=agent, case=secret, confidential=True, reason="Protected"
        )
    twice.refresh_from_db()
    assert twice.forward_count == 2
    cases = Case.objects.filter(pk__in=[twice.pk, secret.pk])
    assert figures.volume(cases) == 2
    assert figures.volume_by(cases, "channel") == {"phone": 2}
    assert figures.first_contact_resolution(cases) == {
        "resolved_at_first_contact": 1,  # the confidential one, counted
        "cases": 2,
        "rate": 0.5,
    }
    later = twice.feedback_due_at + datetime.timedelta(hours=1)
    assert figures.department_feedback_in_time(cases, at=later) == {
        "in_time": 0,
        "forwarded": 1,
        "rate": 0.0,
    }
    # A department contact made in time answers it, once.
    with time_machine.travel(start + datetime.timedelta(hours=2), tick=False):
        services.append_contact(
            actor=tenant_a.user(Role.DEPARTMENT_EXPERT),
            case=twice,
            channel=Channel.PHONE,
            direction=Direction.OUTBOUND,
            duration_seconds=300,
            summary="Called back",
        )
    assert figures.department_feedback_in_time(cases, at=later)["rate"] == 1.0
    # Figures are numbers only: nothing of the confidential case comes with them.
    assert "Protected" not in repr(figures.volume_by(cases, "case_type__code"))

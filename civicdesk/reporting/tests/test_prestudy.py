"""The pre-study report on a hand-counted week (Monday 12 to Sunday 18 October 2026, Stockholm).

Inbound contacts (4): case type A (topic T1, department D, general tier, in the centre's
contract) on Mon 09:10, Mon 09:40 and Tue 14:00; case type B (topic T2, department D2, expert
tier, outside the contract, confidential) on Wed 10:00. Not counted: an outbound call back, and
contacts on Sun 11.10 23:30 and Mon 19.10 00:10.

Calls, as the phone system reported them:
  #  offered     state      wait  IVR  queue       group
  1  Mon 09:05   answered     10  1    jobseekers  G (department D)
  2  Mon 09:30   answered     30  1    jobseekers  G
  3  Tue 14:10   answered    150  2    employers   -
  4  Mon 09:50   abandoned    60  1    jobseekers  G
  5  Wed 10:20   abandoned   200  2    employers   -
  6  Wed 10:30   abandoned     3  -    -           -      a short abandon: not offered
  7  Thu 11:00   offered       -  1    jobseekers  G      still waiting: not decided
  8  Tue 14:20   answered    100  1    jobseekers  G
Offered 6 (4 answered, 2 abandoned): answer rate 4/6. Waits of the offered, sorted:
10 30 60 100 150 200: median (60 + 100) / 2 = 80 s, 90th percentile (nearest rank ceil(5.4) =
6th) 200 s, over 120 s: 2 of 6. Answered within 120 s: 3 of 6 offered.
"""

from __future__ import annotations

import csv
import datetime
import io
import zoneinfo

import openpyxl
import pytest
import time_machine
from django.urls import reverse

from civicdesk.cases import services as case_services
from civicdesk.catalog.choices import RosaTier
from civicdesk.core.errors import DomainError, Forbidden
from civicdesk.org.choices import Role
from civicdesk.reporting import figures
from civicdesk.reporting.prestudy import prestudy
from civicdesk.telephony.models import Call, CallState
from civicdesk.testing import factories

pytestmark = pytest.mark.django_db
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
MONDAY = datetime.date(2026, 10, 12)
SUNDAY = datetime.date(2026, 10, 18)


def at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2026, 10, day, hour, minute, tzinfo=STOCKHOLM)


CALLS = [
    # (offered, state, wait, ivr, queue, routed to G)
    (at(12, 9, 5), CallState.ENDED, 10, "1", "jobseekers", True),
    (at(12, 9, 30), CallState.ENDED, 30, "1", "jobseekers", True),
    (at(13, 14, 10), CallState.ENDED, 150, "2", "employers", False),
    (at(12, 9, 50), CallState.ABANDONED, 60, "1", "jobseekers", True),
    (at(14, 10, 20), CallState.ABANDONED, 200, "2", "employers", False),
    (at(14, 10, 30), CallState.ABANDONED, 3, "", "", False),
    (at(15, 11, 0), CallState.OFFERED, None, "1", "jobseekers", True),
    (at(13, 14, 20), CallState.ENDED, 100, "1", "jobseekers", True),
]
ANSWERED = {0, 1, 2, 7}


@pytest.fixture
def week(tenant_a, tenant_b):
    organisation = tenant_a.organisation
    agent = tenant_a.user(Role.GENERAL_AGENT)
    topic_2 = factories.TopicFactory(organisation=organisation, name_en="Social matters")
    department_2 = factories.DepartmentFactory(organisation=organisation, name="Social services")
    type_b = factories.CaseTypeFactory(
        organisation=organisation,
        department=department_2,
        topic=topic_2,
        rosa_tier=RosaTier.EXPERT,
        handled_by_centre=False,
        confidential_by_default=True,
    )

    def contact(case_type, when):
        with time_machine.travel(when, tick=False):
            return case_services.register_contact(
                actor=agent,
                organisation=organisation,
                channel="phone",
                case_type=case_type,
                subject="A call",
                started_at=when,
            )

    first = contact(tenant_a.case_type, at(12, 9, 10))
    contact(tenant_a.case_type, at(12, 9, 40))
    contact(tenant_a.case_type, at(13, 14))
    contact(type_b, at(14, 10))
    contact(tenant_a.case_type, at(11, 23, 30))  # Sunday before
    contact(tenant_a.case_type, at(19, 0, 10))  # Monday after
    with time_machine.travel(at(13, 15), tick=False):
        case_services.append_contact(
            actor=agent,
            case=first,
            channel="phone",
            direction="outbound",
            summary="Called back",
            started_at=at(13, 15),
        )
    for number, (offered, state, wait, ivr, queue, routed) in enumerate(CALLS):
        answered = offered + datetime.timedelta(seconds=wait) if number in ANSWERED else None
        Call.objects.create(
            organisation=organisation,
            external_id=f"call-{number}",
            state=state,
            offered_at=offered,
            answered_at=answered,
            abandoned_at=offered + datetime.timedelta(seconds=wait)
            if state == CallState.ABANDONED
            else None,
            wait_seconds=wait,
            talk_seconds=120 if answered else None,
            ivr_choice=ivr,
            queue=queue,
            answer_group=tenant_a.group if routed else None,
        )
    # Another organisation's call in the same week is not ours.
    Call.objects.create(
        organisation=tenant_b.organisation,
        external_id="theirs",
        state=CallState.ENDED,
        offered_at=at(12, 9),
        answered_at=at(12, 9, 1),
        wait_seconds=60,
    )
    return {"type_b": type_b, "department_2": department_2}


def run(tenant, **kwargs):
    return prestudy(
        tenant.user(Role.TEAM_LEAD),
        first_day=kwargs.pop("first_day", MONDAY),
        last_day=kwargs.pop("last_day", SUNDAY),
        language="en",
        **kwargs,
    )


def test_what_arrives(tenant_a, week):
    study = run(tenant_a)
    assert study.contacts == 4
    assert [(s.label, s.count, s.share) for s in study.by_case_type] == [
        (tenant_a.case_type.name_in("en"), 3, 0.75),
        (week["type_b"].name_in("en"), 1, 0.25),  # confidential: counted, nothing more
    ]
    assert [(s.label, s.count) for s in study.by_topic] == [
        (tenant_a.topic.name_in("en"), 3),
        ("Social matters", 1),
    ]
    assert [(s.key, s.count) for s in study.by_department] == [
        (tenant_a.department.pk, 3),
        (week["department_2"].pk, 1),
    ]
    assert [(s.key, s.count) for s in study.by_tier] == [("general", 3), ("expert", 1)]
    assert study.in_contract == {"contacts": 3, "share": 0.75}
    assert [(s.count, s.width) for s in study.by_case_type] == [(3, 120.0), (1, 40.0)]


def test_waits_and_answer_rate(tenant_a, week):
    study = run(tenant_a)
    calls = study.calls
    assert (calls["offered"], calls["answered"], calls["abandoned"]) == (6, 4, 2)
    assert calls["short_abandoned"] == 1
    assert calls["answer_rate"] == pytest.approx(4 / 6)
    assert calls["service_level"] == 0.5
    assert study.waits == {
        "waited": 6,
        "median_seconds": 80.0,
        "p90_seconds": 200,
        "over_threshold": 2,
        "over_threshold_share": pytest.approx(2 / 6),
        "threshold_seconds": 120,
    }
    assert not study.notes


def test_whom_the_calls_were_for(tenant_a, week):
    study = run(tenant_a)
    assert [(s.label, s.offered, s.figures["answered"]) for s in study.by_ivr_choice] == [
        ("1", 4, 3),
        ("2", 2, 1),
    ]
    assert [(s.label, s.offered) for s in study.by_queue] == [
        ("jobseekers", 4),
        ("employers", 2),
    ]
    assert [(s.label, s.offered, s.figures["answer_rate"]) for s in study.by_call_department] == [
        (tenant_a.department.name, 4, 0.75),
        ("Not routed to a department", 2, 0.5),
    ]


def test_by_hour_and_weekday(tenant_a, week):
    study = run(tenant_a)
    assert len(study.by_hour) == 24 and len(study.by_weekday) == 7
    hours = {s.key: (s.offered, s.figures["answered"], s.contacts) for s in study.by_hour}
    assert hours[9] == (3, 2, 2)
    assert hours[10] == (1, 0, 1)
    assert hours[14] == (2, 2, 1)
    assert hours[11] == (0, 0, 0)  # the Thursday call still waits: not decided
    assert sum(value[0] for value in hours.values()) == 6
    days = {s.key: (s.offered, s.contacts) for s in study.by_weekday}
    assert days == {1: (3, 2), 2: (2, 1), 3: (1, 1), 4: (0, 0), 5: (0, 0), 6: (0, 0), 7: (0, 0)}
    assert study.by_weekday[0].label == "Monday"


def test_the_wait_figure_on_its_own():
    assert figures.wait_distribution(Call.objects.none())["median_seconds"] is None


def test_an_empty_range_is_a_clear_error(tenant_a, week):
    with pytest.raises(DomainError) as refused:
        run(tenant_a, first_day=SUNDAY, last_day=MONDAY)
    assert refused.value.field == "last_day"
    assert "empty" in str(refused.value.message)
    with pytest.raises(DomainError):
        run(tenant_a, first_day=MONDAY, last_day=MONDAY + datetime.timedelta(days=400))
    with pytest.raises(DomainError) as channel:
        run(tenant_a, channel="pigeon")
    assert channel.value.field == "channel"


def test_a_period_without_contacts_or_calls(tenant_a, week):
    study = run(tenant_a, first_day=datetime.date(2026, 8, 3), last_day=datetime.date(2026, 8, 9))
    assert study.contacts == 0 and study.by_case_type == []
    assert study.calls["answer_rate"] is None and study.waits["median_seconds"] is None
    assert study.in_contract["share"] is None
    assert study.notes  # says the phone system reported no calls


def test_a_channel_narrows_the_contacts_not_the_calls(tenant_a, week):
    study = run(tenant_a, channel="email")
    assert study.contacts == 0 and study.calls["offered"] == 6


def test_the_page_its_downloads_and_who_may_see_it(client, tenant_a, week):
    url = reverse("reporting:prestudy")
    period = {"first_day": "2026-10-12", "last_day": "2026-10-18"}
    client.force_login(tenant_a.user(Role.TEAM_LEAD))
    page = client.get(url, period)
    assert page.status_code == 200
    assert page.context["study"].calls["offered"] == 6
    html = page.content.decode()
    assert "1:20" in html  # the median wait
    assert page.context["hour_chart"]["of_calls"] is True
    assert len(page.context["hour_chart"]["bars"]) == 24

    exported = client.get(url, {**period, "format": "csv"})
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert rows[0] == ["Section", "Item", "Figure", "Value"]
    values = {(row[0], row[1], row[2]): row[3] for row in rows[1:]}
    assert values[("Calls", "", "Answer rate")] == "0.6667"
    assert values[("Calls", "", "Median wait (s)")] == "80.0"
    assert values[("By hour of the day", "09:00", "Calls offered")] == "3"
    workbook = client.get(url, {**period, "format": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(workbook.content)).active
    assert next(sheet.iter_rows(values_only=True)) == ("Section", "Item", "Figure", "Value")

    empty = client.get(url, {"first_day": "2026-10-18", "last_day": "2026-10-12"})
    assert empty.status_code == 200 and empty.context["study"] is None
    assert "empty" in empty.content.decode()

    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    assert client.get(url, period).status_code == 403
    with pytest.raises(Forbidden):
        prestudy(
            tenant_a.user(Role.GENERAL_AGENT), first_day=MONDAY, last_day=SUNDAY, language="en"
        )

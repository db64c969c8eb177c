"""The managers' month on hand-counted cases; every bar opens the cases behind it."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.urls import reverse

from civicdesk.cases import services
from civicdesk.cases.choices import Channel
from civicdesk.core.errors import Forbidden
from civicdesk.org.choices import Role
from civicdesk.reporting.dashboard import month_dashboard

pytestmark = pytest.mark.django_db
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
# Before any test runs, so the fixtures' own cases, made at the real time, fall outside.
OCTOBER = datetime.date(2026, 10, 1)


def register(tenant, day, channel, *, resolve=False, confidential=False):
    agent = tenant.user(Role.GENERAL_AGENT)
    with time_machine.travel(datetime.datetime(2026, 10, day, 10, tzinfo=STOCKHOLM), tick=False):
        case = services.register_contact(
            actor=agent,
            organisation=tenant.organisation,
            channel=channel,
            case_type=tenant.case_type,
            subject="A question",
        )
        if confidential:
            services.set_confidentiality(
                actor=agent, case=case, confidential=True, reason="Protected person"
            )
        if resolve:
            services.resolve_case(actor=agent, case=case, resolution="Answered")
    return case


def test_the_month_in_figures_and_bars(tenant_a):
    register(tenant_a, 5, Channel.PHONE, resolve=True)
    register(tenant_a, 5, Channel.PHONE, resolve=True)
    register(tenant_a, 6, Channel.EMAIL)
    register(tenant_a, 31, Channel.PHONE, confidential=True)  # counted, never shown
    board = month_dashboard(
        tenant_a.user(Role.TEAM_LEAD), OCTOBER, language="en",
        now=datetime.datetime(2026, 11, 2, tzinfo=STOCKHOLM),
    )  # fmt: skip
    assert (board.first_day, board.last_day) == (OCTOBER, datetime.date(2026, 10, 31))
    assert board.volume == 4
    assert board.first_contact["rate"] == 0.5  # 2 of 4 resolved during their first contact
    assert board.first_contact_target == 0.7
    assert [(bar.label, bar.value) for bar in board.by_channel] == [("Phone", 3), ("E-mail", 1)]
    phone = board.by_channel[0]
    assert phone.share == 1 and board.by_channel[1].share == pytest.approx(1 / 3)
    assert phone.filters == {
        "registered_from": OCTOBER,
        "registered_to": datetime.date(2026, 10, 31),
        "channel": "phone",
    }
    assert len(board.by_day) == 31
    assert [bar.value for bar in board.by_day if bar.value] == [2, 1, 1]
    ((label, value),) = [(bar.label, bar.value) for bar in board.by_case_type]
    assert (label, value) == (tenant_a.case_type.name_in("en"), 4)


def test_a_bar_opens_the_cases_the_reader_may_see(client, tenant_a):
    register(tenant_a, 5, Channel.PHONE)
    secret = register(tenant_a, 5, Channel.PHONE, confidential=True)
    lead = tenant_a.user(Role.TEAM_LEAD)
    client.force_login(lead)
    page = client.get(reverse("reporting:dashboard"), {"month": "2026-10"})
    assert page.status_code == 200
    (phone,) = page.context["board"].by_channel
    assert phone.value == 2  # both counted
    body = page.content.decode().replace("&amp;", "&")
    assert f"?{phone.query}" in body
    # Each day is a column of the chart that opens that day's cases; 5 October holds both.
    assert body.count("<rect x=") == 31  # the table's bars have no x
    assert 'href="/cases/search/?registered_from=2026-10-05&registered_to=2026-10-05"' in body
    assert 'aria-label="2026-10-05: 2"' in body
    listed = client.get(f"{reverse('cases:search')}?{phone.query}").context["page"].cases
    assert secret.pk not in [case.pk for case in listed]  # the lead is not in its group
    assert len(listed) == 1


def test_a_bad_month_is_marked_and_agents_are_refused(client, tenant_a):
    client.force_login(tenant_a.user(Role.TEAM_LEAD))
    bad = client.get(reverse("reporting:dashboard"), {"month": "October"})
    assert bad.context["board"] is None and "month" in bad.context["form"].errors
    agent = tenant_a.user(Role.GENERAL_AGENT)
    client.force_login(agent)
    assert client.get(reverse("reporting:dashboard")).status_code == 403
    with pytest.raises(Forbidden):
        month_dashboard(agent, OCTOBER, language="en")

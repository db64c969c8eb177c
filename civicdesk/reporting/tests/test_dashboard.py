"""The managers' dashboard on hand-counted cases and calls: key figures beside targets, every
dimension and every grain of time, each row opening the cases behind it, confidential cases
counted but never listed nor counted per person, and every table downloadable as it is shown."""

import csv
import datetime
import io
import re
import zoneinfo

import openpyxl
import pytest
import time_machine
from django.urls import reverse

from civicdesk.cases import services
from civicdesk.cases.choices import Channel
from civicdesk.core.errors import Forbidden
from civicdesk.org.choices import DepartmentKind, Role
from civicdesk.reporting import tables
from civicdesk.reporting.breakdowns import DIMENSIONS, GRAINS
from civicdesk.reporting.dashboard import month_dashboard, period_of
from civicdesk.telephony.models import Call, CallState
from civicdesk.testing import factories

pytestmark = pytest.mark.django_db
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
# Before any test runs, so the fixtures' own cases, made at the real time, fall outside.
OCTOBER = datetime.date(2026, 10, 1)
AFTER = datetime.datetime(2026, 11, 2, tzinfo=STOCKHOLM)


def register(tenant, day, channel, *, hour=10, resolve=False, confidential=False, agent=None,
             case_type=None, service_point=None):  # fmt: skip
    agent = agent or tenant.user(Role.GENERAL_AGENT)
    with time_machine.travel(datetime.datetime(2026, 10, day, hour, tzinfo=STOCKHOLM), tick=False):
        case = services.register_contact(
            actor=agent,
            organisation=tenant.organisation,
            channel=channel,
            case_type=case_type or tenant.case_type,
            subject="A question",
            service_point=service_point,
        )
        if confidential:
            services.set_confidentiality(
                actor=agent, case=case, confidential=True, reason="Protected person"
            )
        if resolve:
            services.resolve_case(actor=agent, case=case, resolution="Answered")
    return case


def board_of(tenant, **choices):
    return month_dashboard(
        tenant.user(Role.TEAM_LEAD), OCTOBER, language="en", now=AFTER, **choices
    )


def test_the_month_in_figures_and_tables(tenant_a):
    register(tenant_a, 5, Channel.PHONE, resolve=True)
    register(tenant_a, 5, Channel.PHONE, resolve=True)
    register(tenant_a, 6, Channel.EMAIL)
    register(tenant_a, 31, Channel.PHONE, confidential=True)  # counted, never shown
    board = board_of(tenant_a)
    assert (board.first_day, board.last_day) == (OCTOBER, datetime.date(2026, 10, 31))
    assert board.volume == 4
    assert board.first_contact["rate"] == 0.5  # 2 of 4 resolved during their first contact
    assert board.targets.first_contact == 0.7
    assert (board.targets.service_level, board.targets.talk_seconds) == (0.9, 180)
    assert [(row.label, row.cases) for row in board.by.rows] == [("Phone", 3), ("E-mail", 1)]
    phone = board.by.rows[0]
    assert phone.share == 1 and board.by.rows[1].share == pytest.approx(1 / 3)
    assert phone.filters == {
        "registered_from": OCTOBER,
        "registered_to": datetime.date(2026, 10, 31),
        "channel": "phone",
    }
    assert len(board.per.rows) == 31
    assert [row.cases for row in board.per.rows if row.cases] == [2, 1, 1]
    assert board.calls["offered"] == 0 and board.calls["service_level"] is None


def test_calls_in_the_key_figures_and_the_phone_row(tenant_a):
    register(tenant_a, 5, Channel.PHONE)
    offered = datetime.datetime(2026, 10, 5, 9, tzinfo=STOCKHOLM)
    for number, (state, wait, talk) in enumerate(
        [(CallState.ENDED, 20, 150), (CallState.ENDED, 200, 210), (CallState.ABANDONED, 30, None)]
    ):
        Call.objects.create(
            organisation=tenant_a.organisation,
            external_id=f"c{number}",
            state=state,
            offered_at=offered,
            answered_at=offered if state == CallState.ENDED else None,
            wait_seconds=wait,
            talk_seconds=talk,
            answer_group=tenant_a.group,
        )
    board = board_of(tenant_a)
    assert board.calls["offered"] == 3
    assert board.calls["service_level"] == pytest.approx(1 / 3)
    assert board.talk == {"seconds": 180, "source": "calls", "count": 2}
    (phone,) = board.by.rows
    assert phone.calls["answer_rate"] == pytest.approx(2 / 3)
    groups = board_of(tenant_a, by="answer_group").by.rows
    assert {row.label: row.calls and row.calls["offered"] for row in groups} == {
        tenant_a.group.name: 3,
        "Front line (no answer group)": None,  # the case has no group; its calls have one
    }


@pytest.fixture
def an_organised_month(tenant_a):
    """Cases across two departments (one a service producer), two agents, a service point and
    two case types; one confidential case by the second agent."""
    organisation = tenant_a.organisation
    producer = factories.DepartmentFactory(
        organisation=organisation, kind=DepartmentKind.SERVICE_PRODUCER, name="Home care Ltd"
    )
    producer_group = factories.AnswerGroupFactory(organisation=organisation, department=producer)
    producer_type = factories.CaseTypeFactory(
        organisation=organisation, department=producer, topic=tenant_a.topic,
        default_group=producer_group,
    )  # fmt: skip
    second_agent = factories.UserFactory(organisation=organisation, roles=[Role.GENERAL_AGENT])
    register(tenant_a, 1, Channel.PHONE, hour=8, service_point=tenant_a.service_point)
    register(tenant_a, 2, Channel.PHONE, hour=8, case_type=producer_type, resolve=True)
    register(tenant_a, 9, Channel.EMAIL, hour=14, agent=second_agent)
    register(tenant_a, 27, Channel.PHONE, hour=14, agent=second_agent, case_type=producer_type,
             confidential=True)  # fmt: skip
    tenant_a.producer, tenant_a.second_agent = producer, second_agent
    tenant_a.producer_type = producer_type
    return tenant_a


def test_every_dimension_by_hand(an_organised_month):
    tenant = an_organised_month
    first_agent = tenant.user(Role.GENERAL_AGENT)
    expected = {
        "organisation": {tenant.organisation.name: 4},
        "department": {tenant.department.name: 2, "Home care Ltd": 2},
        "answer_group": {"Front line (no answer group)": 4},
        "service_point": {tenant.service_point.name: 1, "No service point": 3},
        "producer": {"Home care Ltd": 2},
        "channel": {"Phone": 3, "E-mail": 1},
        "case_type": {tenant.case_type.name_in("en"): 2, tenant.producer_type.name_in("en"): 2},
        # The confidential case is not counted for its agent, but apart.
        "agent": {
            str(first_agent): 2,
            str(tenant.second_agent): 1,
            "Confidential cases (never counted per person)": 1,
        },
    }
    assert set(expected) == set(DIMENSIONS)
    for key, counts in expected.items():
        rows = board_of(tenant, by=key).by.rows
        assert {row.label: row.cases for row in rows} == counts, key
    parameters = {
        "department": ("department", tenant.producer.pk),
        "service_point": ("service_point", tenant.service_point.pk),
        "case_type": ("case_type", tenant.producer_type.pk),
        "agent": ("registered_by", tenant.second_agent.pk),
    }
    for key, (parameter, value) in parameters.items():
        rows = board_of(tenant, by=key).by.rows
        assert any(row.filters and row.filters.get(parameter) == value for row in rows), key


def test_every_grain_by_hand(an_organised_month):
    tenant = an_organised_month
    hours = board_of(tenant, per="hour").per.rows
    assert len(hours) == 24
    assert {row.label: row.cases for row in hours if row.cases} == {"08:00": 2, "14:00": 2}
    assert hours[8].filters["registered_hour"] == 8
    days = board_of(tenant, per="day").per.rows
    assert [(row.label, row.cases) for row in days if row.cases] == [
        ("2026-10-01", 1), ("2026-10-02", 1), ("2026-10-09", 1), ("2026-10-27", 1),
    ]  # fmt: skip
    weeks = board_of(tenant, per="week").per.rows
    # 1 October 2026 is a Thursday: its week starts in September, clipped to the month.
    assert [(row.label, row.cases) for row in weeks] == [
        ("2026-W40", 2), ("2026-W41", 1), ("2026-W42", 0), ("2026-W43", 0), ("2026-W44", 1),
    ]  # fmt: skip
    assert weeks[0].filters == {
        "registered_from": OCTOBER,
        "registered_to": datetime.date(2026, 10, 4),
    }
    months = board_of(tenant, per="month", months=3).per.rows
    assert [(row.label, row.cases) for row in months] == [
        ("August 2026", 0), ("September 2026", 0), ("October 2026", 4),
    ]  # fmt: skip
    assert set(GRAINS) == {"hour", "day", "week", "month"}
    assert period_of(datetime.date(2026, 2, 1), 3) == (
        datetime.date(2025, 12, 1),
        datetime.date(2026, 2, 28),
    )


def _listed(client, row) -> list[int]:
    page = client.get(f"{reverse('cases:search')}?{row.query}")
    assert page.status_code == 200, page.content
    return [case.pk for case in page.context["page"].cases]


def test_each_row_opens_the_cases_the_reader_may_see(client, an_organised_month):
    tenant = an_organised_month
    lead = tenant.user(Role.TEAM_LEAD)
    client.force_login(lead)
    for key in ("department", "service_point", "case_type", "agent", "channel"):
        for row in board_of(tenant, by=key).by.rows:
            if row.filters is None:
                continue
            # The lead is not in the producer's group: the confidential case is counted in
            # its rows and never listed.
            listed = _listed(client, row)
            secret = row.cases - len(listed)
            assert secret in (0, 1), (key, row.label)
    hours = board_of(tenant, per="hour").per.rows
    assert len(_listed(client, hours[8])) == 2
    assert len(_listed(client, hours[14])) == 1  # of 2, one confidential
    assert _listed(client, hours[9]) == []


def test_per_agent_counts_never_reveal_confidential_cases(client, an_organised_month):
    tenant = an_organised_month
    for role in (Role.TEAM_LEAD, Role.ADMINISTRATOR):
        rows = board_of(tenant, by="agent").by.rows
        second = next(row for row in rows if row.key == tenant.second_agent.pk)
        assert second.cases == 1, role
    client.force_login(tenant.user(Role.TEAM_LEAD))
    page = client.get(reverse("reporting:dashboard"), {"month": "2026-10", "by": "agent"})
    body = page.content.decode()
    assert "Confidential cases (never counted per person)" in body
    assert "Protected person" not in body and "A question" not in body


def _html_cells(body: str, caption: str) -> list[list[str]]:
    table = body.split(f">{caption}</caption>", 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>", 1)[1], flags=re.S)
    return [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>",
                                                                      row, flags=re.S)]
        for row in rows
    ]  # fmt: skip


def test_every_table_downloads_as_it_is_shown(client, an_organised_month):
    tenant = an_organised_month
    client.force_login(tenant.user(Role.TEAM_LEAD))
    query = {"month": "2026-10", "months": 1, "by": "department", "per": "week"}
    page = client.get(reverse("reporting:dashboard"), query)
    body = page.content.decode()
    for table, caption in (("by", "By Department"), ("per", "Per Week")):
        shown = _html_cells(body, caption)
        board_table = getattr(page.context["board"], table)
        download = client.get(
            reverse("reporting:dashboard"), {**query, "table": table, "format": "csv"}
        )
        assert download["Content-Type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
        assert rows[0] == tables.header(board_table, page.context["board"].targets)
        assert [[cell or "—" for cell in row] for row in rows[1:]] == shown
        workbook = client.get(
            reverse("reporting:dashboard"), {**query, "table": table, "format": "xlsx"}
        )
        sheet = openpyxl.load_workbook(io.BytesIO(workbook.content)).active
        values = [list(row) for row in sheet.iter_rows(values_only=True)]
        assert values[1:] == tables.export_rows(board_table)
        assert [str(cell) for cell in values[1]][:2] == shown[0][:2]


def test_a_bad_choice_is_marked_and_only_leads_and_administrators_see_reports(client, tenant_a):
    client.force_login(tenant_a.user(Role.TEAM_LEAD))
    bad = client.get(reverse("reporting:dashboard"), {"month": "October"})
    assert bad.context["board"] is None and "month" in bad.context["form"].errors
    bad = client.get(reverse("reporting:dashboard"), {"month": "2026-10", "by": "mood"})
    assert bad.context["board"] is None and "by" in bad.context["form"].errors
    client.force_login(tenant_a.user(Role.ADMINISTRATOR))
    assert client.get(reverse("reporting:dashboard")).status_code == 200
    assert client.get(reverse("reporting:monthly_report")).status_code == 200
    for role in (Role.GENERAL_AGENT, Role.DEPARTMENT_EXPERT, Role.PRODUCER_CONTACT):
        client.force_login(tenant_a.user(role))
        assert client.get(reverse("reporting:dashboard")).status_code == 403, role
        assert client.get(reverse("reporting:monthly_report")).status_code == 403, role
        with pytest.raises(Forbidden):
            month_dashboard(tenant_a.user(role), OCTOBER, language="en")


def test_a_row_opens_its_cases_in_the_page(client, tenant_a):
    register(tenant_a, 5, Channel.PHONE)
    secret = register(tenant_a, 5, Channel.PHONE, confidential=True)
    client.force_login(tenant_a.user(Role.TEAM_LEAD))
    page = client.get(reverse("reporting:dashboard"), {"month": "2026-10"})
    assert page.status_code == 200
    (phone,) = page.context["board"].by.rows
    assert phone.cases == 2  # both counted
    body = page.content.decode().replace("&amp;", "&")
    assert f"?{phone.query}" in body
    # Each day is a column of the chart that opens that day's cases; 5 October holds both.
    assert 'href="/cases/search/?registered_from=2026-10-05&registered_to=2026-10-05"' in body
    assert 'aria-label="2026-10-05: 2"' in body
    listed = _listed(client, phone)
    assert secret.pk not in listed and len(listed) == 1


def test_the_monthly_report_page_and_its_pdf(client, an_organised_month):
    import pypdf

    tenant = an_organised_month
    client.force_login(tenant.user(Role.TEAM_LEAD))
    page = client.get(reverse("reporting:monthly_report"), {"month": "2026-10"})
    assert page.status_code == 200
    body = page.content.decode()
    assert "the month of October 2026" in body
    for caption in ("Cases per day", "By department", "By channel"):
        assert f">{caption}</caption>" in body
    assert "target 70 %" in body and "target 90 %" in body and "target 3:00" in body
    assert 'style="' not in body  # the CSP allows no inline styles
    pdf = client.get(reverse("reporting:monthly_report"), {"month": "2026-10", "format": "pdf"})
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == 'attachment; filename="monthly-report-2026-10.pdf"'
    assert pdf.content.startswith(b"%PDF")
    text = " ".join(
        " ".join(sheet.extract_text().split())
        for sheet in pypdf.PdfReader(io.BytesIO(pdf.content)).pages
    )
    assert "the month of October 2026" in text
    assert "Cases registered" in text and "Home care Ltd" in text
    assert "Skip to content" not in text  # the page's navigation is not printed


def test_without_pango_the_pdf_is_refused_with_a_message(client, an_organised_month, monkeypatch):
    from civicdesk.reporting import monthly

    def no_pango(html, base_url):
        raise monthly.PdfUnavailable("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(monthly, "render_pdf", no_pango)
    client.force_login(an_organised_month.user(Role.TEAM_LEAD))
    answer = client.get(reverse("reporting:monthly_report"), {"month": "2026-10", "format": "pdf"})
    assert answer.status_code == 503
    assert "print this page instead" in answer.content.decode()

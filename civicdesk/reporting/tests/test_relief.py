"""The relief report on a hand-counted week, and the Swedish pre-study's own figures."""

import datetime
import io
import zoneinfo

import openpyxl
import pytest
import time_machine
from django.urls import reverse

from civicdesk.cases import services
from civicdesk.cases.choices import Channel
from civicdesk.catalog import services as catalog_services
from civicdesk.core.errors import DomainError, Forbidden
from civicdesk.org.choices import Role
from civicdesk.reporting import figures
from civicdesk.reporting.relief import relief_report
from civicdesk.testing.factories import CaseTypeFactory

pytestmark = pytest.mark.django_db
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
# Before any test runs, so the fixtures' own cases, made at the real time, fall outside.
MONDAY = datetime.datetime(2026, 10, 12, 10, 0, tzinfo=STOCKHOLM)


def test_the_pre_study_figures():
    # 4,718 contacts a week resolved in the centre, 8 minutes each for the department.
    hours = figures.relief_hours(4718, 8)
    assert round(hours) == 629
    assert round(hours / 35) == 18


def resolve(tenant, case_type, when, *, forward=False):
    agent = tenant.user(Role.GENERAL_AGENT)
    with time_machine.travel(when, tick=False):
        case = services.register_contact(
            actor=agent,
            organisation=tenant.organisation,
            channel=Channel.PHONE,
            case_type=case_type,
            subject="A question",
        )
        resolver = agent
        if forward:
            services.forward_case_to_group(
                actor=agent, case=case, group=tenant.group, reason="For the department"
            )
            resolver = tenant.user(Role.DEPARTMENT_EXPERT)
            services.take_case(actor=resolver, case=case)
        services.resolve_case(actor=resolver, case=case, resolution="Answered")


def test_cases_resolved_in_the_centre_count_with_their_agreed_minutes(tenant_a):
    lead = tenant_a.user(Role.TEAM_LEAD)
    administrator = tenant_a.user(Role.ADMINISTRATOR)
    catalog_services.update_case_type(
        actor=administrator, case_type=tenant_a.case_type, department_minutes=12
    )
    unpriced = CaseTypeFactory(organisation=tenant_a.organisation, department=tenant_a.department)
    for _ in range(5):
        resolve(tenant_a, tenant_a.case_type, MONDAY)
    resolve(tenant_a, tenant_a.case_type, MONDAY, forward=True)  # the department did it
    resolve(tenant_a, unpriced, MONDAY)
    resolve(tenant_a, tenant_a.case_type, MONDAY - datetime.timedelta(weeks=3))  # outside
    report = relief_report(
        lead, weeks=1, hours_per_fte=35, language="en", now=MONDAY + datetime.timedelta(weeks=1)
    )
    assert (report.first_day, report.last_day) == (
        datetime.date(2026, 10, 12),
        datetime.date(2026, 10, 18),
    )
    result = report.figures
    assert result["cases"] == 5
    assert result["cases_without_minutes"] == 1
    assert result["hours"] == 1.0  # 5 x 12 min
    assert result["hours_per_week"] == 1.0
    assert result["fte"] == pytest.approx(1 / 35)
    (row,) = result["rows"]
    assert (row["code"], row["cases"], row["minutes_each"]) == (tenant_a.case_type.code, 5, 12)


def test_the_page_and_its_csv_for_a_lead_and_not_for_an_agent(client, tenant_a):
    catalog_services.update_case_type(
        actor=tenant_a.user(Role.ADMINISTRATOR), case_type=tenant_a.case_type, department_minutes=8
    )
    resolve(tenant_a, tenant_a.case_type, MONDAY)
    url = reverse("reporting:relief")
    client.force_login(tenant_a.user(Role.TEAM_LEAD))
    with time_machine.travel(MONDAY + datetime.timedelta(weeks=1), tick=False):
        page = client.get(url, {"weeks": 1, "hours_per_fte": 35})
        exported = client.get(url, {"weeks": 1, "hours_per_fte": 35, "format": "csv"})
        workbook = client.get(url, {"weeks": 1, "hours_per_fte": 35, "format": "xlsx"})
    assert page.status_code == 200
    assert page.context["report"].figures["cases"] == 1
    assert exported["Content-Type"].startswith("text/csv")
    lines = exported.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Case type,Code,Cases,Minutes each,Hours"
    assert lines[1].endswith(f"{tenant_a.case_type.code},1,8,0.1")
    sheet = openpyxl.load_workbook(io.BytesIO(workbook.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][1:] == (tenant_a.case_type.code, 1, 8, 0.1)
    assert rows[-1][0] == "Total"
    bad = client.get(url, {"weeks": 0, "hours_per_fte": 35})
    assert bad.context["report"] is None and "weeks" in bad.context["form"].errors
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    assert client.get(url).status_code == 403
    with pytest.raises(Forbidden):
        relief_report(tenant_a.user(Role.GENERAL_AGENT), weeks=1, hours_per_fte=35, language="en")


def test_agreed_minutes_outside_a_day_are_refused(tenant_a):
    with pytest.raises(DomainError) as refused:
        catalog_services.update_case_type(
            actor=tenant_a.user(Role.ADMINISTRATOR),
            case_type=tenant_a.case_type,
            department_minutes=0,
        )
    assert refused.value.field == "department_minutes"

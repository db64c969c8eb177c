import csv
import datetime
import io
import zoneinfo

import openpyxl
import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from civicdesk.cases import services
from civicdesk.cases.choices import Channel, Direction
from civicdesk.org.choices import Role
from civicdesk.reporting import digests, figures
from civicdesk.reporting.models import Digest, DigestKind
from civicdesk.testing.factories import CaseTypeFactory

pytestmark = pytest.mark.django_db
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


def local(text):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=STOCKHOLM)


def register(tenant, when, **extra):
    with time_machine.travel(local(when), tick=False):
        return services.register_contact(
            actor=tenant.user(Role.GENERAL_AGENT),
            organisation=tenant.organisation,
            channel=extra.pop("channel", Channel.PHONE),
            case_type=extra.pop("case_type", tenant.case_type),
            **extra,
        )


def forward(tenant, case, when):
    with time_machine.travel(local(when), tick=False):
        services.forward_case_to_group(
            actor=tenant.user(Role.GENERAL_AGENT),
            case=case,
            group=tenant.group,
            reason="To the department",
        )


def test_the_weekly_summary_lists_overdue_cases_to_the_groups_manager(
    tenant_a, django_capture_on_commit_callbacks
):
    secret_type = CaseTypeFactory(
        organisation=tenant_a.organisation,
        department=tenant_a.department,
        confidential_by_default=True,
    )
    late = register(tenant_a, "2026-11-09 10:00", subject="Late building permit")
    forward(tenant_a, late, "2026-11-09 10:05")
    secret = register(
        tenant_a, "2026-11-09 11:00", case_type=secret_type, subject="Orosanmälan Svensson"
    )
    forward(tenant_a, secret, "2026-11-09 11:05")
    in_time = register(tenant_a, "2026-11-20 10:00")
    forward(tenant_a, in_time, "2026-11-20 10:05")
    monday = local("2026-11-23 07:00")
    with django_capture_on_commit_callbacks(execute=True):
        made = digests.make_weekly_overdue_digests(now=monday)
        assert digests.make_weekly_overdue_digests(now=monday) == 0  # a rerun makes nothing
    assert made == 2  # one group, one department in this organisation
    group_digest = Digest.objects.get(answer_group=tenant_a.group)
    references = [row["reference"] for row in group_digest.data["cases"]]
    assert sorted(references) == sorted([late.reference, secret.reference])
    assert in_time.reference not in references
    assert {row["subject"] for row in group_digest.data["cases"]} == {"Late building permit", None}
    manager = tenant_a.user(Role.TEAM_LEAD)
    to_manager = [message for message in mail.outbox if message.to == [manager.email]]
    assert to_manager
    assert all("Svensson" not in message.body for message in mail.outbox)
    assert late.reference in to_manager[0].body


def test_a_digests_table_downloads_as_shown(client, tenant_a, django_capture_on_commit_callbacks):
    secret_type = CaseTypeFactory(
        organisation=tenant_a.organisation,
        department=tenant_a.department,
        confidential_by_default=True,
    )
    late = register(tenant_a, "2026-11-09 10:00", subject="Late building permit")
    forward(tenant_a, late, "2026-11-09 10:05")
    secret = register(
        tenant_a, "2026-11-09 11:00", case_type=secret_type, subject="Orosanmälan Svensson"
    )
    forward(tenant_a, secret, "2026-11-09 11:05")
    with django_capture_on_commit_callbacks(execute=True):
        digests.make_weekly_overdue_digests(now=local("2026-11-23 07:00"))
    digest = Digest.objects.get(answer_group=tenant_a.group)
    client.force_login(tenant_a.user(Role.TEAM_LEAD))
    url = reverse("reporting:digest", args=[digest.pk])
    download = client.get(url, {"format": "csv"})
    rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Reference", "Subject", "Group", "Handler"]
    assert sorted(row[:2] for row in rows[1:]) == sorted(
        [[late.reference, "Late building permit"], [secret.reference, "Confidential"]]
    )
    assert "Svensson" not in download.content.decode("utf-8-sig")
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(url, {"format": "xlsx"}).content)).active
    assert len(list(sheet.iter_rows())) == 3


def test_monthly_statistics_on_a_hand_counted_month(tenant_a, django_capture_on_commit_callbacks):
    # October 2026: three cases; one answered at once, one forwarded and answered in time,
    # one forwarded and never answered (overdue); one November case does not count.
    quick = register(tenant_a, "2026-10-05 09:00", channel=Channel.PHONE)
    services.resolve_case(
        actor=tenant_a.user(Role.GENERAL_AGENT), case=quick, resolution="Answered"
    )
    answered = register(tenant_a, "2026-10-06 09:00", channel=Channel.EMAIL)
    forward(tenant_a, answered, "2026-10-06 09:10")
    expert = tenant_a.user(Role.DEPARTMENT_EXPERT)
    with time_machine.travel(local("2026-10-07 10:00"), tick=False):
        services.take_case(actor=expert, case=answered)
        services.append_contact(
            actor=expert,
            case=answered,
            channel=Channel.PHONE,
            direction=Direction.OUTBOUND,
            summary="Called back",
        )
    ignored = register(tenant_a, "2026-10-07 09:00", channel=Channel.PHONE)
    forward(tenant_a, ignored, "2026-10-07 09:10")
    register(tenant_a, "2026-11-02 09:00")
    with django_capture_on_commit_callbacks(execute=True):
        assert digests.make_monthly_statistics(now=local("2026-11-01 06:00")) == 1
    data = Digest.objects.get(kind=DigestKind.MONTHLY_STATISTICS).data
    assert data["cases"] == 3
    assert data["by_channel"] == {"phone": 2, "email": 1}
    assert data["first_contact_resolution"] == {
        "resolved_at_first_contact": 1,
        "cases": 3,
        "rate": pytest.approx(1 / 3),
    }
    assert data["department_feedback_in_time"] == {"in_time": 1, "forwarded": 2, "rate": 0.5}
    administrator = tenant_a.user(Role.ADMINISTRATOR)
    assert {tuple(message.to) for message in mail.outbox} >= {(administrator.email,)}


def test_no_figure_divides_by_zero(tenant_a):
    from civicdesk.cases.models import Case

    nothing = Case.objects.none()
    assert figures.first_contact_resolution(nothing)["rate"] is None
    assert (
        figures.department_feedback_in_time(nothing, at=local("2026-11-01 00:00"))["rate"] is None
    )


def test_digests_are_readable_in_the_app_by_leads_not_agents(client, tenant_a):
    digests.make_weekly_overdue_digests(now=local("2026-11-23 07:00"))
    digest = Digest.objects.filter(organisation=tenant_a.organisation).first()
    client.force_login(tenant_a.user(Role.TEAM_LEAD))
    assert client.get(reverse("reporting:digest", args=[digest.pk])).status_code == 200
    assert client.get(reverse("reporting:digests")).status_code == 200
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    assert client.get(reverse("reporting:digest", args=[digest.pk])).status_code == 404

"""The billing pages and exports: who sees what, and totals that agree."""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
import time_machine
from django.urls import reverse

from civicdesk.billing import services
from civicdesk.billing.choices import StatementStatus
from civicdesk.billing.exports import FINANCE_COLUMNS
from civicdesk.billing.models import Price, Statement
from civicdesk.billing.tests.conftest import NOVEMBER_NOW, OCTOBER
from civicdesk.org.choices import Role

pytestmark = pytest.mark.django_db


def produced(billing) -> dict:
    services.produce_statements(
        actor=billing.tenant.user(Role.TEAM_LEAD),
        organisation=billing.tenant.organisation,
        month=OCTOBER,
        now=NOVEMBER_NOW,
    )
    return {
        (statement.producer_id, statement.service_point_id): statement
        for statement in Statement.objects.filter(month=OCTOBER)
    }


def issue(billing, statement):
    return services.issue_statement(actor=billing.tenant.user(Role.TEAM_LEAD), statement=statement)


def csv_rows(response) -> list[dict]:
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_statement_exports_add_up_to_the_statement(client, billing):
    statement = produced(billing)[(billing.producer_a.pk, billing.point_p.pk)]
    client.force_login(billing.tenant.user(Role.TEAM_LEAD))
    url = reverse("billing:statement", args=[statement.pk])
    rows = csv_rows(client.get(url, {"format": "csv"}))
    assert list(rows[0]) == list(FINANCE_COLUMNS)
    lines = [row for row in rows if row["record_type"] == "LINE"]
    (total,) = [row for row in rows if row["record_type"] == "TOTAL"]
    assert len(lines) == 4
    priced = [Decimal(row["amount"]) for row in lines if row["amount"]]
    assert sum(priced) == Decimal(total["amount"]) == Decimal("57.50")
    assert statement.total_cents == 5750
    assert sum(int(row["count"]) for row in lines) == int(total["count"]) == 7
    assert {row["problem"] for row in lines} == {"", "no_event_type", "no_price"}
    assert total["problem"] == "flagged"
    assert [row["unit_price"] for row in lines if row["problem"] == ""] == ["10.00", "12.50"]
    assert {row["currency"] for row in rows} == {"SEK"}

    workbook = client.get(url, {"format": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(workbook.content)).active
    table = list(sheet.iter_rows(values_only=True))
    assert table[0] == FINANCE_COLUMNS
    amount = FINANCE_COLUMNS.index("amount")
    xlsx_lines = [row for row in table[1:] if row[0] == "LINE"]
    xlsx_total = next(row for row in table[1:] if row[0] == "TOTAL")
    assert (
        sum(Decimal(str(row[amount])) for row in xlsx_lines if row[amount] not in (None, ""))
        == (Decimal(str(xlsx_total[amount])))
        == Decimal("57.5")
    )


def test_the_month_export_holds_the_issued_statements_only(client, billing):
    statements = produced(billing)
    issue(billing, statements[(billing.producer_b.pk, billing.point_p.pk)])
    issue(billing, statements[(billing.producer_a.pk, billing.point_q.pk)])
    client.force_login(billing.tenant.user(Role.ADMINISTRATOR))
    rows = csv_rows(
        client.get(reverse("billing:statements"), {"month": "2026-10", "format": "csv"})
    )
    totals = [row for row in rows if row["record_type"] == "TOTAL"]
    assert sorted(
        (row["producer_code"], row["service_point_code"], row["amount"]) for row in totals
    ) == [
        ("kela", "q", "10.00"),
        ("vero", "p", "8.00"),
    ]
    assert {row["status"] for row in rows} == {"issued"}


def test_a_producers_contact_sees_only_their_producers_issued_statements(client, billing):
    statements = produced(billing)
    own = statements[(billing.producer_b.pk, billing.point_p.pk)]
    theirs = statements[(billing.producer_a.pk, billing.point_q.pk)]
    client.force_login(billing.contact_b)
    # A draft is not yet for the producer.
    assert client.get(reverse("billing:statement", args=[own.pk])).status_code == 404
    issue(billing, own)
    issue(billing, theirs)
    page = client.get(reverse("billing:statements"), {"month": "2026-10"})
    assert page.status_code == 200
    assert [s.pk for s in page.context["statements"]] == [own.pk]
    assert "producer" not in page.context["form"].fields
    assert client.get(reverse("billing:statement", args=[own.pk])).status_code == 200
    assert client.get(reverse("billing:statement", args=[theirs.pk])).status_code == 404
    assert (
        client.get(reverse("billing:statement", args=[theirs.pk]), {"format": "csv"}).status_code
        == 404
    )
    exported = csv_rows(
        client.get(reverse("billing:statements"), {"month": "2026-10", "format": "csv"})
    )
    assert {row["producer_code"] for row in exported} == {"vero"}
    prices = client.get(reverse("billing:prices"))
    assert {price.producer_id for price in prices.context["prices"]} == {billing.producer_b.pk}
    assert prices.context["form"] is None
    assert client.post(reverse("billing:produce"), {"month": "2026-10"}).status_code == 403
    assert client.post(reverse("billing:issue", args=[own.pk])).status_code == 403


def test_agents_do_not_see_billing(client, billing):
    statement = produced(billing)[(billing.producer_b.pk, billing.point_p.pk)]
    client.force_login(billing.tenant.user(Role.GENERAL_AGENT))
    assert client.get(reverse("billing:statements")).status_code == 403
    assert client.get(reverse("billing:prices")).status_code == 403
    assert client.get(reverse("billing:statement", args=[statement.pk])).status_code == 404


def test_a_confidential_case_is_counted_and_never_shown(client, billing):
    statement = produced(billing)[(billing.producer_a.pk, billing.point_p.pk)]
    confidential_case = statement.events.get(is_confidential=True).case
    client.force_login(billing.tenant.user(Role.TEAM_LEAD))
    page = client.get(reverse("billing:statement", args=[statement.pk]))
    assert page.status_code == 200
    events = page.context["events"]
    assert len(events) == 7
    hidden = [event for event in events if event.confidential]
    assert len(hidden) == 1 and hidden[0].reference is None and hidden[0].case_id is None
    html = page.content.decode()
    assert confidential_case.reference not in html
    visible = [event for event in events if not event.confidential]
    assert all(event.reference and event.case_id for event in visible)
    assert "(1 confidential)" in html


def test_the_lead_produces_and_issues_with_the_buttons(client, billing):
    client.force_login(billing.tenant.user(Role.TEAM_LEAD))
    with time_machine.travel(NOVEMBER_NOW, tick=False):
        response = client.post(reverse("billing:produce"), {"month": "2026-10"})
        assert response.status_code == 302
        assert Statement.objects.filter(month=OCTOBER).count() == 3
        flagged = Statement.objects.get(producer=billing.producer_a, service_point=billing.point_p)
        refused = client.post(reverse("billing:issue", args=[flagged.pk]), follow=True)
        assert "have no amount" in refused.content.decode()
        flagged.refresh_from_db()
        assert flagged.status == StatementStatus.DRAFT
        ready = Statement.objects.get(producer=billing.producer_b)
        client.post(reverse("billing:issue", args=[ready.pk]))
        ready.refresh_from_db()
        assert ready.status == StatementStatus.ISSUED
        not_over = client.post(reverse("billing:produce"), {"month": "2026-11"}, follow=True)
        assert "is not" in not_over.content.decode()
        page = client.get(reverse("billing:statements"), {"month": "2026-10"})
    assert page.status_code == 200 and len(page.context["statements"]) == 3
    assert page.context["produce_form"] is not None


def test_an_administrator_sets_a_price_on_the_page(client, billing):
    client.force_login(billing.tenant.user(Role.ADMINISTRATOR))
    url = reverse("billing:prices")
    data = {
        "producer": billing.producer_a.pk,
        "event_type": billing.remote.pk,
        "amount": "30,00",
        "valid_from": "2026-10-01",
    }
    assert client.post(url, data).status_code == 302
    price = Price.objects.get(producer=billing.producer_a, event_type=billing.remote)
    assert (price.amount_cents, price.currency, price.valid_to) == (3000, "SEK", None)
    bad = client.post(url, data | {"amount": "lots", "valid_from": "2026-11-01"})
    assert bad.status_code == 200 and "amount" in bad.context["form"].errors
    overlap = client.post(url, data)
    assert "valid_from" in overlap.context["form"].errors
    client.force_login(billing.tenant.user(Role.TEAM_LEAD))
    assert client.get(url).context["form"] is None
    assert client.post(url, data | {"valid_from": "2027-01-01"}).status_code == 403
    assert Price.objects.filter(valid_from=datetime.date(2027, 1, 1)).count() == 0


def test_the_api_gives_the_statements_the_caller_may_see(client, billing):
    from civicdesk.org.services import create_api_token

    statements = produced(billing)
    own = statements[(billing.producer_b.pk, billing.point_p.pk)]
    issue(billing, own)

    def get(user, path, **params):
        _token, secret = create_api_token(
            actor=billing.tenant.user(Role.ADMINISTRATOR), user=user, name=f"finance {user.pk}"
        )
        return client.get(
            f"/api/v1/billing{path}", params, headers={"Authorization": f"Bearer {secret}"}
        )

    lead = billing.tenant.user(Role.TEAM_LEAD)
    listed = get(lead, "/statements", month="2026-10")
    assert listed.status_code == 200
    assert listed.json()["count"] == 3
    issued = get(lead, "/statements", month="2026-10", status="issued").json()["items"]
    assert [(s["number"], s["total"], s["total_cents"]) for s in issued] == [
        (own.number, "8.00", 800)
    ]
    detail = get(lead, f"/statements/{own.pk}").json()
    assert [
        (line["event_type_code"], line["count"], line["amount_cents"]) for line in detail["lines"]
    ] == [("manual", 1, 800)]
    assert get(lead, "/statements", month="October").status_code == 422
    # A producer's contact: their own issued statement, nothing else.
    mine = get(billing.contact_b, "/statements").json()["items"]
    assert [s["id"] for s in mine] == [own.pk]
    theirs = statements[(billing.producer_a.pk, billing.point_p.pk)]
    assert get(billing.contact_b, f"/statements/{theirs.pk}").status_code == 404
    assert get(billing.tenant.user(Role.GENERAL_AGENT), "/statements").status_code == 403


def test_an_installation_administrator_has_no_organisation_to_bill(client, superuser):
    client.force_login(superuser)
    assert client.get(reverse("billing:statements")).status_code == 404
    assert client.get(reverse("billing:prices")).status_code == 404
    assert client.get(reverse("reporting:prestudy")).status_code == 404

"""The ASPA demo's billing: last month's statements, one of them with a mid-month price change."""

import pytest

from civicdesk.billing.choices import StatementStatus
from civicdesk.billing.models import Statement
from civicdesk.demo.constants import DEMO_PASSWORD
from civicdesk.demo.data import ASPA_KAUHAJOKI
from civicdesk.demo.extras import billing
from civicdesk.demo.services import LoadReport, ensure_installation_admin, load_organisation

pytestmark = pytest.mark.django_db


def test_last_months_statements_for_the_six_producers():
    report = LoadReport()
    admin = ensure_installation_admin(password=DEMO_PASSWORD, report=report)
    organisation = load_organisation(
        actor=admin, spec=ASPA_KAUHAJOKI, password=DEMO_PASSWORD, report=report
    )
    billing.load(spec=ASPA_KAUHAJOKI, report=report)
    statements = Statement.objects.filter(organisation=organisation)
    assert {s.producer.code for s in statements} == set(billing.PRICES)
    assert {s.service_point.code for s in statements} == {"kauhajoki", "teuva"}
    assert not statements.filter(flagged_count__gt=0).exists()
    drafts = statements.filter(status=StatementStatus.DRAFT)
    assert {s.producer.code for s in drafts} == {billing.LEFT_AS_DRAFT}
    assert all(s.currency == "EUR" and s.total_cents > 0 for s in statements)
    visits = sum(kauhajoki + teuva for kauhajoki, teuva in billing.VISITS.values())
    assert sum(s.event_count for s in statements) == visits
    kela = statements.get(producer__code="kela", service_point__code="kauhajoki")
    manual_prices = set(
        kela.lines.filter(event_type_code="manuaalinen").values_list("unit_cents", flat=True)
    )
    assert manual_prices == {950, 1050} and kela.confidential_count == 2

    before = list(statements.values_list("pk", "status", "fingerprint"))
    again = LoadReport()
    billing.load(spec=ASPA_KAUHAJOKI, report=again)
    assert list(statements.values_list("pk", "status", "fingerprint")) == before
    assert not again.created

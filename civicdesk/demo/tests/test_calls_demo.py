"""The demo's calls: weeks of a queue that the call figures can be read from, loaded once."""

import pytest

from civicdesk.demo.constants import DEMO_PASSWORD
from civicdesk.demo.data import SKELLEFTEA
from civicdesk.demo.extras import calls
from civicdesk.demo.services import LoadReport, ensure_installation_admin, load_organisation
from civicdesk.reporting.figures import call_summary
from civicdesk.telephony.models import Call, CallState

pytestmark = pytest.mark.django_db


def test_four_weeks_of_calls_with_plausible_figures_loaded_once():
    report = LoadReport()
    admin = ensure_installation_admin(password=DEMO_PASSWORD, report=report)
    organisation = load_organisation(
        actor=admin, spec=SKELLEFTEA, password=DEMO_PASSWORD, report=report
    )
    calls.load(spec=SKELLEFTEA, report=report)

    stored = Call.objects.filter(organisation=organisation)
    figures = call_summary(stored)
    assert 19 * 25 < stored.count() < 21 * 60  # 19 to 21 weekdays of about 40 calls
    assert 0.02 < figures["abandonment_rate"] < 0.15
    assert 0.80 < figures["service_level"] < 0.97
    assert 90 < figures["average_talk_seconds"] < 150
    assert stored.filter(state=CallState.ENDED, customer__isnull=False).exists()
    assert not stored.filter(state__in=[CallState.OFFERED, CallState.ANSWERED]).exists()

    again = LoadReport()
    calls.load(spec=SKELLEFTEA, report=again)
    assert not again.created and Call.objects.filter(organisation=organisation).count() == (
        stored.count()
    )

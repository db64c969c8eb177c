"""(r) The managers' reports over the generated cases: the month dashboard, the relief report
and next week's staffing, median and p95 of a team lead opening each (one organisation holds
a third of the cases). Computed from the case rows at each request, no roll-ups: this shows
whether they are still needed."""

from __future__ import annotations

import datetime

from django.db.models import Count
from django.utils import timezone

from bench.core import latencies_ms, median, p95
from civicdesk.cases.models import Case
from civicdesk.demo.generation.organisations import generated_organisations
from civicdesk.org.choices import Role
from civicdesk.org.models import User
from civicdesk.reporting.dashboard import month_dashboard
from civicdesk.reporting.relief import relief_report
from civicdesk.reporting.staffing import StaffingRequest, next_week_staffing

RUNS = 7


def _lead():
    organisations = generated_organisations().values("pk")
    busiest = (
        Case.objects.filter(organisation__in=organisations)
        .values("organisation_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    if busiest is None:
        return None
    return User.objects.filter(
        organisation_id=busiest["organisation_id"],
        role_assignments__role=Role.TEAM_LEAD,
        is_active=True,
    ).first()


def run(bench) -> None:
    lead = _lead()
    if lead is None:
        bench.note("reports: no team lead in the generated organisations; skipped")
        return
    last_month = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    reports = {
        "dashboard_month": lambda _: month_dashboard(lead, last_month, language="en"),
        "relief_4_weeks": lambda _: relief_report(lead, weeks=4, hours_per_fte=35, language="en"),
        "staffing_next_week": lambda _: next_week_staffing(
            lead,
            StaffingRequest(
                answer_group=None,
                target=0.9,
                threshold_seconds=120,
                shrinkage=0.3,
                handle_seconds=None,
                patience_seconds=None,
            ),
        ),
    }
    for name, call in reports.items():
        timings = latencies_ms(call, range(RUNS), warm_up=1)
        bench.record(f"reports.{name}.p50", median(timings), "ms")
        bench.record(f"reports.{name}.p95", p95(timings), "ms")

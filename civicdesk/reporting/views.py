from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from civicdesk.core import authz
from civicdesk.reporting import selectors
from civicdesk.reporting.forms import StaffingForm
from civicdesk.reporting.staffing import next_week_staffing


@login_required
def digests(request):
    return render(
        request,
        "reporting/digests.html",
        {"digests": selectors.digests_for_actor(request.user)[:200]},
    )


@login_required
def digest(request, digest_id: int):
    found = selectors.get_digest(request.user, digest_id)
    return render(request, f"reporting/{found.kind}.html", {"digest": found, "data": found.data})


@login_required
def staffing(request):
    """Next week's agents per hour for a lead: forecast, its tested error, Erlang on top."""
    authz.require(request.user, "reporting.plan_staffing", request.user.organisation)
    form = StaffingForm(request.GET or None, organisation=request.user.organisation)
    report = None
    if form.is_bound and form.is_valid():
        report = next_week_staffing(request.user, form.staffing_request())
    return render(
        request,
        "reporting/staffing.html",
        {"form": form, "report": report, "chart": _chart(report) if report else None},
    )


def _chart(report):
    """Bars of scheduled agents per hour over the week, in SVG coordinates."""
    peak = max(report.peak_scheduled, 1)
    height, width = 120, 4
    bars = []
    for index, hour in enumerate(report.plan):
        scheduled = hour.staffing.scheduled if hour.staffing else 0
        size = round(scheduled / peak * height, 1)
        bars.append(
            {"x": index * width, "y": height - size, "height": size, "hour": hour, "n": scheduled}
        )
    days = [{"x": day * 24 * width, "date": report.plan[day * 24].hour} for day in range(7)]
    return {"bars": bars, "days": days, "width": len(bars) * width, "height": height, "peak": peak}

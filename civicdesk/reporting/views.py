import csv

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from civicdesk.core import authz
from civicdesk.reporting import selectors
from civicdesk.reporting.forms import ReliefForm, StaffingForm
from civicdesk.reporting.relief import relief_report
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


@login_required
def relief(request):
    """The department hours the centre's resolved cases save, per case type; CSV on request."""
    authz.require(request.user, "reporting.view_relief", request.user.organisation)
    form = ReliefForm(request.GET or {"weeks": 4, "hours_per_fte": 35})
    report = None
    if form.is_valid():
        report = relief_report(
            request.user,
            weeks=form.cleaned_data["weeks"],
            hours_per_fte=float(form.cleaned_data["hours_per_fte"]),
            language=get_language(),
        )
        if request.GET.get("format") == "csv":
            return _relief_csv(report)
    return render(request, "reporting/relief.html", {"form": form, "report": report})


def _relief_csv(report) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"relief-{report.first_day}-{report.last_day}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    writer = csv.writer(response)
    writer.writerow([_("Case type"), _("Code"), _("Cases"), _("Minutes each"), _("Hours")])
    for row in report.figures["rows"]:
        writer.writerow(
            [
                row["name"],
                row["code"],
                row["cases"],
                row["minutes_each"],
                f"{row['hours']:.1f}",
            ]
        )
    writer.writerow([_("Total"), "", report.figures["cases"], "", f"{report.figures['hours']:.1f}"])
    return response

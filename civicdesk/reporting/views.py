from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from civicdesk.core import authz
from civicdesk.core.exports import FORMATS, export_response
from civicdesk.reporting import selectors
from civicdesk.reporting.dashboard import month_dashboard
from civicdesk.reporting.forms import MonthForm, ReliefForm, StaffingForm
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
        if request.GET.get("format") in FORMATS:
            return _staffing_export(report, request.GET["format"])
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
        if request.GET.get("format") in FORMATS:
            return _relief_export(report, request.GET["format"])
    return render(request, "reporting/relief.html", {"form": form, "report": report})


def _relief_export(report, fmt: str):
    rows = [
        [row["name"], row["code"], row["cases"], row["minutes_each"], round(row["hours"], 1)]
        for row in report.figures["rows"]
    ]
    rows.append([_("Total"), "", report.figures["cases"], "", round(report.figures["hours"], 1)])
    return export_response(
        f"relief-{report.first_day}-{report.last_day}",
        [_("Case type"), _("Code"), _("Cases"), _("Minutes each"), _("Hours")],
        rows,
        fmt,
    )


def _staffing_export(report, fmt: str):
    rows = [
        [
            hour.hour.isoformat(sep=" ", timespec="minutes"),
            round(hour.contacts, 2),
            hour.staffing.on_phones.agents,
            hour.staffing.scheduled,
            round(hour.staffing.on_phones.service_level, 4),
            round(hour.staffing.on_phones.average_wait_seconds, 1),
            round(hour.staffing.on_phones.occupancy, 4),
        ]
        for hour in report.plan
        if hour.staffing
    ]
    return export_response(
        f"staffing-{report.first_day}",
        [
            _("Hour"),
            _("Contacts forecast"),
            _("Agents on the phones"),
            _("Agents to schedule"),
            _("Service level"),
            _("Average wait"),
            _("Occupancy"),
        ],
        rows,
        fmt,
    )


@login_required
def dashboard(request):
    """A month of the organisation's cases at a glance, each bar a way into its cases."""
    authz.require(request.user, "reporting.view_dashboard", request.user.organisation)
    this_month = timezone.localdate().strftime("%Y-%m")
    form = MonthForm(request.GET or {"month": this_month})
    board = None
    if form.is_valid():
        board = month_dashboard(request.user, form.cleaned_data["month"], language=get_language())
    chart = _day_chart(board.by_day) if board else None
    return render(
        request, "reporting/dashboard.html", {"form": form, "board": board, "chart": chart}
    )


def _day_chart(bars, height: int = 120, step: int = 20):
    """Columns of a month's days in SVG coordinates, each linking to its cases."""
    columns = [
        {
            "x": index * step + 2,
            "w": step - 4,
            "h": round(bar.share * height, 1),
            "y": round(height - bar.share * height, 1),
            "label": bar.label,
            "value": bar.value,
            "query": bar.query,
        }
        for index, bar in enumerate(bars)
    ]
    return {"bars": columns, "width": len(bars) * step, "height": height}

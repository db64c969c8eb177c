import zoneinfo
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from civicdesk.core import authz
from civicdesk.core.exports import FORMATS, export_response
from civicdesk.reporting import charts, monthly, selectors, tables
from civicdesk.reporting.dashboard import month_dashboard
from civicdesk.reporting.forms import DashboardForm, ReliefForm, StaffingForm
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
    if request.GET.get("format") in FORMATS:
        header, rows = tables.digest_table(found)
        stem = f"{found.kind}-{found.scope.replace(':', '-')}-{found.period_start}"
        return export_response(stem, header, rows, request.GET["format"])
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


def _chart(report) -> dict:
    """Agents to schedule per hour over the week, with a label at the start of each day."""
    values = [hour.staffing.scheduled if hour.staffing else 0 for hour in report.plan]
    chart = charts.columns(report.plan, values, step=4)
    chart["days"] = [{"x": day * 24 * 4, "date": report.plan[day * 24].hour} for day in range(7)]
    return chart


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


def _dashboard_form(request):
    organisation_zone = zoneinfo.ZoneInfo(request.user.organisation.timezone)
    this_month = timezone.localdate(timezone=organisation_zone).strftime("%Y-%m")
    return DashboardForm(request.GET or {"month": this_month})


@login_required
def dashboard(request):
    """Months of the organisation's cases and calls at a glance, by a dimension and per a grain
    of time, each row and column a way into its cases; either table as CSV or XLSX."""
    authz.require(request.user, "reporting.view_dashboard", request.user.organisation)
    form = _dashboard_form(request)
    board = None
    if form.is_valid():
        data = form.cleaned_data
        board = month_dashboard(
            request.user,
            data["month"],
            language=get_language(),
            months=data["months"],
            by=data["by"],
            per=data["per"],
        )
        table = {"by": board.by, "per": board.per}.get(request.GET.get("table", ""))
        if table is not None and request.GET.get("format") in FORMATS:
            return _table_export(board, table, request.GET["format"])
    context = {"form": form, "board": board}
    if board:
        context |= _board_context(board)
        chosen = {
            "month": form.cleaned_data["month"].strftime("%Y-%m"),
            **{name: form.cleaned_data[name] for name in ("months", "by", "per")},
        }
        context["by_export"] = urlencode({**chosen, "table": "by"})
        context["per_export"] = urlencode({**chosen, "table": "per"})
    return render(request, "reporting/dashboard.html", context)


def _board_context(board) -> dict:
    return {
        "by_table": charts.table_context(board.by, board.targets),
        "per_table": charts.table_context(board.per, board.targets),
    }


def _table_export(board, table, fmt: str):
    return export_response(
        f"{table.key}-{board.first_day}-{board.last_day}",
        tables.header(table, board.targets),
        tables.export_rows(table),
        fmt,
    )


@login_required
def monthly_report(request):
    """The month's report to print (the browser's print, a print stylesheet) or as a PDF."""
    authz.require(request.user, "reporting.view_dashboard", request.user.organisation)
    form = _dashboard_form(request)
    report = None
    if form.is_valid():
        report = monthly.monthly_report(
            request.user, form.cleaned_data["month"], language=get_language()
        )
    context = {"form": form, "report": report}
    if report:
        context |= monthly.report_context(report)
    if report and request.GET.get("format") == "pdf":
        try:
            return monthly.pdf_response(request, context)
        except monthly.PdfUnavailable:
            # A server without Debian's pango: say so on the page, which prints as well.
            messages.error(
                request,
                _(
                    "The PDF cannot be made on this server (system packages for PDF output "
                    "are missing); print this page instead."
                ),
            )
            return render(request, "reporting/monthly_report.html", context, status=503)
    return render(request, "reporting/monthly_report.html", context)

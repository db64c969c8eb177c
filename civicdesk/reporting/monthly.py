"""The monthly report: the month's figures beside their targets, cases per day as a chart, and
tables per department and per channel; a page to print (app.css has its print stylesheet) and
the same page as a PDF made by WeasyPrint (docs/decisions/0012-monthly-report-pdf.md)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string

from civicdesk.core.periods import local_days
from civicdesk.org.models import User
from civicdesk.reporting import charts
from civicdesk.reporting.breakdowns import Scope, Table, by_dimension
from civicdesk.reporting.dashboard import Dashboard, month_dashboard

STYLESHEET = "civicdesk/app.css"


@dataclass(frozen=True)
class MonthlyReport:
    board: Dashboard  # by department, per day
    by_channel: Table


def monthly_report(
    actor: User, month: datetime.date, *, language: str, now: datetime.datetime | None = None
) -> MonthlyReport:
    board = month_dashboard(actor, month, language=language, by="department", per="day", now=now)
    start, end = local_days(actor.organisation.timezone, board.first_day, board.last_day)
    scope = Scope(actor.organisation, board.first_day, board.last_day, start, end, language)
    return MonthlyReport(board=board, by_channel=by_dimension(scope, "channel"))


def report_context(report: MonthlyReport) -> dict:
    targets = report.board.targets
    return {
        "board": report.board,
        "per_day": charts.table_context(report.board.per, targets),
        "by_department": charts.table_context(report.board.by, targets),
        "by_channel": charts.table_context(report.by_channel, targets),
    }


class PdfUnavailable(Exception):
    """WeasyPrint cannot load pango: the server lacks the system packages (operations.md)."""


def render_pdf(html: str, base_url: str) -> bytes:
    """The page as a PDF, styled by the same stylesheet's print rules."""
    try:
        from weasyprint import CSS, HTML  # loads pango: only when a PDF is asked for
    except OSError as error:
        raise PdfUnavailable(str(error)) from error

    with open(finders.find(STYLESHEET), encoding="utf-8") as stylesheet:
        css = CSS(string=stylesheet.read())
    return HTML(string=html, base_url=base_url).write_pdf(stylesheets=[css])


def pdf_response(request, context: dict) -> HttpResponse:
    html = render_to_string("reporting/monthly_report_document.html", context, request=request)
    board = context["board"]
    response = HttpResponse(
        render_pdf(html, request.build_absolute_uri("/")), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="monthly-report-{board.first_day:%Y-%m}.pdf"'
    )
    return response

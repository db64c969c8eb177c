"""Billing pages: statements (list, detail, produce, issue, exports) and prices."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from civicdesk.billing import selectors, services
from civicdesk.billing.choices import StatementStatus
from civicdesk.billing.exports import FINANCE_COLUMNS, finance_rows
from civicdesk.billing.forms import PriceForm, ProduceForm, StatementFilterForm
from civicdesk.core import authz
from civicdesk.core.errors import DomainError, NotFound
from civicdesk.core.exports import FORMATS, export_response
from civicdesk.core.views import apply_domain_error
from civicdesk.org.choices import Role

LIST_LIMIT = 500


def _organisation_of(user):
    """Billing is an organisation's; an installation administrator reads it in the admin."""
    if user.organisation is None:
        raise NotFound()
    return user.organisation


def _sees_every_producer(user) -> bool:
    return user.is_superuser or user.has_role(Role.TEAM_LEAD, Role.ADMINISTRATOR)


@require_GET
@login_required
def statements(request):
    """The statements the reader may see, filtered; the finance export of the issued ones."""
    actor = request.user
    found = selectors.statements_for_actor(actor)
    organisation = _organisation_of(actor)
    default_month = services.previous_month(organisation).strftime("%Y-%m")
    form = StatementFilterForm(
        request.GET or {"month": default_month},
        organisation=organisation,
        sees_every_producer=_sees_every_producer(actor),
    )
    listed = found.none()
    if form.is_valid():
        listed = form.filter(found)
        fmt = request.GET.get("format")
        if fmt in FORMATS:
            issued = listed.filter(status=StatementStatus.ISSUED).order_by(
                "month", "producer__code", "service_point__code"
            )
            month = form.cleaned_data.get("month")
            stem = f"statements-{month:%Y-%m}" if month else "statements"
            return export_response(stem, FINANCE_COLUMNS, finance_rows(issued), fmt)
    return render(
        request,
        "billing/statements.html",
        {
            "form": form,
            "statements": listed[:LIST_LIMIT],
            "produce_form": ProduceForm(initial={"month": default_month})
            if authz.can(actor, "billing.produce_statements", organisation)
            else None,
            "query": request.GET.urlencode() or f"month={default_month}",
        },
    )


@require_POST
@login_required
def produce(request):
    actor = request.user
    authz.require(actor, "billing.produce_statements", _organisation_of(actor))
    form = ProduceForm(request.POST)
    if form.is_valid():
        month = form.cleaned_data["month"]
        try:
            result = services.produce_statements(
                actor=actor, organisation=actor.organisation, month=month
            )
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, result.message())
        return redirect(f"{reverse('billing:statements')}?month={month:%Y-%m}")
    messages.error(request, " ".join(form.errors.get("month", [])))
    return redirect("billing:statements")


@require_GET
@login_required
def statement(request, statement_id: int):
    actor = request.user
    found = selectors.get_statement(actor, statement_id)
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        return export_response(found.number, FINANCE_COLUMNS, finance_rows([found]), fmt)
    language = get_language()
    lines = list(found.lines.select_related("event_type").order_by("position"))
    for line in lines:
        line.name = line.event_type.name_in(language) if line.event_type_id else ""
    corrected = found.corrects
    return render(
        request,
        "billing/statement.html",
        {
            "statement": found,
            "lines": lines,
            "events": selectors.statement_events(actor, found),
            "corrections": found.corrections.all().order_by("version")
            if _sees_every_producer(actor)
            else found.corrections.exclude(status=StatementStatus.DRAFT).order_by("version"),
            "difference_cents": found.total_cents - corrected.total_cents if corrected else None,
            "can_issue": found.is_draft and authz.can(actor, "billing.issue_statement", found),
        },
    )


@require_POST
@login_required
def issue(request, statement_id: int):
    actor = request.user
    found = selectors.get_statement(actor, statement_id)
    try:
        services.issue_statement(actor=actor, statement=found)
    except DomainError as error:
        if error.status_code != 400:
            raise
        messages.error(request, str(error.message))
    else:
        messages.success(request, f"{found.number}: {StatementStatus.ISSUED.label}")
    return redirect("billing:statement", statement_id=found.pk)


@require_http_methods(["GET", "POST"])
@login_required
def prices(request):
    actor = request.user
    organisation = _organisation_of(actor)
    found = selectors.prices_for_actor(actor)
    can_manage = authz.can(actor, "billing.manage_prices", organisation)
    form = None
    if can_manage:
        form = PriceForm(request.POST or None, organisation=organisation)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                price = services.set_price(
                    actor=actor,
                    producer=data["producer"],
                    event_type=data["event_type"],
                    amount_cents=services.parse_amount(data["amount"]),
                    valid_from=data["valid_from"],
                    valid_to=data["valid_to"],
                )
            except DomainError as error:
                apply_domain_error(form, error)
            else:
                messages.success(request, str(price))
                return redirect("billing:prices")
    elif request.method == "POST":
        authz.require(actor, "billing.manage_prices", organisation)
    language = get_language()
    event_types = list(selectors.event_types_for_actor(actor))
    for event_type in event_types:
        event_type.display_name = event_type.name_in(language)
        event_type.case_type_names = sorted(
            mapping.case_type.name_in(language) for mapping in event_type.mappings.all()
        )
    price_rows = list(found.order_by("producer__name", "event_type__code", "-valid_from"))
    for price in price_rows:
        price.event_type_name = price.event_type.name_in(language)
    return render(
        request,
        "billing/prices.html",
        {"prices": price_rows, "event_types": event_types, "form": form},
    )

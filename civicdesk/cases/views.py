"""The agent's case pages: the new-contact screen, work lists, search and the case itself."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from civicdesk.cases import alarms as alarm_selectors
from civicdesk.cases import forms, selectors, services
from civicdesk.cases.models import Case, CaseContact
from civicdesk.catalog import selectors as catalog_selectors
from civicdesk.core import authz
from civicdesk.core.errors import DomainError
from civicdesk.core.views import apply_domain_error
from civicdesk.customers import selectors as customer_selectors
from civicdesk.customers.models import AccessPurpose


def _detail_url(case) -> str:
    return reverse("cases:detail", args=[case.pk])


# --- the new-contact screen ---------------------------------------------------------------------


@login_required
def new_contact(request):
    """The screen an agent keeps open all day: who calls, what about, answer or forward."""
    return contact_screen(request)


@login_required
def visit(request):
    """The counter: a walk-in visitor's matter becomes a contact on a case in one step."""
    return contact_screen(request, form_class=forms.VisitForm, template="cases/visit.html")


def contact_screen(
    request,
    *,
    form_class=forms.NewContactForm,
    template: str = "cases/new_contact.html",
    customer_id: int | None = None,
    phone: str = "",
    duration_seconds: int | None = None,
    on_registered: Callable[[Case, CaseContact], None] | None = None,
    context: dict | None = None,
):
    """The new-contact screen. A channel that opens it for a contact in progress (the telephony
    screen pop) names the caller, gives the contact's measured duration once known (it replaces
    the agent's minutes), and hears of the case and contact registered, in the same transaction."""
    actor = request.user
    authz.require(actor, "cases.register_contact", actor.organisation)
    form = form_class(
        request.POST or None,
        actor=actor,
        initial={"customer": customer_id or request.GET.get("customer")},
    )
    if request.method == "POST" and form.is_valid():
        case = _register(
            request, form, duration_seconds=duration_seconds, on_registered=on_registered
        )
        if case is not None:
            return redirect(_detail_url(case))
    callers, chosen, query = _initial_callers(request, form, phone=phone)
    return render(
        request,
        template,
        {
            "form": form,
            "case_types": catalog_selectors.case_types_for_actor(actor).order_by("code"),
            "callers": callers,
            "chosen_customer": chosen,
            "query": query,
            "earlier_cases": (selectors.earlier_cases_of_customer(actor, chosen) if chosen else []),
            **(context or {}),
        },
        status=400 if form.errors else 200,
    )


def _initial_callers(request, form, *, phone: str = ""):
    """Who the screen starts with: the chosen customer, or the callers a phone number matches
    (the telephony screen pop gives the caller's number)."""
    chosen = form["customer"].value()
    chosen = int(chosen) if str(chosen or "").isdigit() else None
    query = phone or request.GET.get("phone", "").strip()
    if chosen:
        try:
            caller = customer_selectors.get_customer(
                actor=request.user, customer_id=chosen, purpose=AccessPurpose.CONTACT, via="ui"
            )
        except DomainError:
            return None, None, query
        return [caller], chosen, query
    if query:
        callers = customer_selectors.find_customers(
            actor=request.user, query=query, purpose=AccessPurpose.CONTACT, via="ui"
        )
        return callers, (callers[0].pk if len(callers) == 1 else None), query
    return None, None, query


def _register(request, form, *, duration_seconds=None, on_registered=None):
    """Registers what the form says; on a refusal marks the form and returns None."""
    data = form.cleaned_data
    seconds = form.duration_seconds() if duration_seconds is None else duration_seconds
    try:
        with transaction.atomic():
            contact = None
            if data["append_to"]:
                case, contact, message = _append(request.user, data, seconds)
            else:
                case, message = _register_new(
                    request.user, data, seconds, request.POST.get("action", "save")
                )
            if on_registered is not None:
                on_registered(case, contact or case.contacts.earliest("pk"))
    except DomainError as error:
        if error.field == "description":
            error.field = "notes"
        apply_domain_error(form, error)
        return None
    messages.success(request, message)
    return case


def _register_new(actor, data, seconds: int, action: str):
    customer = None
    if data["customer"]:
        customer = customer_selectors.get_customer_reference(
            actor=actor, customer_id=data["customer"]
        )
    contact = {
        "organisation": actor.organisation,
        "channel": data["channel"],
        "case_type": data["case_type"],
        "subject": data.get("subject", ""),
        "description": data["notes"],
        "summary": data["notes"],
        "customer": customer,
        "duration_seconds": seconds,
        "service_point": data.get("service_point"),
    }
    if action == "resolve":
        if not data["notes"].strip():
            raise DomainError(_("Write what you answered."), field="notes")
        case = services.register_and_resolve(actor=actor, resolution=data["notes"], **contact)
        message = _("%(reference)s registered and resolved.") % {"reference": case.reference}
    elif action == "forward":
        group = data.get("group") or data["case_type"].default_group
        if group is None:
            raise DomainError(_("Choose the answer group to forward to."), field="group")
        case = services.register_and_forward(
            actor=actor, group=group, reason=data.get("reason", ""), **contact
        )
        message = _("%(reference)s registered and forwarded to %(group)s.") % {
            "reference": case.reference,
            "group": group.name,
        }
    else:
        case = services.register_contact(actor=actor, **contact)
        message = _("%(reference)s registered.") % {"reference": case.reference}
    return case, message


def _append(actor, data, seconds: int):
    """The caller rings again about an open case: the contact joins it, no new case."""
    case = selectors.get_case(actor, data["append_to"])
    contact = services.append_contact(
        actor=actor,
        case=case,
        channel=data["channel"],
        duration_seconds=seconds,
        summary=data["notes"],
    )
    message = _("The contact was added to %(reference)s.") % {"reference": case.reference}
    return case, contact, message


@login_required
def caller_lookup(request):
    """htmx: the callers matching what the agent typed, as choices inside the form."""
    query = request.GET.get("caller", "").strip()
    callers = (
        customer_selectors.find_customers(
            actor=request.user, query=query, purpose=AccessPurpose.CONTACT, via="ui"
        )
        if query
        else None
    )
    # One match is the caller: choose them and show their earlier cases at once.
    chosen = callers[0].pk if callers and len(callers) == 1 else None
    return render(
        request,
        "cases/_callers_response.html",
        {
            "callers": callers,
            "query": query,
            "chosen": chosen,
            "earlier_cases": (
                selectors.earlier_cases_of_customer(request.user, chosen) if chosen else []
            ),
        },
    )


@login_required
def caller_history(request):
    """htmx: the chosen caller's earlier cases, beside the form."""
    customer_id = request.GET.get("customer", "")
    cases = (
        selectors.earlier_cases_of_customer(request.user, int(customer_id))
        if customer_id.isdigit()
        else []
    )
    return render(
        request,
        "cases/_earlier_cases.html",
        {"earlier_cases": cases, "chosen": customer_id.isdigit()},
    )


# --- lists and search ---------------------------------------------------------------------------


@login_required
def work_lists(request):
    actor = request.user
    counts = selectors.work_list_counts(actor)
    default = "groups" if actor.group_ids else "mine"
    name = request.GET.get("list", default)
    if name not in selectors.WORK_LISTS:
        raise Http404
    cases = selectors.work_list(actor, name)[:200]
    labels = {
        "mine": _("My cases"),
        "groups": _("My groups' cases"),
        "unassigned": _("Not yet taken"),
        "incoming": _("Incoming, not yet taken"),
        "department": _("Forwarded to my department"),
        "overdue": _("Overdue"),
    }
    tabs = [(key, labels[key], counts[key]) for key in labels]
    return render(request, "cases/work_lists.html", {"tabs": tabs, "current": name, "cases": cases})


@login_required
def alarms(request):
    """The alarms about the actor's cases or their group's: what is late or soon due."""
    actor = request.user
    items = list(alarm_selectors.alarms_for(actor)[:200])
    visible = set(
        selectors.cases_for_actor(actor)
        .filter(pk__in={alarm.case_id for alarm in items})
        .values_list("pk", flat=True)
    )
    return render(request, "cases/alarms.html", {"alarms": items, "visible": visible})


@login_required
def search(request):
    form = forms.SearchForm(request.GET or None, actor=request.user)
    page = None
    if form.is_bound and form.is_valid() and not form.is_empty():
        data = form.cleaned_data
        page = selectors.search_cases(
            request.user,
            selectors.CaseQuery(
                text=data["q"],
                reference=data["reference"],
                status=data["status"],
                channel=data["channel"],
                case_type_id=data["case_type"].pk if data["case_type"] else None,
                answer_group_id=data["group"].pk if data["group"] else None,
                registered_from=data["registered_from"],
                registered_to=data["registered_to"],
                department_id=data["department"].pk if data["department"] else None,
                service_point_id=data["service_point"].pk if data["service_point"] else None,
                registered_by_id=data["registered_by"].pk if data["registered_by"] else None,
                registered_hour=data["registered_hour"],
                limit=50,
            ),
        )
        for case in page.cases:
            case.snippet = page.snippets.get(case.pk)
    context = {"form": form, "page": page}
    if request.htmx:
        return render(request, "cases/search.html#results", context)
    return render(request, "cases/search.html", context)


# --- one case -----------------------------------------------------------------------------------


def _action_form(action: str, case, actor, data=None):
    """The form of one action, prefixed so that several on one page keep their ids apart."""
    form_class = ACTIONS[action][0]
    extra = _FORM_ARGUMENTS.get(action, lambda case, actor: {})(case, actor)
    initial = {"confidential": case.is_confidential} if action == "confidentiality" else None
    return form_class(data, prefix=action, initial=initial, **extra)


def _action_forms(case, actor, bound: dict | None = None) -> dict:
    built = {
        action: _action_form(action, case, actor)
        for action, (form_class, _perform) in ACTIONS.items()
        if form_class is not None
    }
    built.update(bound or {})
    return built


def _render_case(request, case, *, bound=None, status=200):
    actor = request.user
    return render(
        request,
        "cases/detail.html",
        {
            "case": case,
            "events": selectors.timeline(case),
            "forms": _action_forms(case, actor, bound),
            "case_types": catalog_selectors.case_types_for_actor(actor).order_by("code"),
            "can": {
                permission: authz.can(actor, f"cases.{permission}", case)
                for permission in (
                    "work_on_case",
                    "forward_case",
                    "take_case",
                    "assign_case",
                    "resolve_case",
                    "set_confidentiality",
                )
            },
        },
        status=status,
    )


@login_required
def detail(request, case_id: int):
    return _render_case(request, selectors.get_case(request.user, case_id))


@login_required
def attachment(request, case_id: int, attachment_id: int):
    """A file of a case, always downloaded (never shown inline: a mail's HTML or SVG must not
    run in the application's origin)."""
    case = selectors.get_case(request.user, case_id)
    item = get_object_or_404(case.attachments.all(), pk=attachment_id)
    response = HttpResponse(bytes(item.content), content_type="application/octet-stream")
    response["Content-Disposition"] = content_disposition_header(True, item.filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _minutes(data) -> int:
    return int(data["minutes"] * 60) if data.get("minutes") else 0


# Each action: the form that parses it and the service call it makes.
ACTIONS = {
    "note": (
        forms.NoteForm,
        lambda actor, case, data: services.add_note(actor=actor, case=case, text=data["text"]),
    ),
    "contact": (
        forms.ContactForm,
        lambda actor, case, data: services.append_contact(
            actor=actor,
            case=case,
            channel=data["channel"],
            direction=data["direction"],
            duration_seconds=_minutes(data),
            summary=data["summary"],
        ),
    ),
    "forward": (
        forms.ForwardForm,
        lambda actor, case, data: services.forward_case_to_group(
            actor=actor, case=case, group=data["group"], reason=data["reason"]
        ),
    ),
    "take": (None, lambda actor, case, data: services.take_case(actor=actor, case=case)),
    "assign": (
        forms.AssignForm,
        lambda actor, case, data: services.assign_case(
            actor=actor, case=case, handler=data["handler"]
        ),
    ),
    "wait": (
        forms.ReasonForm,
        lambda actor, case, data: services.wait_for_customer(
            actor=actor, case=case, reason=data["reason"]
        ),
    ),
    "resolve": (
        forms.ResolveForm,
        lambda actor, case, data: services.resolve_case(
            actor=actor, case=case, resolution=data["resolution"], withdrawn=data["withdrawn"]
        ),
    ),
    "close": (None, lambda actor, case, data: services.close_case(actor=actor, case=case)),
    "reopen": (
        forms.ReasonForm,
        lambda actor, case, data: services.reopen_case(
            actor=actor, case=case, reason=data["reason"]
        ),
    ),
    "case_type": (
        forms.CaseTypeChangeForm,
        lambda actor, case, data: services.change_case_type(
            actor=actor, case=case, case_type=data["case_type"]
        ),
    ),
    "confidentiality": (
        forms.ConfidentialityForm,
        lambda actor, case, data: services.set_confidentiality(
            actor=actor, case=case, confidential=data["confidential"], reason=data["reason"]
        ),
    ),
}
_FORM_ARGUMENTS = {
    "forward": lambda case, actor: {"actor": actor},
    "assign": lambda case, actor: {"case": case, "actor": actor},
    "case_type": lambda case, actor: {"actor": actor},
}


@login_required
@require_POST
def act(request, case_id: int, action: str):
    if action not in ACTIONS:
        raise Http404
    actor = request.user
    case = selectors.get_case(actor, case_id)
    form_class, perform = ACTIONS[action]
    form = None
    data: dict = {}
    if form_class is not None:
        form = _action_form(action, case, actor, request.POST)
        if not form.is_valid():
            return _render_case(request, case, bound={action: form}, status=400)
        data = form.cleaned_data
    try:
        perform(actor, case, data)
    except DomainError as error:
        if form is None:
            raise
        apply_domain_error(form, error)
        case = selectors.get_case(actor, case_id)
        return _render_case(request, case, bound={action: form}, status=400)
    if not selectors.cases_for_actor(actor).filter(pk=case_id).exists():
        # Forwarding a confidential case takes it out of the front line's sight.
        messages.success(
            request,
            _("%(reference)s has been forwarded and is no longer visible to you.")
            % {"reference": case.reference},
        )
        return redirect("cases:work_lists")
    messages.success(request, _("Saved."))
    return redirect(_detail_url(case) + "#timeline")

"""The SMS channel's entry points: the gateway's two webhooks and the agents' send form."""

from __future__ import annotations

import json
import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from civicdesk.cases import selectors as case_selectors
from civicdesk.core import authz
from civicdesk.core.errors import DomainError
from civicdesk.core.views import apply_domain_error
from civicdesk.sms import gateway, selectors, services
from civicdesk.sms.forms import SendSmsForm
from civicdesk.sms.segments import count_segments

log = logging.getLogger(__name__)

MAX_WEBHOOK_BYTES = 64 * 1024


# --- the gateway's webhooks ----------------------------------------------------------------------


def _detail(message: str, status: int, field: str | None = None) -> JsonResponse:
    body = {"detail": message} | ({"field": field} if field else {})
    return JsonResponse(body, status=status)


def _signed_payload(request, endpoint: str) -> tuple[dict | None, JsonResponse | None]:
    """The JSON object of a call whose signature holds, or the answer that refuses it."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_WEBHOOK_BYTES:
        return None, _detail(_("The request is too large."), 413)
    body = request.body
    try:
        gateway.verify(request.headers.get(gateway.SIGNATURE_HEADER), body)
    except gateway.SignatureRefused as refused:
        address = request.META.get("REMOTE_ADDR", "")
        log.warning("Refused an SMS %s webhook call from %s: %s", endpoint, address, refused.reason)
        services.record_webhook_refusal(endpoint=endpoint, reason=refused.reason, address=address)
        return None, _detail(_("The signature is missing, wrong or too old."), 403)
    try:
        payload = json.loads(body)
    except ValueError:
        payload = None
    if not isinstance(payload, dict):
        return None, _detail(_("The body must be a JSON object."), 400)
    return payload, None


def _string(payload: dict, name: str) -> str:
    value = payload.get(name)
    return str(value) if isinstance(value, str | int) and not isinstance(value, bool) else ""


def _moment(payload: dict, name: str):
    value = parse_datetime(_string(payload, name))
    return value if value is not None and value.tzinfo is not None else None


@csrf_exempt
@require_POST
def inbound_webhook(request):
    """A citizen's SMS, as the gateway received it: {"id", "from", "to", "text"}."""
    payload, refusal = _signed_payload(request, "inbound")
    if refusal is not None:
        return refusal
    try:
        _inbound, created = services.receive_inbound_sms(
            gateway_id=_string(payload, "id"),
            from_number=_string(payload, "from"),
            to_number=_string(payload, "to"),
            text=_string(payload, "text"),
            received_at=_moment(payload, "received_at"),
        )
    except IntegrityError:
        # The same message delivered twice at once: the other request recorded it. Anything
        # else is an error (500), so the gateway tries again instead of dropping the message.
        if not selectors.inbound_received(_string(payload, "id")):
            raise
        return JsonResponse({"status": "duplicate"})
    except DomainError as error:
        log.warning("SMS %s not received: %s", _string(payload, "id"), error.message)
        return _detail(str(error.message), 422, error.field)
    return JsonResponse({"status": "received" if created else "duplicate"})


@csrf_exempt
@require_POST
def status_webhook(request):
    """A delivery report: {"id", "reference", "status", "error"}."""
    payload, refusal = _signed_payload(request, "status")
    if refusal is not None:
        return refusal
    sms = services.record_delivery_report(
        gateway_id=_string(payload, "id"),
        reference=_string(payload, "reference"),
        status=_string(payload, "status"),
        error=_string(payload, "error"),
        at=_moment(payload, "at"),
    )
    if sms is None:
        # Answered 200 all the same: the gateway could not do better by sending it again.
        log.info("Delivery report for an unknown SMS: %s", payload.get("id"))
        return JsonResponse({"status": "unknown"})
    return JsonResponse({"status": sms.status})


# --- agents ---------------------------------------------------------------------------------------


@login_required
def send_from_case(request, case_id: int):
    """Text the customer from their case; the page lists the case's SMS with their status."""
    actor = request.user
    case = case_selectors.get_case(actor, case_id)
    authz.require(actor, "cases.work_on_case", case)
    recipients = selectors.recipients_for_case(actor, case)
    form = SendSmsForm(request.POST or None, recipients=recipients)
    if request.method == "POST" and form.is_valid():
        try:
            services.send_sms_from_case(
                actor=actor,
                case=case,
                to=form.cleaned_data["to"],
                text=form.cleaned_data["text"],
                submission_id=form.cleaned_data["token"],
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("The SMS is on its way."))
            return redirect(reverse("sms:send", args=[case.pk]))
    text = form["text"].value() or ""
    return render(
        request,
        "sms/send.html",
        {
            "case": case,
            "form": form,
            "recipients": recipients,
            "segments": count_segments(text),
            "max_parts": services.MAX_PARTS,
            "sms_messages": selectors.messages_of_case(case),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def segments(request):
    """How many parts the text being typed takes (htmx, from the send form)."""
    return render(
        request,
        "sms/_segments.html",
        {
            "segments": count_segments(request.POST.get("text", "")),
            "max_parts": services.MAX_PARTS,
        },
    )

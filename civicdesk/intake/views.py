"""Pages of received mail: an agent reads a message of a case they may see; administrators
go through the quarantine."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from civicdesk.core.errors import DomainError
from civicdesk.customers.access_log import record_access
from civicdesk.customers.models import AccessAction, AccessPurpose
from civicdesk.intake import htmlview, selectors, services
from civicdesk.intake.mailparse import header_block

# Remote images load only on the response where the agent asked for them.
REMOTE_IMAGES_CSP = {"img-src": ["https:", "http:"]}
HEADER_TEXT_LIMIT = 64 * 1024


def _eml(raw: bytes, name: str) -> HttpResponse:
    response = HttpResponse(raw, content_type="application/octet-stream")
    response["Content-Disposition"] = content_disposition_header(True, name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _headers_text(raw: bytes) -> str:
    head = header_block(raw)
    text = head[:HEADER_TEXT_LIMIT].decode("utf-8", errors="replace")
    if len(head) > HEADER_TEXT_LIMIT:
        text += "\n…"
    return text


@login_required
@require_GET
def message(request, mail_message_id: int):
    item = selectors.get_message(request.user, mail_message_id)
    remote_images = request.GET.get("images") == "remote" and item.has_remote_images
    if item.case.customer_id is not None:
        # A mail body is the customer's personal data: opening it is logged like their record.
        record_access(
            actor=request.user,
            customers=[item.case.customer],
            purpose=AccessPurpose.CASE,
            reason=_("E-mail message %(id)s on %(reference)s")
            % {"id": item.pk, "reference": item.case.reference},
            action=AccessAction.RECORD,
            via="ui",
        )
    html = ""
    if item.body_html:
        html = htmlview.html_for_agent(
            item.body_html, remote_images=remote_images, inline=htmlview.inline_images(item)
        )
    response = render(
        request,
        "intake/message.html",
        {
            "item": item,
            "case": item.case,
            "html": html,
            "remote_images": remote_images,
            "headers_text": _headers_text(bytes(item.raw)),
            "attachments": selectors.message_attachments(item),
        },
    )
    if remote_images:
        response._csp_update = REMOTE_IMAGES_CSP
    return response


@login_required
@require_GET
def message_original(request, mail_message_id: int):
    item = selectors.get_message(request.user, mail_message_id)
    return _eml(bytes(item.raw), f"message-{item.pk}.eml")


@login_required
@require_GET
def quarantine(request):
    resolved = request.GET.get("handled") == "1"
    items = selectors.quarantine(request.user, resolved=resolved)[:200]
    return render(request, "intake/quarantine.html", {"items": items, "resolved": resolved})


@login_required
@require_GET
def quarantined(request, quarantined_mail_id: int):
    item = selectors.get_quarantined(request.user, quarantined_mail_id)
    return render(
        request,
        "intake/quarantined.html",
        {"item": item, "headers_text": _headers_text(bytes(item.raw))},
    )


@login_required
@require_GET
def quarantined_original(request, quarantined_mail_id: int):
    item = selectors.get_quarantined(request.user, quarantined_mail_id)
    return _eml(bytes(item.raw), f"quarantined-{item.pk}.eml")


@login_required
@require_POST
def release(request, quarantined_mail_id: int):
    item = selectors.get_quarantined(request.user, quarantined_mail_id)
    try:
        received = services.release_quarantined(actor=request.user, item=item)
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect("intake:quarantined", item.pk)
    messages.success(
        request,
        _("The message is on case %(reference)s.") % {"reference": received.case.reference},
    )
    return redirect(reverse("cases:detail", args=[received.case_id]))


@login_required
@require_POST
def discard(request, quarantined_mail_id: int):
    item = selectors.get_quarantined(request.user, quarantined_mail_id)
    try:
        services.discard_quarantined(actor=request.user, item=item)
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect("intake:quarantined", item.pk)
    messages.success(request, _("The message is marked as handled; it is kept."))
    return redirect("intake:quarantine")

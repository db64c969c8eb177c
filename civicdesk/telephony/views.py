"""The screen pop: the new-contact screen opened for an answered call."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required

from civicdesk.cases.views import contact_screen
from civicdesk.telephony import selectors, services


@login_required
def call_screen(request, call_id: int):
    """The caller looked up (by the customer the number matched, else the number), their earlier
    cases beside; the contact registered here is the call's, with its talk time."""
    call = selectors.get_call(request.user, call_id)
    return contact_screen(
        request,
        template="telephony/call_screen.html",
        customer_id=call.customer_id,
        phone="" if call.customer_id else call.caller_number,
        duration_seconds=call.talk_seconds,
        on_registered=lambda case, contact: services.link_call(
            actor=request.user, call=call, case=case, contact=contact
        ),
        context={"call": call},
    )

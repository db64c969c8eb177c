"""The CTI event API: the phone system reports calls; integrations read them."""

from __future__ import annotations

from django.utils.translation import gettext_lazy
from ninja import Router

from civicdesk.core.api import actor_of, error_responses
from civicdesk.core.errors import DomainError
from civicdesk.telephony import selectors, services
from civicdesk.telephony.schemas import CallEventIn, CallEventOut, CallOut

router = Router(tags=["Telephony"])


@router.post(
    "/events",
    response={200: CallEventOut, **error_responses(400, 403, 422)},
    summary="Report a call event: offered, answered, transferred, ended or abandoned",
    description=(
        "Repeats are recognised (the same kind at the same moment) and events may arrive in "
        "any order: the call is summed up again from all its events. An `answered` event opens "
        "the call on the agent's screen."
    ),
)
def report_call_event(request, payload: CallEventIn):
    actor = actor_of(request)
    if actor.organisation is None:
        raise DomainError(gettext_lazy("Only users of an organisation can report calls."))
    call, recorded = services.report_call_event(
        actor=actor,
        organisation=actor.organisation,
        report=services.CallReport(**payload.dict()),
    )
    return {"recorded": recorded, "call": call}


@router.get("/calls/{call_id}", response={200: CallOut, **error_responses(403, 404)})
def get_call(request, call_id: int):
    return selectors.get_call(actor_of(request), call_id)

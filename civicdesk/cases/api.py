"""Cases through the REST API: the same actions and reads as the agent interface."""

from __future__ import annotations

from django.utils.translation import gettext_lazy
from ninja import Query, Router, Status

from civicdesk.cases import checklists, selectors, services
from civicdesk.cases.schemas import (
    AssignIn,
    CaseFilter,
    CaseOut,
    CasePageOut,
    CaseTypeIn,
    ConfidentialityIn,
    ContactIn,
    CorrectionIn,
    EventOut,
    ForwardIn,
    NoteIn,
    ReasonIn,
    RegisterContactIn,
    ResolveIn,
)
from civicdesk.catalog import selectors as catalog_selectors
from civicdesk.core import authz
from civicdesk.core.api import actor_of, error_responses
from civicdesk.core.errors import DomainError, NotFound
from civicdesk.core.selectors import get_for_actor
from civicdesk.customers.selectors import get_customer_reference
from civicdesk.knowledge.schemas import ChecklistOnCaseOut, ChecklistTickIn
from civicdesk.knowledge.selectors import get_checklist_step
from civicdesk.org import selectors as org_selectors

router = Router(tags=["cases"])

WRITE_ERRORS = error_responses(400, 403, 404)


def referenced(getter, actor, pk, *, field: str, message):
    """A row named in a request body, fetched through the actor; a miss is a 400 on the field."""
    if pk is None:
        return None
    try:
        return getter(actor, pk)
    except DomainError:
        raise DomainError(message, field=field) from None


def _case_type(actor, pk):
    return referenced(
        catalog_selectors.get_case_type_reference,
        actor,
        pk,
        field="case_type_id",
        message=gettext_lazy("There is no such case type."),
    )


def _group(actor, pk):
    return referenced(
        org_selectors.get_answer_group,
        actor,
        pk,
        field="group_id",
        message=gettext_lazy("There is no such answer group."),
    )


@router.post(
    "",
    response={201: CaseOut, **WRITE_ERRORS},
    summary="Register a contact: a new case, or a contact on an open case",
)
def register_contact(request, payload: RegisterContactIn):
    actor = actor_of(request)
    if payload.append_to_case_id is not None:
        case = selectors.get_case(actor, payload.append_to_case_id)
        services.append_contact(
            actor=actor,
            case=case,
            channel=payload.channel,
            direction=payload.direction,
            duration_seconds=payload.duration_seconds,
            summary=payload.summary,
        )
        return Status(201, selectors.get_case(actor, case.pk))
    if actor.organisation is None:
        raise DomainError(gettext_lazy("Only users of an organisation can register contacts."))
    customer = referenced(
        lambda a, pk: get_customer_reference(actor=a, customer_id=pk),
        actor,
        payload.customer_id,
        field="customer_id",
        message=gettext_lazy("There is no such customer."),
    )
    service_point = referenced(
        org_selectors.get_service_point,
        actor,
        payload.service_point_id,
        field="service_point_id",
        message=gettext_lazy("There is no such service point."),
    )
    case = services.register_contact(
        actor=actor,
        organisation=actor.organisation,
        channel=payload.channel,
        case_type=_case_type(actor, payload.case_type_id),
        subject=payload.subject,
        description=payload.description,
        customer=customer,
        direction=payload.direction,
        duration_seconds=payload.duration_seconds,
        summary=payload.summary,
        priority=payload.priority,
        service_point=service_point,
    )
    # Answered as the service wrote it, not read back: the same visibility rule, for one case.
    if not authz.can(actor, "cases.view_case", case):
        raise NotFound()
    return Status(201, case)


@router.get(
    "",
    response=CasePageOut,
    summary="Search old cases, or read a work list (list=mine|groups|department|...)",
)
def search_cases(request, filters: Query[CaseFilter]):
    actor = actor_of(request)
    if filters.list:
        if filters.list not in selectors.WORK_LISTS:
            raise DomainError(gettext_lazy("Unknown work list."), field="list")
        window = list(
            selectors.work_list(actor, filters.list)[
                filters.offset : filters.offset + filters.limit + 1
            ]
        )
        return {"items": window[: filters.limit], "has_more": len(window) > filters.limit}
    page = selectors.search_cases(
        actor,
        selectors.CaseQuery(
            text=filters.q,
            reference=filters.reference,
            customer_id=filters.customer_id,
            case_type_id=filters.case_type_id,
            status=filters.status,
            answer_group_id=filters.group_id,
            channel=filters.channel,
            registered_from=filters.registered_from,
            registered_to=filters.registered_to,
            limit=filters.limit,
            offset=filters.offset,
        ),
    )
    for case in page.cases:
        case.snippet = page.snippets.get(case.pk)
    return {"items": page.cases, "has_more": page.has_more}


@router.get("/by-reference/{reference}", response={200: CaseOut, **error_responses(404)})
def get_case_by_reference(request, reference: str):
    return selectors.get_case_by_reference(actor_of(request), reference)


@router.get("/{case_id}", response={200: CaseOut, **error_responses(404)})
def get_case(request, case_id: int):
    return selectors.get_case(actor_of(request), case_id)


@router.get(
    "/{case_id}/events",
    response={200: list[EventOut], **error_responses(404)},
    summary="The case's timeline, oldest first",
)
def case_events(request, case_id: int):
    return list(selectors.timeline(selectors.get_case(actor_of(request), case_id)))


def _act(request, case_id: int, action, **arguments):
    actor = actor_of(request)
    case = selectors.get_case(actor, case_id)
    action(actor=actor, case=case, **arguments)
    return selectors.get_case(actor, case_id)


@router.post(
    "/{case_id}/contacts",
    response={200: CaseOut, **WRITE_ERRORS},
    summary="Log a contact with the customer (a call back, a reply)",
)
def log_contact(request, case_id: int, payload: ContactIn):
    return _act(request, case_id, services.append_contact, **payload.dict())


@router.post("/{case_id}/notes", response={200: CaseOut, **WRITE_ERRORS})
def add_note(request, case_id: int, payload: NoteIn):
    return _act(request, case_id, services.add_note, text=payload.text)


@router.post(
    "/{case_id}/forward",
    response={200: CaseOut, **WRITE_ERRORS},
    summary="Forward to an answer group, whose members are notified by e-mail",
)
def forward(request, case_id: int, payload: ForwardIn):
    group = _group(actor_of(request), payload.group_id)
    return _act(
        request, case_id, services.forward_case_to_group, group=group, reason=payload.reason
    )


@router.post(
    "/{case_id}/return-to-department",
    response={200: CaseOut, **WRITE_ERRORS},
    summary="Outside the centre's contract: forward to the case type's default group",
)
def return_to_department(request, case_id: int, payload: ReasonIn):
    return _act(request, case_id, services.return_case_to_department, reason=payload.reason)


@router.post("/{case_id}/take", response={200: CaseOut, **WRITE_ERRORS})
def take(request, case_id: int):
    return _act(request, case_id, services.take_case)


@router.post("/{case_id}/assign", response={200: CaseOut, **WRITE_ERRORS})
def assign(request, case_id: int, payload: AssignIn):
    handler = referenced(
        org_selectors.get_user,
        actor_of(request),
        payload.handler_id,
        field="handler_id",
        message=gettext_lazy("There is no such user."),
    )
    return _act(request, case_id, services.assign_case, handler=handler)


@router.post(
    "/{case_id}/wait", response={200: CaseOut, **WRITE_ERRORS}, summary="Wait for the customer"
)
def wait(request, case_id: int, payload: ReasonIn):
    return _act(request, case_id, services.wait_for_customer, reason=payload.reason)


@router.post("/{case_id}/resolve", response={200: CaseOut, **WRITE_ERRORS})
def resolve(request, case_id: int, payload: ResolveIn):
    return _act(
        request,
        case_id,
        services.resolve_case,
        resolution=payload.resolution,
        withdrawn=payload.withdrawn,
    )


@router.post("/{case_id}/close", response={200: CaseOut, **WRITE_ERRORS})
def close(request, case_id: int):
    return _act(request, case_id, services.close_case)


@router.post("/{case_id}/reopen", response={200: CaseOut, **WRITE_ERRORS})
def reopen(request, case_id: int, payload: ReasonIn):
    return _act(request, case_id, services.reopen_case, reason=payload.reason)


@router.post("/{case_id}/case-type", response={200: CaseOut, **WRITE_ERRORS})
def change_case_type(request, case_id: int, payload: CaseTypeIn):
    case_type = _case_type(actor_of(request), payload.case_type_id)
    return _act(request, case_id, services.change_case_type, case_type=case_type)


@router.post("/{case_id}/confidentiality", response={200: CaseOut, **WRITE_ERRORS})
def set_confidentiality(request, case_id: int, payload: ConfidentialityIn):
    return _act(
        request,
        case_id,
        services.set_confidentiality,
        confidential=payload.confidential,
        reason=payload.reason,
    )


@router.post(
    "/{case_id}/corrections",
    response={200: CaseOut, **WRITE_ERRORS},
    summary="Correct an earlier timeline entry (a new entry; nothing is overwritten)",
)
def correct(request, case_id: int, payload: CorrectionIn):
    actor = actor_of(request)
    case = selectors.get_case(actor, case_id)
    event = referenced(
        lambda a, pk: get_for_actor(case.events.all(), pk),
        actor,
        payload.event_id,
        field="event_id",
        message=gettext_lazy("There is no such entry in this case."),
    )
    services.correct_event(actor=actor, event=event, text=payload.text)
    return selectors.get_case(actor, case_id)


@router.post(
    "/{case_id}/checklist",
    response={200: list[ChecklistOnCaseOut], **WRITE_ERRORS},
    summary="Tick (done=true) or untick a step of the case type's checklist; answers the "
    "checklists with each step's state",
)
def tick_checklist(request, case_id: int, payload: ChecklistTickIn):
    actor = actor_of(request)
    case = selectors.get_case(actor, case_id)
    step = referenced(
        get_checklist_step,
        actor,
        payload.step_id,
        field="step_id",
        message=gettext_lazy("There is no such checklist step."),
    )
    checklists.tick_checklist_step(actor=actor, case=case, step=step, done=payload.done)
    return [
        {
            "id": item.checklist.pk,
            "name": item.checklist.name,
            "steps": [
                {
                    "id": state.step.pk,
                    "text": state.step.text,
                    "done": state.done,
                    "by": state.by.username if state.by else None,
                    "at": state.at,
                }
                for state in item.steps
            ],
        }
        for item in checklists.checklists_on_case(actor, case)
    ]

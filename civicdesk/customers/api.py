"""The customer register. Every read of personal data states a purpose and is logged."""

from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.pagination import paginate

from civicdesk.core.api import actor_of, error_responses
from civicdesk.core.errors import DomainError
from civicdesk.core.pagination import Pagination
from civicdesk.core.selectors import get_for_actor
from civicdesk.customers import selectors, services
from civicdesk.customers.models import CustomerContact
from civicdesk.customers.schemas import (
    AccessOut,
    ContactIn,
    ContactOut,
    CustomerIn,
    CustomerOut,
    CustomerPatch,
    LookupQuery,
    NationalIdOut,
    PurposeQuery,
)

router = Router(tags=["customers"])


def _open(request, customer_id: int, purpose: PurposeQuery):
    return selectors.get_customer(
        actor=actor_of(request),
        customer_id=customer_id,
        purpose=purpose.purpose,
        reason=purpose.reason,
        via="api",
    )


@router.get(
    "",
    response={200: list[CustomerOut], **error_responses(400, 403)},
    summary="Look a customer up by national ID, phone, e-mail or name",
)
def lookup_customers(request, query: Query[LookupQuery]):
    return selectors.find_customers(
        actor=actor_of(request),
        query=query.q,
        purpose=query.purpose,
        reason=query.reason,
        via="api",
    )


@router.post("", response={201: CustomerOut, **error_responses(400, 403)})
def register_customer(request, payload: CustomerIn):
    actor = actor_of(request)
    if actor.organisation is None:
        raise DomainError(_("Only users of an organisation can register customers."))
    customer = services.register_customer(
        actor=actor, organisation=actor.organisation, **payload.dict()
    )
    return Status(
        201,
        selectors.get_customer(actor=actor, customer_id=customer.pk, purpose="contact", via="api"),
    )


@router.get("/{customer_id}", response={200: CustomerOut, **error_responses(400, 403, 404)})
def get_customer(request, customer_id: int, purpose: Query[PurposeQuery]):
    return _open(request, customer_id, purpose)


@router.patch("/{customer_id}", response={200: CustomerOut, **error_responses(400, 403, 404)})
def update_customer(
    request, customer_id: int, payload: CustomerPatch, purpose: Query[PurposeQuery]
):
    customer = _open(request, customer_id, purpose)
    services.update_customer(
        actor=actor_of(request), customer=customer, **payload.dict(exclude_unset=True)
    )
    return _open(request, customer_id, purpose)


@router.post(
    "/{customer_id}/contacts", response={201: ContactOut, **error_responses(400, 403, 404)}
)
def add_contact(request, customer_id: int, payload: ContactIn, purpose: Query[PurposeQuery]):
    customer = _open(request, customer_id, purpose)
    return Status(
        201,
        services.add_customer_contact(actor=actor_of(request), customer=customer, **payload.dict()),
    )


@router.delete(
    "/{customer_id}/contacts/{contact_id}", response={204: None, **error_responses(403, 404)}
)
def remove_contact(request, customer_id: int, contact_id: int, purpose: Query[PurposeQuery]):
    customer = _open(request, customer_id, purpose)
    contact = get_for_actor(CustomerContact.objects.filter(customer=customer), contact_id)
    services.remove_customer_contact(actor=actor_of(request), contact=contact)
    return Status(204, None)


@router.get(
    "/{customer_id}/national-id",
    response={200: NationalIdOut, **error_responses(400, 403, 404)},
    summary="Show the full national identity number (logged)",
)
def reveal_national_id(request, customer_id: int, purpose: Query[PurposeQuery]):
    country, value = selectors.reveal_national_id(
        actor=actor_of(request),
        customer_id=customer_id,
        purpose=purpose.purpose,
        reason=purpose.reason,
        via="api",
    )
    return {"country": country, "national_id": value}


@router.get(
    "/{customer_id}/access-log",
    response={200: list[AccessOut], **error_responses(403, 404)},
    summary="Who opened this customer's personal data, when and why",
)
@paginate(Pagination)
def access_log(request, customer_id: int):
    actor = actor_of(request)
    customer = selectors.get_customer_reference(actor=actor, customer_id=customer_id)
    return selectors.access_log_for_customer(actor=actor, customer=customer)

"""Reads of the customer register.

Every function here that returns personal data writes the access log in the same call, so no
entry point can show a customer without leaving a trace of who, when and why.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable

from django.db.models import Prefetch, Q, QuerySet

from civicdesk.core import authz, crypto
from civicdesk.core.errors import DomainError
from civicdesk.core.selectors import get_for_actor
from civicdesk.customers.access_log import record_access, validated_purpose
from civicdesk.customers.contacts import normalise_email, normalise_phone
from civicdesk.customers.models import (
    ContactKind,
    Customer,
    CustomerContact,
    PersonalDataAccess,
)
from civicdesk.customers.national_ids import mask, normalise_national_id
from civicdesk.customers.services import national_id_lookup_hash
from civicdesk.org.choices import Country
from civicdesk.org.models import User

SEARCH_LIMIT = 20


def _customers(actor: User) -> QuerySet[Customer]:
    return Customer.objects.for_actor(actor).prefetch_related(
        Prefetch("contacts", queryset=CustomerContact.objects.order_by("-is_primary", "pk"))
    )


def _countries_of(actor: User) -> list[str]:
    if actor.organisation is not None:
        return [actor.organisation.country]
    return list(Country.values)


def _matching_ids(actor: User, query: str) -> list[int] | None:
    """Ids of customers whose identity number, phone or e-mail is exactly the query.

    A query can be two things at once (a Swedish mobile number can pass as a coordination
    number), so every reading is tried. None means the query is none of them: search by name.
    """
    scoped = Customer.objects.for_actor(actor)
    contacts = CustomerContact.objects.for_actor(actor)
    if "@" in query:
        try:
            email = normalise_email(query)
        except DomainError:
            return []
        return list(
            contacts.filter(kind=ContactKind.EMAIL, value=email).values_list(
                "customer_id", flat=True
            )
        )
    countries = _countries_of(actor)
    digests, phones = [], []
    for country in countries:
        with contextlib.suppress(DomainError):
            digests.append(national_id_lookup_hash(country, normalise_national_id(country, query)))
        if sum(ch.isdigit() for ch in query) >= 6:
            with contextlib.suppress(DomainError):
                phones.append(normalise_phone(query, region=country))
    if not digests and not phones:
        return None
    ids = list(scoped.filter(national_id_hash__in=digests).values_list("pk", flat=True))
    # Through the (organisation, kind, value) index, not a join ordered by name: at a million
    # customers the join walks the name index (about a second); this takes a millisecond.
    ids += contacts.filter(kind=ContactKind.PHONE, value__in=phones).values_list(
        "customer_id", flat=True
    )
    return ids


def _matching(actor: User, query: str, limit: int) -> list[Customer]:
    ids = _matching_ids(actor, query)
    if ids is not None:
        found = list(_customers(actor).filter(pk__in=set(ids)))
        return sorted(found, key=lambda customer: customer.name)[:limit]
    customers = _customers(actor)
    for word in query.split():
        customers = customers.filter(name__icontains=word)
    return list(customers.order_by("name")[:limit])


def find_customers(
    *,
    actor: User,
    query: str,
    purpose: str,
    reason: str = "",
    via: str = "ui",
    limit: int = SEARCH_LIMIT,
) -> list[Customer]:
    """Look a caller up by national ID, phone, e-mail or name."""
    authz.require(actor, "customers.view_customer")
    purpose = validated_purpose(purpose)
    query = (query or "").strip()
    if not query:
        return []
    found = _matching(actor, query, limit)
    record_access(
        actor=actor,
        customers=found,
        purpose=purpose,
        reason=reason,
        action="search_result",
        via=via,
    )
    return found


def get_customer(
    *, actor: User, customer_id, purpose: str, reason: str = "", via: str = "ui"
) -> Customer:
    customer = get_for_actor(_customers(actor).select_related("organisation"), customer_id)
    authz.require(actor, "customers.view_customer", customer)
    purpose = validated_purpose(purpose)
    record_access(
        actor=actor,
        customers=[customer],
        purpose=purpose,
        reason=reason,
        action="record",
        via=via,
    )
    return customer


def get_customer_reference(*, actor: User, customer_id) -> Customer:
    """A customer to link to or check rights on, without opening their data: not logged, so
    callers must not show its fields."""
    return get_for_actor(
        Customer.objects.for_actor(actor).only("pk", "organisation_id"), customer_id
    )


def customer_ids_by_phone(*, actor: User, phones: Iterable[str]) -> dict[str, int]:
    """For each E.164 number that exactly one customer has, that customer's id: for linking
    (calls to their callers). Not logged, like `get_customer_reference`: callers must not show
    the customers' fields."""
    owners: dict[str, set[int]] = {}
    rows = (
        CustomerContact.objects.for_actor(actor)
        .filter(kind=ContactKind.PHONE, value__in=set(phones))
        .values_list("value", "customer_id")
    )
    for value, customer_id in rows:
        owners.setdefault(value, set()).add(customer_id)
    return {value: ids.pop() for value, ids in owners.items() if len(ids) == 1}


def sole_customer_reachable_at(
    organisation_id: int | None, *, email: str = "", phone: str = ""
) -> Customer | None:
    """The one customer of the organisation with this e-mail address or (E.164) number, as a
    reference to link a contact to; None when there is none or more than one (a shared family
    address, details of two people). The channels (mail, web form, calls) match senders by it.

    Only the id and organisation are read: nobody is shown the customer's data, so no access
    is logged (the agent who opens the case opens the customer, and that is logged)."""
    wanted = Q()
    if email:
        wanted |= Q(kind=ContactKind.EMAIL, value=email.strip().lower())
    if phone:
        wanted |= Q(kind=ContactKind.PHONE, value=phone)
    if organisation_id is None or not wanted:
        return None
    ids = set(
        CustomerContact.objects.for_organisation(organisation_id)
        .filter(wanted)
        .values_list("customer_id", flat=True)[:10]
    )
    if len(ids) != 1:
        return None
    return Customer.objects.only("pk", "organisation_id").get(pk=ids.pop())


def masked_national_id(customer: Customer) -> str:
    """For a record already opened (and logged) by get_customer."""
    if not customer.national_id_encrypted:
        return ""
    return mask(customer.country, crypto.decrypt(customer.national_id_encrypted))


def reveal_national_id(
    *, actor: User, customer_id, purpose: str, reason: str = "", via: str = "ui"
) -> tuple[str, str]:
    """The country and full number of a customer, written to the access log."""
    purpose = validated_purpose(purpose)
    customer = get_for_actor(Customer.objects.for_actor(actor), customer_id)
    authz.require(actor, "customers.view_customer", customer)
    if not customer.national_id_encrypted:
        return customer.country, ""
    record_access(
        actor=actor,
        customers=[customer],
        purpose=purpose,
        reason=reason,
        action="national_id",
        via=via,
    )
    return customer.country, crypto.decrypt(customer.national_id_encrypted)


def access_log_for_customer(*, actor: User, customer: Customer) -> QuerySet[PersonalDataAccess]:
    authz.require(actor, "customers.view_access_log", customer)
    return PersonalDataAccess.objects.filter(customer=customer).select_related("actor")

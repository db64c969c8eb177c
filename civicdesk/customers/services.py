"""Writes to the customer register."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fi import ytunnus
from stdnum.pl import nip
from stdnum.se import orgnr

from civicdesk.core import authz, crypto
from civicdesk.core.errors import DomainError
from civicdesk.core.i18n import validate_language
from civicdesk.customers.contacts import normalise_contact
from civicdesk.customers.models import (
    ContactKind,
    Customer,
    CustomerContact,
    CustomerKind,
)
from civicdesk.customers.national_ids import normalise_national_id
from civicdesk.org.models import Organisation, User

_BUSINESS_IDS = {"PL": nip, "SE": orgnr, "FI": ytunnus}


def national_id_lookup_hash(country: str, canonical: str) -> str:
    return crypto.lookup_hash(f"national-id:{country}", canonical)


def _protected_national_id(organisation: Organisation, country: str, raw: str, *, exclude=None):
    country = country or organisation.country
    canonical = normalise_national_id(country, raw)
    digest = national_id_lookup_hash(country, canonical)
    clash = Customer.objects.filter(organisation=organisation, national_id_hash=digest)
    if exclude is not None:
        clash = clash.exclude(pk=exclude.pk)
    if clash.exists():
        raise DomainError(
            _("A customer with this identity number exists already."), field="national_id"
        )
    return country, digest, crypto.encrypt(canonical)


def _validated_business_id(country: str, raw: str) -> str:
    value = (raw or "").strip()
    if not value:
        return ""
    module = _BUSINESS_IDS.get(country)
    if module is None:
        raise DomainError(
            _("Business IDs are checked for Poland, Sweden and Finland only."), field="business_id"
        )
    try:
        return module.validate(value)
    except StdnumError:
        raise DomainError(
            _("This business ID is not valid: check the digits."), field="business_id"
        ) from None


def _validated_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise DomainError(_("Enter the customer's name."), field="name")
    if len(name) > 200:
        raise DomainError(_("The name is longer than 200 characters."), field="name")
    return name


@transaction.atomic
def register_customer(
    *,
    actor: User,
    organisation: Organisation,
    name: str,
    preferred_language: str | None = None,
    kind: str = CustomerKind.PERSON,
    country: str = "",
    national_id: str = "",
    phones: Iterable[str] = (),
    emails: Iterable[str] = (),
    business_id: str = "",
) -> Customer:
    authz.require(actor, "customers.add_customer", organisation)
    if kind not in CustomerKind.values:
        raise DomainError(_("Unknown kind of customer."), field="kind")
    customer = Customer(
        organisation=organisation,
        kind=kind,
        name=_validated_name(name),
        preferred_language=validate_language(
            preferred_language or organisation.default_language, field="preferred_language"
        ),
        country=country or organisation.country,
        created_by=actor,
    )
    if national_id:
        if kind != CustomerKind.PERSON:
            raise DomainError(
                _("Only citizens have a national identity number."), field="national_id"
            )
        customer.country, customer.national_id_hash, customer.national_id_encrypted = (
            _protected_national_id(organisation, country, national_id)
        )
    customer.business_id = _validated_business_id(customer.country, business_id)
    # Validate every contact before the first write, so bad input changes nothing.
    contacts = [
        (ContactKind.PHONE, normalise_contact(ContactKind.PHONE, raw, region=organisation.country))
        for raw in phones
        if raw and raw.strip()
    ] + [
        (ContactKind.EMAIL, normalise_contact(ContactKind.EMAIL, raw, region=organisation.country))
        for raw in emails
        if raw and raw.strip()
    ]
    customer.save()
    kinds_with_primary: set[str] = set()
    for contact_kind, value in dict.fromkeys(contacts):
        CustomerContact.objects.create(
            organisation=organisation,
            customer=customer,
            kind=contact_kind,
            value=value,
            is_primary=contact_kind not in kinds_with_primary,
        )
        kinds_with_primary.add(contact_kind)
    return customer


_EDITABLE = {"name", "preferred_language", "business_id", "kind"}


@transaction.atomic
def update_customer(
    *,
    actor: User,
    customer: Customer,
    national_id: str | None = None,
    country: str | None = None,
    **changes,
) -> Customer:
    """Changes what is given; `national_id=""` removes the number."""
    authz.require(actor, "customers.change_customer", customer)
    unknown = set(changes) - _EDITABLE
    if unknown:
        raise DomainError(
            _("These fields cannot be changed: %(fields)s") % {"fields": ", ".join(sorted(unknown))}
        )
    if "name" in changes:
        changes["name"] = _validated_name(changes["name"])
    if "preferred_language" in changes:
        changes["preferred_language"] = validate_language(
            changes["preferred_language"], field="preferred_language"
        )
    if "kind" in changes and changes["kind"] not in CustomerKind.values:
        raise DomainError(_("Unknown kind of customer."), field="kind")
    new_country = country or customer.country or customer.organisation.country
    if "business_id" in changes:
        changes["business_id"] = _validated_business_id(new_country, changes["business_id"])
    if national_id is not None:
        if national_id == "":
            changes.update(national_id_hash=None, national_id_encrypted="")
        else:
            new_country, digest, encrypted = _protected_national_id(
                customer.organisation, new_country, national_id, exclude=customer
            )
            changes.update(
                country=new_country, national_id_hash=digest, national_id_encrypted=encrypted
            )
    for field, value in changes.items():
        setattr(customer, field, value)
    customer.save()
    return customer


@transaction.atomic
def add_customer_contact(
    *,
    actor: User,
    customer: Customer,
    kind: str,
    value: str,
    label: str = "",
    is_primary: bool = False,
) -> CustomerContact:
    authz.require(actor, "customers.change_customer", customer)
    normalised = normalise_contact(kind, value, region=customer.organisation.country)
    existing = customer.contacts.filter(kind=kind, value=normalised).first()
    if existing is not None:
        return existing
    if is_primary or not customer.contacts.filter(kind=kind).exists():
        customer.contacts.filter(kind=kind).update(is_primary=False)
        is_primary = True
    return CustomerContact.objects.create(
        organisation_id=customer.organisation_id,
        customer=customer,
        kind=kind,
        value=normalised,
        label=label.strip()[:60],
        is_primary=is_primary,
    )


def remove_customer_contact(*, actor: User, contact: CustomerContact) -> None:
    authz.require(actor, "customers.change_customer", contact.customer)
    contact.delete()

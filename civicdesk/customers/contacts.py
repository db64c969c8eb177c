"""Normalising phone numbers and e-mail addresses so that look-up finds them."""

from __future__ import annotations

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from civicdesk.core.errors import DomainError
from civicdesk.customers.models import ContactKind


def normalise_phone(raw: str, *, region: str, field: str = "phone") -> str:
    """E.164 (+46701234567); a number without a country code is read as from `region`."""
    try:
        number = phonenumbers.parse((raw or "").strip(), region)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise DomainError(
            _("“%(value)s” is not a valid phone number.") % {"value": raw}, field=field
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_email(raw: str, *, field: str = "email") -> str:
    value = (raw or "").strip()
    try:
        validate_email(value)
    except ValidationError:
        raise DomainError(
            _("“%(value)s” is not a valid e-mail address.") % {"value": raw}, field=field
        ) from None
    return value.lower()


def normalise_contact(kind: str, raw: str, *, region: str) -> str:
    if kind == ContactKind.PHONE:
        return normalise_phone(raw, region=region)
    if kind == ContactKind.EMAIL:
        return normalise_email(raw)
    raise DomainError(_("Unknown kind of contact detail."), field="kind")


def format_phone_for_display(e164: str) -> str:
    try:
        return phonenumbers.format_number(
            phonenumbers.parse(e164), phonenumbers.PhoneNumberFormat.INTERNATIONAL
        )
    except phonenumbers.NumberParseException:
        return e164

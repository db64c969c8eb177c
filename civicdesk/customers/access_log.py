"""The personal-data access log: one row for each customer whose data someone opened."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from civicdesk.core.errors import DomainError
from civicdesk.customers.models import AccessPurpose, Customer, PersonalDataAccess
from civicdesk.org.models import User


def validated_purpose(purpose: str) -> str:
    if purpose not in AccessPurpose.values:
        raise DomainError(
            _("Say why you open this personal data; one of: %(choices)s.")
            % {"choices": ", ".join(AccessPurpose.values)},
            field="purpose",
        )
    return purpose


def record_access(
    *,
    actor: User,
    customers: Iterable[Customer],
    purpose: str,
    reason: str,
    action: str,
    via: str,
) -> None:
    rows = [
        PersonalDataAccess(
            organisation_id=customer.organisation_id,
            customer=customer,
            actor=actor,
            purpose=purpose,
            reason=(reason or "")[:300],
            action=action,
            via=via,
        )
        for customer in customers
    ]
    if rows:
        PersonalDataAccess.objects.bulk_create(rows)

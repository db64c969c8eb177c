"""Picking what an agent would type: real identity numbers and phone numbers from the data."""

from __future__ import annotations

import random

import phonenumbers
from django.db.models import Max, Min

from civicdesk.core import crypto
from civicdesk.customers.models import ContactKind, Customer, CustomerContact
from civicdesk.org.choices import Role
from civicdesk.org.models import User


def agents_by_organisation() -> dict[int, User]:
    """A general agent of each organisation, its roles and organisation already loaded."""
    agents = {}
    for agent in User.objects.filter(role_assignments__role=Role.GENERAL_AGENT).select_related(
        "organisation"
    ):
        agent.role_set  # noqa: B018 (cached once, as it would be for the rest of a request)
        agents.setdefault(agent.organisation_id, agent)
    return agents


def _random_rows(queryset, count: int, rng: random.Random) -> list:
    """About `count` rows picked by random primary keys: no ORDER BY RANDOM() over millions."""
    bounds = queryset.aggregate(low=Min("pk"), high=Max("pk"))
    picked: dict[int, object] = {}
    while len(picked) < count:
        wanted = {rng.randint(bounds["low"], bounds["high"]) for _ in range(count * 2)}
        for row in queryset.filter(pk__in=wanted):
            picked.setdefault(row.pk, row)
    rows = list(picked.values())
    rng.shuffle(rows)
    return rows[:count]


def typed_national_id(country: str, canonical: str) -> str:
    """As an agent reads it out: Swedish numbers with their dash, others as they are."""
    return f"{canonical[:-4]}-{canonical[-4:]}" if country == "SE" else canonical


def national_id_queries(count: int, rng: random.Random) -> list[tuple[int, str, int]]:
    """(organisation id, typed national ID, customer id) of random citizens."""
    citizens = Customer.objects.filter(national_id_hash__isnull=False)
    return [
        (c.organisation_id, typed_national_id(c.country, crypto.decrypt(c.national_id_encrypted)),
         c.pk)
        for c in _random_rows(citizens, count, rng)
    ]  # fmt: skip


def phone_queries(count: int, rng: random.Random) -> list[tuple[int, str, int]]:
    """(organisation id, phone in national format as typed, customer id) of random contacts."""
    phones = CustomerContact.objects.filter(kind=ContactKind.PHONE)
    national = phonenumbers.PhoneNumberFormat.NATIONAL
    return [
        (p.organisation_id, phonenumbers.format_number(phonenumbers.parse(p.value), national),
         p.customer_id)
        for p in _random_rows(phones, count, rng)
    ]  # fmt: skip

"""Generated customers at scale: citizens and employers, stored exactly as the register stores
them, written with bulk_create instead of one register_customer call each.

The stored shape is customers.services.register_customer's: the national ID normalised, kept
as its keyed look-up hash and encrypted; business IDs compact; phones in E.164 and e-mail
addresses in lower case as CustomerContact rows with their organisation set, the first of each
kind primary. What the bulk path leaves out is the configuration audit log (django-auditlog
listens to save signals, which bulk_create does not send): nobody edited these customers.

Customer number g (counted over all generated customers) belongs to generated organisation
g % n and has the g-th national ID of a seeded permutation, so numbers never collide and a run
with the same seed stores the same people. Building rows (names, numbers, hashing, encryption)
runs in worker processes; the calling process only writes, one transaction per batch.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from django.core.management.base import CommandError
from django.db import transaction
from django.utils.text import slugify
from tqdm import tqdm

from civicdesk.core import crypto
from civicdesk.customers.models import ContactKind, Customer, CustomerContact, CustomerKind
from civicdesk.customers.national_ids import normalise_national_id
from civicdesk.customers.services import national_id_lookup_hash
from civicdesk.demo.generation.base import GenerationRun, Step
from civicdesk.demo.generation.organisations import generated_organisations
from civicdesk.demo.generation.workers import built_in_order
from civicdesk.demo.identifiers import (
    generate_business_id,
    generate_mobile_phone,
    national_id_for_index,
    national_id_space,
)
from civicdesk.demo.names import MAIL_DOMAINS, ascii_fold, employer_name, mailbox_name, person_name
from civicdesk.org.choices import Role
from civicdesk.org.models import User

# Shares that make a register look like the seeds' callers: mostly citizens, some employers;
# most leave a phone number, about half an e-mail address.
EMPLOYER_SHARE = 0.05
PHONE_SHARE = 0.85
SECOND_PHONE_SHARE = 0.10
EMAIL_SHARE = 0.55
OTHER_LANGUAGE_SHARE = 0.08
OTHER_LANGUAGES = {"SE": ["fi", "en", "pl"], "PL": ["en"], "FI": ["sv", "en"]}
EMPLOYER_MAILBOXES = {
    "SE": ["info", "kontor", "ekonomi"],
    "PL": ["biuro", "kontakt", "kadry"],
    "FI": ["info", "toimisto", "myynti"],
}


@dataclass(frozen=True)
class Register:
    """An organisation's customer register, as a worker needs it: plain values, cheap to pickle."""

    organisation_id: int
    country: str
    language: str
    registered_by_id: int | None  # created_by of the customers


@dataclass(frozen=True)
class Batch:
    start: int  # index of the batch's first customer among all generated customers
    size: int
    seed: int
    registers: tuple[Register, ...]


# (register index, kind, name, language, national-ID hash, encrypted ID, business ID,
#  ((contact kind, value, is primary), ...)); tuples pickle several times faster than objects.
Row = tuple[int, str, str, str, str | None, str, str, tuple[tuple[str, str, bool], ...]]


def build_rows(batch: Batch) -> list[Row]:
    """Runs in a worker: everything about a batch of customers except writing it."""
    rng = random.Random(f"{batch.seed}:customers:{batch.start}")
    rows = []
    for index in range(batch.start, batch.start + batch.size):
        slot = index % len(batch.registers)
        rows.append(_row(batch.registers[slot], slot, index, batch.seed, rng))
    return rows


def _row(register: Register, slot: int, index: int, seed: int, rng: random.Random) -> Row:
    country = register.country
    language = register.language
    if rng.random() < OTHER_LANGUAGE_SHARE:
        language = rng.choice(OTHER_LANGUAGES[country])
    if rng.random() < EMPLOYER_SHARE:
        name = employer_name(country, rng)
        mailbox = f"{rng.choice(EMPLOYER_MAILBOXES[country])}@{slugify(ascii_fold(name))}.example"
        contacts = ((ContactKind.PHONE.value, generate_mobile_phone(country, rng), True),)
        contacts += ((ContactKind.EMAIL.value, mailbox, True),)
        business_id = generate_business_id(country, rng)
        return (
            slot,
            CustomerKind.ORGANISATION.value,
            name,
            language,
            None,
            "",
            business_id,
            contacts,
        )

    first, last = person_name(country, rng)
    canonical = normalise_national_id(country, national_id_for_index(country, index, seed=seed))
    contacts = ()
    if rng.random() < PHONE_SHARE:
        contacts += ((ContactKind.PHONE.value, generate_mobile_phone(country, rng), True),)
        if rng.random() < SECOND_PHONE_SHARE:
            contacts += ((ContactKind.PHONE.value, generate_mobile_phone(country, rng), False),)
    if rng.random() < EMAIL_SHARE:
        address = f"{mailbox_name(first, last, rng)}@{rng.choice(MAIL_DOMAINS[country])}"
        contacts += ((ContactKind.EMAIL.value, address, True),)
    return (
        slot,
        CustomerKind.PERSON.value,
        f"{first} {last}",
        language,
        national_id_lookup_hash(country, canonical),
        crypto.encrypt(canonical),
        "",
        contacts,
    )


def _write(rows: list[Row], registers: tuple[Register, ...]) -> None:
    customers = [
        Customer(
            organisation_id=registers[slot].organisation_id,
            kind=kind,
            name=name,
            preferred_language=language,
            country=registers[slot].country,
            national_id_hash=digest,
            national_id_encrypted=encrypted,
            business_id=business_id,
            created_by_id=registers[slot].registered_by_id,
        )
        for slot, kind, name, language, digest, encrypted, business_id, _contacts in rows
    ]
    with transaction.atomic():
        Customer.objects.bulk_create(customers)  # sets the pks on SQLite and PostgreSQL
        CustomerContact.objects.bulk_create(
            CustomerContact(
                organisation_id=customer.organisation_id,
                customer_id=customer.pk,
                kind=kind,
                value=value,
                is_primary=is_primary,
            )
            for customer, row in zip(customers, rows, strict=True)
            for kind, value, is_primary in row[-1]
        )


def _registers() -> tuple[Register, ...]:
    organisations = list(generated_organisations())
    if not organisations:
        raise CommandError("There are no generated organisations: add --organisations N.")
    # Customers are registered by an agent of their organisation, as at the counter.
    agents = dict(
        User.objects.filter(
            organisation__in=organisations, role_assignments__role=Role.GENERAL_AGENT
        ).values_list("organisation_id", "pk")
    )
    return tuple(
        Register(o.pk, o.country, o.default_language, agents.get(o.pk)) for o in organisations
    )


def _batches(start: int, end: int, size: int, seed: int, registers) -> Iterator[Batch]:
    for first in range(start, end, size):
        yield Batch(first, min(size, end - first), seed, registers)


class CustomersStep(Step):
    option = "customers"
    unit = "customers"
    help = "How many customers the generated organisations should have in all."

    def fill(self, run: GenerationRun, target: int) -> int:
        registers = _registers()
        existing = Customer.objects.filter(
            organisation_id__in=[r.organisation_id for r in registers]
        ).count()
        smallest_space = min(national_id_space(r.country) for r in registers)
        if target > smallest_space:
            raise CommandError(f"At most {smallest_space} customers can get distinct IDs.")
        if existing >= target:
            return 0
        batches = _batches(existing, target, run.batch_size, run.seed, registers)
        with tqdm(
            total=target - existing,
            unit=" customers",
            unit_scale=True,
            file=sys.stderr,
            disable=not run.progress,
        ) as bar:
            for rows in built_in_order(build_rows, batches, run.workers):
                _write(rows, registers)
                bar.update(len(rows))
        return target - existing

import random
from io import StringIO

import phonenumbers
import pytest
from django.core.management import call_command

from civicdesk.core import crypto
from civicdesk.customers.models import ContactKind, Customer, CustomerContact, CustomerKind
from civicdesk.customers.national_ids import normalise_national_id
from civicdesk.customers.services import national_id_lookup_hash
from civicdesk.demo.generation.customers import Batch, Register, build_rows
from civicdesk.demo.generation.workers import built_in_order
from civicdesk.org.models import Organisation

pytestmark = pytest.mark.django_db

REGISTERS = tuple(
    Register(pk, country, language, None)
    for pk, country, language in [(1, "SE", "sv"), (2, "PL", "pl"), (3, "FI", "fi")]
)


def _generate(**targets) -> None:
    options = [f"--{name}={value}" for name, value in targets.items()]
    call_command("generate_data", *options, "--workers=1", "--no-progress", stdout=StringIO())


def test_generated_citizens_are_stored_as_register_customer_stores_them():
    _generate(organisations=3, customers=90)
    for customer in Customer.objects.filter(kind=CustomerKind.PERSON):
        canonical = crypto.decrypt(customer.national_id_encrypted)
        assert normalise_national_id(customer.country, canonical) == canonical
        assert customer.national_id_hash == national_id_lookup_hash(customer.country, canonical)


def test_generated_contacts_are_normalised_and_belong_to_the_organisation():
    _generate(organisations=3, customers=90)
    contacts = list(CustomerContact.objects.select_related("customer"))
    phones = [c.value for c in contacts if c.kind == ContactKind.PHONE]
    assert all(phonenumbers.is_valid_number(phonenumbers.parse(p)) for p in phones)
    assert all(c.value == c.value.lower() for c in contacts if c.kind == ContactKind.EMAIL)
    assert all(c.organisation_id == c.customer.organisation_id for c in contacts)


def test_each_kind_of_contact_has_one_primary():
    _generate(organisations=3, customers=90)
    primaries = {}
    for contact in CustomerContact.objects.filter(is_primary=True):
        key = (contact.customer_id, contact.kind)
        primaries[key] = primaries.get(key, 0) + 1
    assert set(primaries.values()) == {1}


def test_numbers_are_targets_so_a_second_run_adds_nothing():
    _generate(organisations=3, customers=50)
    _generate(organisations=3, customers=50)
    assert (Organisation.objects.count(), Customer.objects.count()) == (3, 50)


def test_customers_alone_imply_one_organisation_per_country():
    _generate(customers=30)
    assert set(Organisation.objects.values_list("country", flat=True)) == {"SE", "PL", "FI"}


def _without_ciphertext(rows):
    # Fernet adds a random IV and a timestamp: the same number encrypts differently each time.
    return [row[:5] + row[6:] for row in rows]


@pytest.mark.django_db(False)
def test_the_same_seed_builds_the_same_people():
    batch = Batch(start=10, size=50, seed=4, registers=REGISTERS)
    assert _without_ciphertext(build_rows(batch)) == _without_ciphertext(build_rows(batch))


@pytest.mark.django_db(False)
def test_another_seed_builds_other_people():
    first = build_rows(Batch(start=0, size=20, seed=1, registers=REGISTERS))
    second = build_rows(Batch(start=0, size=20, seed=2, registers=REGISTERS))
    assert [row[2] for row in first] != [row[2] for row in second]


def _square(number):
    return number * number


@pytest.mark.django_db(False)
def test_worker_processes_return_batches_in_order():
    numbers = list(range(40))
    random.Random(0).shuffle(numbers)
    assert list(built_in_order(_square, numbers, workers=2)) == [n * n for n in numbers]

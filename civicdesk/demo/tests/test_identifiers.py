import math
import random

import phonenumbers
import pytest
from stdnum.fi import ytunnus
from stdnum.pl import nip
from stdnum.se import orgnr

from civicdesk.customers.national_ids import normalise_national_id
from civicdesk.demo import identifiers
from civicdesk.demo.names import ascii_fold, surname_for

COUNTRIES = ["PL", "SE", "FI"]


@pytest.mark.parametrize("country", COUNTRIES)
def test_national_ids_by_index_are_valid_and_distinct(country):
    numbers = [identifiers.national_id_for_index(country, i, seed=3) for i in range(5_000)]
    canonical = {normalise_national_id(country, number) for number in numbers}
    assert len(canonical) == len(numbers)


@pytest.mark.parametrize("country", COUNTRIES)
def test_the_index_permutation_visits_every_number(country):
    # Stepping by a number coprime to the space is what makes every index distinct.
    assert math.gcd(identifiers._STRIDE, identifiers.national_id_space(country)) == 1


def test_the_seed_changes_the_numbers():
    first = identifiers.national_id_for_index("SE", 0, seed=1)
    assert first != identifiers.national_id_for_index("SE", 0, seed=2)


@pytest.mark.parametrize(("country", "module"), [("PL", nip), ("SE", orgnr), ("FI", ytunnus)])
def test_business_ids_are_valid_and_compact(country, module):
    rng = random.Random(5)
    numbers = [identifiers.generate_business_id(country, rng) for _ in range(300)]
    assert all(module.validate(number) == number for number in numbers)


@pytest.mark.parametrize("country", COUNTRIES)
def test_mobile_phones_are_valid_e164(country):
    rng = random.Random(7)
    numbers = [identifiers.generate_mobile_phone(country, rng) for _ in range(1_000)]
    parsed = [phonenumbers.parse(number) for number in numbers]
    assert all(phonenumbers.is_valid_number(p) for p in parsed)
    assert {phonenumbers.region_code_for_number(p) for p in parsed} == {country}


def test_ascii_fold_handles_letters_without_a_decomposition():
    assert ascii_fold("Łódź Öberg Wiśniewska") == "Lodz Oberg Wisniewska"


def test_polish_surnames_agree_with_the_person():
    assert surname_for("PL", "Kowalski", "female") == "Kowalska"

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from civicdesk.core.errors import DomainError
from civicdesk.customers.national_ids import GENERATORS, mask, normalise_national_id

VALID = [
    ("PL", "44051401359", "44051401359"),
    ("PL", "02270803624", "02270803624"),  # born 2002: month + 20
    ("SE", "811228-9874", "198112289874"),
    ("SE", "19811228-9874", "198112289874"),
    ("SE", "8112289874", "198112289874"),
    ("SE", "701063-2391", "197010632391"),  # coordination number: day 03 + 60
    ("FI", "131052-308T", "131052-308T"),
    ("FI", "010594Y123W", "010594Y123W"),  # a 2023 century sign
    ("FI", "131052a308t", "131052A308T"),
]

INVALID = [
    ("PL", "44051401358", "check digit"),
    ("PL", "4405140135", "wrong number of digits"),
    ("PL", "44AB1401359", "characters"),
    ("SE", "811228-9875", "check digit"),
    ("SE", "811328-9873", "date of birth"),
    ("SE", "701063-2392", "check digit"),
    ("SE", "81122898", "wrong number of digits"),
    ("FI", "131052-308U", "check digit"),
    ("FI", "131352-308T", "date of birth"),
    ("FI", "131052-308", "wrong number of digits"),
]


@pytest.mark.parametrize(("country", "raw", "canonical"), VALID)
def test_valid_numbers_normalise_to_one_spelling(country, raw, canonical):
    assert normalise_national_id(country, raw) == canonical


@pytest.mark.parametrize(("country", "raw", "complaint"), INVALID)
def test_invalid_numbers_are_refused_with_a_message_saying_why(country, raw, complaint):
    with pytest.raises(DomainError) as caught:
        normalise_national_id(country, raw)
    assert caught.value.field == "national_id"
    assert complaint in str(caught.value)


def test_empty_number_asks_for_it_by_name():
    with pytest.raises(DomainError, match="PESEL"):
        normalise_national_id("PL", "  ")


def test_unsupported_country_is_refused():
    with pytest.raises(DomainError) as caught:
        normalise_national_id("DE", "123")
    assert caught.value.field == "country"


def test_mask_shows_only_the_last_four():
    assert mask("PL", "44051401359") == "•••••••1359"


@given(country=st.sampled_from(sorted(GENERATORS)), seed=st.integers(0, 2**32))
def test_generated_numbers_are_valid(country, seed):
    number = GENERATORS[country](random.Random(seed))
    assert normalise_national_id(country, number)


@given(seed=st.integers(0, 2**32), position=st.integers(0, 10), delta=st.integers(1, 9))
def test_changing_one_pesel_digit_is_caught(seed, position, delta):
    number = GENERATORS["PL"](random.Random(seed))
    digits = list(number)
    digits[position] = str((int(digits[position]) + delta) % 10)
    # PESEL weights are 1,3,7,9: a single changed digit always changes the check digit,
    # unless the change makes an impossible date, which is refused too.
    with pytest.raises(DomainError):
        normalise_national_id("PL", "".join(digits))

"""Valid identifiers for demo and benchmark data: national IDs by index, business IDs, phones.

The random national-ID generators in customers.national_ids repeat themselves at scale (a
million Swedish people drawn from 25 million personnummer share thousands of numbers, and the
register refuses a second customer with the same number). `national_id_for_index` maps each
index to a distinct valid number instead, so bulk data never collides and is reproducible.
"""

from __future__ import annotations

import datetime
import random
from functools import lru_cache

from stdnum import luhn
from stdnum.fi import ytunnus
from stdnum.pl import nip, pesel
from stdnum.se import orgnr

_FIRST_BIRTH_DATE = datetime.date(1940, 1, 1)
_BIRTH_DAYS = (datetime.date(2007, 12, 31) - _FIRST_BIRTH_DATE).days + 1

# How many individual numbers each country gives people born on the same day.
_SERIALS = {"PL": 10_000, "SE": 1_000, "FI": 898}

# A prime larger than every space below, so stepping by it visits each number once.
_STRIDE = 2_654_435_761

_HETU_CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def national_id_space(country: str) -> int:
    """How many distinct numbers `national_id_for_index` can give for the country."""
    return _BIRTH_DAYS * _SERIALS[country]


@lru_cache
def _offset(space: int, seed: int) -> int:
    return random.Random(seed).randrange(space)


def national_id_for_index(country: str, index: int, *, seed: int) -> str:
    """The index-th number of a seeded permutation: distinct per index, valid, random-looking."""
    space = national_id_space(country)
    if not 0 <= index < space:
        raise ValueError(f"Only {space} distinct {country} numbers exist in 1940-2007.")
    position = (index * _STRIDE + _offset(space, seed)) % space
    day, serial = divmod(position, _SERIALS[country])
    born = _FIRST_BIRTH_DATE + datetime.timedelta(days=day)
    if country == "PL":
        month = born.month + (20 if born.year >= 2000 else 0)
        body = f"{born.year % 100:02d}{month:02d}{born.day:02d}{serial:04d}"
        return body + pesel.calc_check_digit(body)
    if country == "SE":
        body = f"{born.year % 100:02d}{born.month:02d}{born.day:02d}{serial:03d}"
        return f"{born.year // 100}{body}{luhn.calc_check_digit(body)}"
    individual = f"{serial + 2:03d}"  # 002-899; 900-999 are temporary numbers
    body = f"{born.day:02d}{born.month:02d}{born.year % 100:02d}"
    sign = "A" if born.year >= 2000 else "-"
    return body + sign + individual + _HETU_CHECK_CHARACTERS[int(body + individual) % 31]


# --- Business IDs --------------------------------------------------------------------------

# Leading digits as they occur: the tax office of a NIP (Białystok, Warsaw, Kraków), the legal
# form of an organisationsnummer (55: aktiebolag), the usual first digit of a Y-tunnus.
_BUSINESS_ID_PREFIXES = {
    "PL": ["542", "543", "966", "525", "526", "527", "676", "677", "679"],
    "SE": ["556", "559"],
    "FI": ["0", "1", "2", "3"],
}
_BUSINESS_ID_LENGTH = {"PL": 9, "SE": 9, "FI": 7}  # digits before the check digit
_BUSINESS_ID_MODULES = {"PL": nip, "SE": orgnr, "FI": ytunnus}


def generate_business_id(country: str, rng: random.Random) -> str:
    """A NIP, organisationsnummer or Y-tunnus in the compact form the register stores."""
    module = _BUSINESS_ID_MODULES[country]
    while True:
        prefix = rng.choice(_BUSINESS_ID_PREFIXES[country])
        body = prefix + "".join(
            rng.choice("0123456789") for _ in range(_BUSINESS_ID_LENGTH[country] - len(prefix))
        )
        # NIP and Y-tunnus have bodies for which no check digit works: draw another body.
        for check in "0123456789":
            if module.is_valid(body + check):
                return body + check


# --- Phone numbers -------------------------------------------------------------------------

# Mobile ranges in use, as (country calling code, national prefixes); 7 digits follow each.
_MOBILE_RANGES = {
    "SE": ("+46", ["70", "72", "73", "76", "79"]),
    "PL": ("+48", ["50", "51", "53", "57", "60", "66", "69", "72", "73", "78", "79", "88"]),
    "FI": ("+358", ["40", "41", "44", "45", "50"]),
}


def generate_mobile_phone(country: str, rng: random.Random) -> str:
    """A valid mobile number in E.164, the form the register stores."""
    calling_code, prefixes = _MOBILE_RANGES[country]
    return f"{calling_code}{rng.choice(prefixes)}{rng.randrange(10_000_000):07d}"

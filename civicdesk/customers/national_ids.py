"""National identity numbers: PESEL (PL), personnummer (SE), henkilötunnus (FI).

Validation is python-stdnum's; this module adds the messages an agent can act on, Swedish
coordination numbers (samordningsnummer, day + 60, which stdnum rejects) and valid-number
generators for demo and benchmark data.
"""

from __future__ import annotations

import datetime
import random

from django.utils.translation import gettext as _
from stdnum import luhn
from stdnum.exceptions import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)
from stdnum.fi import hetu
from stdnum.pl import pesel
from stdnum.se import personnummer

from civicdesk.core.errors import DomainError

NAMES = {"PL": "PESEL", "SE": "personnummer", "FI": "henkilötunnus"}


def _validate_swedish(raw: str) -> str:
    """Returns the 12-digit form YYYYMMDDNNNN, century included, for a stable hash."""
    compact = personnummer.compact(raw)
    digits = compact.replace("-", "").replace("+", "")
    if not digits.isdigit():
        raise InvalidFormat()
    if len(digits) not in (10, 12):
        raise InvalidLength()
    has_separator = compact[-5] in "-+"
    day_at = len(compact) - (7 if has_separator else 6)
    day = int(compact[day_at : day_at + 2])
    if day > 60:
        # A coordination number (samordningsnummer): the birth day plus 60. The check digit
        # is computed over the number as written; the date is checked with day - 60.
        if not luhn.is_valid(digits[-10:]):
            raise InvalidChecksum()
        born = personnummer.get_birth_date(
            compact[:day_at] + f"{day - 60:02d}" + compact[day_at + 2 :]
        )
    else:
        born = personnummer.get_birth_date(personnummer.validate(compact))
    return f"{born.year // 100:02d}{digits[-10:]}"


# Swedish numbers come in several lengths (with or without century and separator).
_LENGTHS = {"PL": 11, "FI": 11}

_VALIDATORS = {
    "PL": pesel.validate,
    "SE": _validate_swedish,
    "FI": hetu.validate,
}


def normalise_national_id(country: str, raw: str) -> str:
    """The number in its canonical compact form, or a DomainError saying what is wrong."""
    if country not in _VALIDATORS:
        raise DomainError(
            _("National identity numbers are supported for Poland, Sweden and Finland only."),
            field="country",
        )
    name = NAMES[country]
    value = (raw or "").strip()
    if not value:
        raise DomainError(
            _("Enter the identity number (%(name)s).") % {"name": name}, field="national_id"
        )
    expected_length = _LENGTHS.get(country)
    if expected_length and len(value.replace(" ", "")) != expected_length:
        raise DomainError(
            _("The identity number is not valid (%(name)s): it has the wrong number of digits.")
            % {"name": name},
            field="national_id",
        )
    try:
        compact = _VALIDATORS[country](value)
    except InvalidChecksum:
        message = _("The identity number is not valid (%(name)s): the check digit does not match.")
    except InvalidLength:
        message = _(
            "The identity number is not valid (%(name)s): it has the wrong number of digits."
        )
    except InvalidComponent:
        message = _(
            "The identity number is not valid (%(name)s): the date of birth in it does not exist."
        )
    except (InvalidFormat, ValidationError, ValueError):
        message = _(
            "The identity number is not valid (%(name)s): it contains characters that do not belong."  # noqa: E501
        )
    else:
        # One spelling per person, so the same number always hashes the same way.
        return compact.upper()
    raise DomainError(message % {"name": name}, field="national_id")


def mask(country: str, canonical: str) -> str:
    """What lists may show: enough to tell two people apart on the phone, no more."""
    return "•" * (len(canonical) - 4) + canonical[-4:]


# --- Generators for demo and benchmark data ---------------------------------------------------


def _random_birth_date(rng: random.Random) -> datetime.date:
    start = datetime.date(1940, 1, 1).toordinal()
    end = datetime.date(2007, 12, 31).toordinal()
    return datetime.date.fromordinal(rng.randint(start, end))


def generate_pesel(rng: random.Random) -> str:
    born = _random_birth_date(rng)
    month = born.month + (20 if born.year >= 2000 else 0)
    body = f"{born.year % 100:02d}{month:02d}{born.day:02d}{rng.randint(0, 9999):04d}"
    return body + pesel.calc_check_digit(body)


def generate_personnummer(rng: random.Random) -> str:
    born = _random_birth_date(rng)
    body = f"{born.year % 100:02d}{born.month:02d}{born.day:02d}{rng.randint(0, 999):03d}"
    return body + luhn.calc_check_digit(body)


_HETU_CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def generate_hetu(rng: random.Random) -> str:
    born = _random_birth_date(rng)
    sign = "A" if born.year >= 2000 else "-"
    individual = f"{rng.randint(2, 899):03d}"
    body = f"{born.day:02d}{born.month:02d}{born.year % 100:02d}"
    return body + sign + individual + _HETU_CHECK_CHARACTERS[int(body + individual) % 31]


GENERATORS = {"PL": generate_pesel, "SE": generate_personnummer, "FI": generate_hetu}

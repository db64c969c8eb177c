"""(d) National IDs protected per second on one core.

Normalise, keyed hash and encrypt, as register_customer does for every new citizen; it bounds
how fast any import of a register can go.
"""

import random
import time

from civicdesk.core import crypto
from civicdesk.customers.national_ids import GENERATORS, normalise_national_id
from civicdesk.customers.services import national_id_lookup_hash


def run(bench) -> None:
    rng = random.Random(bench.seed)
    countries = sorted(GENERATORS)
    raw = [
        (country, GENERATORS[country](rng))
        for country in (countries[i % len(countries)] for i in range(bench.scale.protected_ids))
    ]
    started = time.perf_counter()
    for country, number in raw:
        canonical = normalise_national_id(country, number)
        national_id_lookup_hash(country, canonical)
        crypto.encrypt(canonical)
    bench.record("protect.national_id", len(raw) / (time.perf_counter() - started), "IDs/s")

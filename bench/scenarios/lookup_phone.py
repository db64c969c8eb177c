"""(c) Look-up of a caller by phone number, p50 and p95.

Through find_customers as a general agent, with the number typed in national format
("070-174 06 12"), as an agent copies it from the phone.
"""

import random

from bench.core import latencies_ms, median, p95
from bench.sampling import agents_by_organisation, phone_queries
from civicdesk.customers.models import AccessPurpose
from civicdesk.customers.selectors import find_customers


def run(bench) -> None:
    agents = agents_by_organisation()
    queries = phone_queries(bench.scale.lookups, random.Random(bench.seed + 1))
    misses = []

    def look_up(query):
        organisation_id, typed, customer_id = query
        found = find_customers(
            actor=agents[organisation_id], query=typed, purpose=AccessPurpose.CONTACT
        )
        if customer_id not in {customer.pk for customer in found}:
            misses.append(typed)

    timings = latencies_ms(look_up, queries)
    if misses:
        bench.note(f"phone look-up missed {len(misses)} customers, e.g. {misses[0]}")
    bench.record("lookup.phone.p50", median(timings), "ms")
    bench.record("lookup.phone.p95", p95(timings), "ms")

"""(b) Look-up of a caller by national ID, p50 and p95.

Through customers.selectors.find_customers as a general agent: normalise, hash, query and
write the personal-data access log, as in production. Numbers are typed as agents read them.
"""

import random

from bench.core import latencies_ms, median, p95
from bench.sampling import agents_by_organisation, national_id_queries
from civicdesk.customers.models import AccessPurpose
from civicdesk.customers.selectors import find_customers


def run(bench) -> None:
    agents = agents_by_organisation()
    queries = national_id_queries(bench.scale.lookups, random.Random(bench.seed))
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
        bench.note(f"national-ID look-up missed {len(misses)} customers, e.g. {misses[0]}")
    bench.record("lookup.national_id.p50", median(timings), "ms")
    bench.record("lookup.national_id.p95", p95(timings), "ms")

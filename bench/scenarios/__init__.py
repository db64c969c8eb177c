"""Benchmark scenarios, run in this order. Each module has `run(bench)` that adds records to
bench (see bench/core.py). Add a module here for a new scenario; it finds the generated data
in the database and the generation timings in `bench.generation`."""

from bench.scenarios import (
    api_register,
    cti,
    email_ingest,
    erlang,
    generation,
    http_latency,
    knowledge_recall,
    knowledge_search,
    lookup_national_id,
    lookup_phone,
    memory,
    protect_national_id,
    reports,
    search_cases,
    sla,
    sms,
    web_form,
)

SCENARIOS = (
    generation,
    lookup_national_id,
    lookup_phone,
    protect_national_id,
    search_cases,  # before api_register, which adds cases
    api_register,
    web_form,  # adds cases, as api_register does
    http_latency,
    knowledge_search,  # the generated articles; the recall set's index includes them
    knowledge_recall,
    reports,
    erlang,  # pure computation
    sla,  # rolls its changes back; after the read-only scenarios all the same
    email_ingest,  # adds 12,000 e-mail cases and contacts: after the scenarios that count cases
    sms,  # adds cases: after the scenarios that count them
    cti,  # adds calls, read by no scenario before it
    memory,  # last: the peak over everything before it
)

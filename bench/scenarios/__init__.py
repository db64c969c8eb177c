"""Benchmark scenarios, run in this order. Each module has `run(bench)` that adds records to
bench (see bench/core.py). Add a module here for a new scenario; it finds the generated data
in the database and the generation timings in `bench.generation`."""

from bench.scenarios import (
    generation,
    http_latency,
    lookup_national_id,
    lookup_phone,
    memory,
    protect_national_id,
)

SCENARIOS = (
    generation,
    lookup_national_id,
    lookup_phone,
    protect_national_id,
    http_latency,
    memory,  # last: the peak over everything before it
)

"""(r) Staffing solves: Erlang C for 100 intervals up to 2,000 agents, Erlang A at 2,000 agents.

Erlang C: 100 half-hour intervals with 200 to 20,000 contacts each (180 s handle time, 80 % in
20 s), the largest needing about 2,000 agents; the time to solve all 100 (target at most
50 ms). Erlang A: one interval of 22,000 contacts with callers' average patience of 5 minutes,
90 % in 120 s, which needs about 2,000 agents (target at most 100 ms). Pure computation on one
core; the median of 7 runs of each is recorded.
"""

from __future__ import annotations

import statistics
import time

from civicdesk.reporting.erlang import Queue, agents_needed

RUNS = 7


def _median_ms(solve) -> tuple[float, object]:
    times, answer = [], None
    for _ in range(RUNS):
        started = time.perf_counter()
        answer = solve()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), answer


def run(bench) -> None:
    intervals = [
        Queue(contacts=200 * step, interval_seconds=1800, handle_seconds=180, threshold_seconds=20)
        for step in range(1, 101)
    ]
    c_ms, plan = _median_ms(lambda: [agents_needed(queue, target=0.8) for queue in intervals])
    most = max(staffing.on_phones.agents for staffing in plan)
    print(f"  Erlang C, 100 intervals up to {most:,} agents: {c_ms:.1f} ms")
    bench.record("erlang.c_staffing_100_intervals", c_ms, "ms")
    bench.record("erlang.c_staffing_100_intervals.most_agents", most, "agents")

    impatient = Queue(
        contacts=22_000, interval_seconds=1800, handle_seconds=180, patience_seconds=300
    )
    a_ms, staffing = _median_ms(lambda: agents_needed(impatient, target=0.9))
    print(f"  Erlang A at {staffing.on_phones.agents:,} agents: {a_ms:.1f} ms")
    bench.record("erlang.a_staffing_2000_agents", a_ms, "ms")
    bench.record("erlang.a_staffing_2000_agents.agents", staffing.on_phones.agents, "agents")

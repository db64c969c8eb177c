"""Erlang C and Erlang A against independent oracles: closed forms with exact fractions, the
textbook example, a seeded simulation of the queue, and sizes of thousands of agents."""

from __future__ import annotations

import heapq
import math
import random
from fractions import Fraction

import pytest

from civicdesk.reporting.erlang import Queue, agents_needed, erlang_c, outcome

# The textbook case: 100 calls in half an hour, 3 minutes each, 80 % answered in 20 s.
TEXTBOOK = Queue(contacts=100, interval_seconds=1800, handle_seconds=180, threshold_seconds=20)


def erlang_c_by_factorials(agents: int, traffic: Fraction) -> Fraction:
    top = traffic**agents / math.factorial(agents) * Fraction(agents) / (agents - traffic)
    below = sum(traffic**k / math.factorial(k) for k in range(agents))
    return top / (below + top)


@pytest.mark.parametrize(
    ("agents", "traffic"),
    [(1, Fraction(1, 2)), (3, Fraction(5, 2)), (14, Fraction(10)), (30, Fraction(27))],
)
def test_erlang_c_equals_the_closed_form(agents, traffic):
    assert erlang_c(agents, float(traffic)) == pytest.approx(
        float(erlang_c_by_factorials(agents, traffic)), rel=1e-12
    )


def test_the_textbook_case_needs_fourteen_agents_and_twenty_scheduled():
    staffing = agents_needed(TEXTBOOK, target=0.8, shrinkage=0.3)
    result = staffing.on_phones
    assert result.agents == 14
    assert result.service_level == pytest.approx(0.8884, abs=1e-4)
    assert result.waiting == pytest.approx(0.1741, abs=1e-4)
    assert result.average_wait_seconds == pytest.approx(7.84, abs=0.01)
    assert result.occupancy == pytest.approx(10 / 14)
    assert staffing.scheduled == 20  # 14 / (1 - 0.3)
    assert outcome(TEXTBOOK, 13).service_level < 0.8


@pytest.mark.parametrize("agents", [1_000, 5_000, 100_000])
def test_thousands_of_agents_neither_overflow_nor_lose_precision(agents):
    traffic = agents * 0.99
    big = Queue(contacts=traffic * 20, interval_seconds=3600, handle_seconds=180)
    result = outcome(big, agents)
    # The closed form in logarithms, an independent route to the same probability.
    traffic = big.traffic
    log_terms = [k * math.log(traffic) - math.lgamma(k + 1) for k in range(agents)]
    log_top = (
        agents * math.log(traffic) - math.lgamma(agents + 1) + math.log(agents / (agents - traffic))
    )
    peak = max(*log_terms, log_top)
    top = math.exp(log_top - peak)
    expected = top / (math.fsum(math.exp(t - peak) for t in log_terms) + top)
    assert result.waiting == pytest.approx(expected, rel=1e-9)
    assert 0 < result.service_level <= 1  # at 100,000 agents it is 1 to the last digit
    staffing = agents_needed(big, target=0.9)
    # Square-root staffing: the load plus a few times its square root.
    assert traffic < staffing.on_phones.agents < traffic + 4 * math.sqrt(traffic)
    assert outcome(big, staffing.on_phones.agents - 1).service_level < 0.9


def test_erlang_a_with_endless_patience_is_erlang_c():
    patient = Queue(
        contacts=100, interval_seconds=1800, handle_seconds=180, threshold_seconds=20,
        patience_seconds=1e9,
    )  # fmt: skip
    for agents in (11, 14, 16):
        a, c = outcome(patient, agents), outcome(TEXTBOOK, agents)
        assert a.service_level == pytest.approx(c.service_level, abs=1e-6)
        assert a.waiting == pytest.approx(c.waiting, abs=1e-6)
        assert a.average_wait_seconds == pytest.approx(c.average_wait_seconds, rel=1e-4)
        assert a.abandonment < 1e-6


def simulate(queue: Queue, agents: int, calls: int, seed: int = 1) -> tuple[float, ...]:
    """First come, first served; a caller whose patience runs out leaves unanswered."""
    rng = random.Random(seed)
    now, free_at = 0.0, [0.0] * agents
    in_time = waited = gave_up = 0
    waiting_time = 0.0
    for _ in range(calls):
        now += rng.expovariate(queue.arrival_rate)
        patience_ends = now + rng.expovariate(1 / queue.patience_seconds)
        starts = max(now, free_at[0])
        waited += starts > now
        if starts > patience_ends:
            gave_up += 1
            waiting_time += patience_ends - now
            continue
        heapq.heapreplace(free_at, starts + rng.expovariate(1 / queue.handle_seconds))
        waiting_time += starts - now
        in_time += starts - now <= queue.threshold_seconds
    return in_time / calls, waited / calls, gave_up / calls, waiting_time / calls


@pytest.mark.parametrize("agents", [8, 10, 13])
def test_erlang_a_agrees_with_a_simulation_of_the_queue(agents):
    impatient = Queue(
        contacts=100, interval_seconds=1800, handle_seconds=180, threshold_seconds=20,
        patience_seconds=60,
    )  # fmt: skip
    result = outcome(impatient, agents)
    service_level, waiting, abandonment, average_wait = simulate(impatient, agents, 300_000)
    assert result.service_level == pytest.approx(service_level, abs=0.01)
    assert result.waiting == pytest.approx(waiting, abs=0.01)
    assert result.abandonment == pytest.approx(abandonment, abs=0.01)
    assert result.average_wait_seconds == pytest.approx(average_wait, rel=0.05)


def test_erlang_a_needs_fewer_agents_than_erlang_c_and_can_cap_abandonment():
    contacts = {"contacts": 600, "interval_seconds": 1800, "handle_seconds": 240}
    erlang_c_staff = agents_needed(Queue(**contacts), target=0.9)
    impatient = Queue(**contacts, patience_seconds=90)
    erlang_a_staff = agents_needed(impatient, target=0.9)
    assert erlang_a_staff.on_phones.agents < erlang_c_staff.on_phones.agents
    capped = agents_needed(impatient, target=0.9, max_abandonment=0.01)
    assert capped.on_phones.abandonment <= 0.01
    assert capped.on_phones.agents >= erlang_a_staff.on_phones.agents


def test_no_contacts_need_no_agents():
    quiet = Queue(contacts=0, interval_seconds=900, handle_seconds=180)
    assert agents_needed(quiet, target=0.9).scheduled == 0
    assert outcome(quiet, 3).service_level == 1.0


def test_too_few_agents_without_abandonment_never_catch_up():
    result = outcome(TEXTBOOK, 10)  # exactly the offered load
    assert result.service_level == 0.0
    assert result.average_wait_seconds == math.inf


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Queue(contacts=-1, interval_seconds=900, handle_seconds=180), "negative"),
        (lambda: Queue(contacts=10, interval_seconds=0, handle_seconds=180), "interval"),
        (lambda: Queue(contacts=10, interval_seconds=900, handle_seconds=0), "handle time"),
        (
            lambda: Queue(
                contacts=10, interval_seconds=900, handle_seconds=180, patience_seconds=0
            ),
            "patience",
        ),
        (lambda: agents_needed(TEXTBOOK, target=1.2), "target"),
        (lambda: agents_needed(TEXTBOOK, target=0.8, shrinkage=1), "Shrinkage"),
        (lambda: outcome(TEXTBOOK, -1), "agents"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(build, message):
    with pytest.raises(ValueError, match=message):
        build()


def test_erlang_a_with_thousands_of_agents_stays_a_probability():
    # 40,000 calls an hour of 3 minutes: 2,000 erlangs, callers patient for 90 s on average.
    big = Queue(contacts=40_000, interval_seconds=3600, handle_seconds=180, patience_seconds=90)
    for agents in (1_900, 2_000, 2_050):
        result = outcome(big, agents)
        for share in (result.service_level, result.waiting, result.abandonment, result.occupancy):
            assert 0 <= share <= 1
    assert outcome(big, 1_900).abandonment > outcome(big, 2_050).abandonment
    assert outcome(big, 1_900).service_level < outcome(big, 2_050).service_level


@pytest.mark.parametrize("ahead", [0, 1, 3, 7])
def test_answered_in_time_from_a_place_in_the_queue_matches_the_sum_of_exponentials(ahead):
    """The closed form (incomplete beta) against the textbook density of a sum of exponentials
    with distinct rates, in exact fractions: P(V <= t and patience > V) for one place."""
    from civicdesk.reporting.erlang import _answered_in_time_after_waiting

    agents, service, abandon, threshold = 3, 1 / 180, 1 / 90, 60.0
    place = ahead + 1
    rates = [Fraction(agents, 180) + i * Fraction(1, 90) for i in range(place)]
    theta = Fraction(1, 90)
    expected = 0.0
    for i, rate in enumerate(rates):
        weight = math.prod(other / (other - rate) for j, other in enumerate(rates) if j != i)
        # ∫0^t e^(-theta v) rate e^(-rate v) dv
        expected += float(weight * rate / (rate + theta)) * (
            1 - math.exp(-float(rate + theta) * threshold)
        )
    start = [0.0] * place
    start[-1] = 1.0
    computed = _answered_in_time_after_waiting(start, agents, service, abandon, threshold)
    assert computed == pytest.approx(expected, rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("agents", [1_000, 10_000, 100_000])
def test_erlang_c_agrees_with_a_60_digit_computation(agents):
    """The probability of waiting and the service level against the same recursion carried out
    in 60-digit decimal arithmetic, at 98 % occupancy."""
    from decimal import Decimal, localcontext

    queue = Queue(contacts=agents * 0.98 * 20, interval_seconds=3600, handle_seconds=180)
    with localcontext() as context:
        context.prec = 60
        traffic = Decimal(queue.contacts) / 3600 * 180
        blocking = Decimal(1)
        for k in range(1, agents + 1):
            blocking = traffic * blocking / (k + traffic * blocking)
        waits = agents * blocking / (agents - traffic * (1 - blocking))
        drain = (agents - traffic) / 180
        service_level = 1 - waits * (-drain * 120).exp()
    result = outcome(queue, agents)
    assert result.waiting == pytest.approx(float(waits), rel=1e-12)
    assert result.service_level == pytest.approx(float(service_level), rel=1e-12)


@pytest.mark.parametrize("agents", [1_000, 5_000])
def test_erlang_a_agrees_with_a_60_digit_computation(agents):
    """Erlang A's waiting, abandonment and service level against the same formulas (the
    stationary distribution, and the negative binomial sum for answered in time) carried out in
    60-digit decimal arithmetic, with the load just above the agents."""
    from decimal import Decimal, localcontext

    queue = Queue(
        contacts=agents * 1.02 * 20, interval_seconds=3600, handle_seconds=180,
        patience_seconds=120,
    )  # fmt: skip
    with localcontext() as context:
        context.prec = 60
        arrival = Decimal(queue.contacts) / 3600
        service, abandon, threshold = Decimal(1) / 180, Decimal(1) / 120, Decimal(120)
        weights = [Decimal(1)]
        for k in range(1, agents + 1):
            weights.append(weights[-1] * arrival / (k * service))
        queued = []
        current = weights[-1]
        while True:
            current = current * arrival / (agents * service + (len(queued) + 1) * abandon)
            queued.append(current)
            if current < weights[-1] * Decimal("1e-40"):
                break
        total = sum(weights) + sum(queued)
        no_wait = sum(weights[:agents]) / total
        waiting_callers = sum(j * p for j, p in enumerate(queued, start=1)) / total
        start = [weights[agents] / total, *(p / total for p in queued[:-1])]
        rate = agents * service
        alpha = rate / abandon + 1
        x = (-abandon * threshold).exp()
        mass, below, in_time = x**alpha, Decimal(0), Decimal(0)
        for s, share in enumerate(start, start=1):
            below += mass
            mass = mass * (alpha + s - 1) / s * (1 - x)
            in_time += share * rate / (rate + s * abandon) * (1 - below)
    result = outcome(queue, agents)
    assert result.waiting == pytest.approx(float(1 - no_wait), rel=1e-9)
    assert result.abandonment == pytest.approx(float(abandon * waiting_callers / arrival), rel=1e-9)
    assert result.service_level == pytest.approx(float(no_wait + in_time), rel=1e-9)

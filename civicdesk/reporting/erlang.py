"""Erlang C and Erlang A: what a number of agents achieves on a queue, and how many it needs.

Pure functions, no database; times in seconds. The service level is the share of *offered*
contacts answered within the threshold: a caller who gives up counts against it, whenever
they give up (the strictest of the usual conventions).

Erlang C (M/M/N) assumes nobody hangs up, so it overstates the agents needed where callers
give up. Erlang A (M/M/N+M, Palm's model) adds patience: a waiting caller abandons at rate
1 / average patience. Nothing here computes a factorial or a power that could overflow:
Erlang C goes through the Erlang B recursion, Erlang A's stationary distribution is built in
log space, and its waiting-time distribution by uniformisation (a sum of positive terms), so
results stay exact for thousands of agents.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

NEGLIGIBLE = 1e-12  # where a tail of probabilities is cut off
_MAX_QUEUE = 200_000  # waiting callers considered in Erlang A, far beyond any real queue


@dataclass(frozen=True)
class Queue:
    """The demand of one interval: offered contacts, their handle time, the target."""

    contacts: float  # offered in the interval
    interval_seconds: float
    handle_seconds: float  # average handle time (talk plus after-call work)
    threshold_seconds: float = 120.0  # "answered within"
    patience_seconds: float | None = None  # average patience; None = Erlang C

    def __post_init__(self) -> None:
        if self.contacts < 0:
            raise ValueError("The number of contacts cannot be negative.")
        if self.interval_seconds <= 0:
            raise ValueError("The interval must be longer than zero seconds.")
        if self.handle_seconds <= 0:
            raise ValueError("The average handle time must be longer than zero seconds.")
        if self.threshold_seconds < 0:
            raise ValueError("The service-level threshold cannot be negative.")
        if self.patience_seconds is not None and self.patience_seconds <= 0:
            raise ValueError("The callers' average patience must be longer than zero seconds.")

    @property
    def arrival_rate(self) -> float:
        return self.contacts / self.interval_seconds

    @property
    def traffic(self) -> float:
        """Offered load in erlangs: the agents that would be busy all the time."""
        return self.arrival_rate * self.handle_seconds


@dataclass(frozen=True)
class Outcome:
    agents: int
    service_level: float  # share of offered contacts answered within the threshold
    waiting: float  # share of offered contacts that wait at all
    average_wait_seconds: float  # over every offered contact (math.inf if unbounded)
    occupancy: float  # share of the agents' time spent handling
    abandonment: float  # share of offered contacts that give up (0 under Erlang C)


def erlang_b(agents: int, traffic: float) -> float:
    """Blocking probability: B(k) = A·B(k-1) / (k + A·B(k-1)), B(0) = 1."""
    blocking = 1.0
    for k in range(1, agents + 1):
        blocking = traffic * blocking / (k + traffic * blocking)
    return blocking


def erlang_c(agents: int, traffic: float) -> float:
    """Probability that a contact waits, with `agents` agents offered `traffic` erlangs."""
    if agents <= traffic:
        return 1.0  # the queue grows without bound: everyone waits
    blocking = erlang_b(agents, traffic)
    return agents * blocking / (agents - traffic * (1 - blocking))


def outcome(queue: Queue, agents: int) -> Outcome:
    """What `agents` on the phones achieve for `queue`."""
    if agents < 0:
        raise ValueError("The number of agents cannot be negative.")
    if queue.contacts == 0:
        return Outcome(agents, 1.0, 0.0, 0.0, 0.0, 0.0)
    if agents == 0 and queue.patience_seconds is None:
        return Outcome(0, 0.0, 1.0, math.inf, 0.0, 0.0)
    if queue.patience_seconds is None:
        return _erlang_c_outcome(queue, agents)
    return _erlang_a_outcome(queue, agents)


def _erlang_c_outcome(queue: Queue, agents: int) -> Outcome:
    traffic = queue.traffic
    if agents <= traffic:
        return Outcome(agents, 0.0, 1.0, math.inf, 1.0, 0.0)
    waits = erlang_c(agents, traffic)
    drain = (agents - traffic) / queue.handle_seconds  # rate at which a queue empties
    return Outcome(
        agents=agents,
        service_level=1 - waits * math.exp(-drain * queue.threshold_seconds),
        waiting=waits,
        average_wait_seconds=waits / drain,
        occupancy=traffic / agents,
        abandonment=0.0,
    )


def _stationary(agents: int, arrival: float, service: float, abandon: float):
    """P(k in system) for k = 0..agents, and P(agents busy and j waiting) for j = 1, 2, ..."""
    log_ratio = math.log(arrival / service)
    logs = [0.0]
    for k in range(1, agents + 1):
        logs.append(logs[-1] + log_ratio - math.log(k))
    tail = []
    current, peak = logs[-1], max(logs)
    for waiting in range(1, _MAX_QUEUE + 1):
        leaving = agents * service + waiting * abandon
        current += math.log(arrival) - math.log(leaving)
        tail.append(current)
        peak = max(peak, current)
        if leaving > arrival and current - peak < math.log(NEGLIGIBLE):
            break
    else:
        raise ValueError("The queue does not settle within 200,000 waiting callers.")
    served = [math.exp(value - peak) for value in logs]
    queued = [math.exp(value - peak) for value in tail]
    # Positive terms only: a plain sum is exact to a few thousand ulps, and math.fsum's
    # exactness cost two thirds of an Erlang A staffing solve at 2,000 agents.
    total = sum(served) + sum(queued)
    return [p / total for p in served], [p / total for p in queued]


def _answered_in_time_after_waiting(
    start: list[float], agents: int, service: float, abandon: float, threshold: float
) -> float:
    """P(an arrival waits and is answered within `threshold`).

    `start[s-1]`: P(the arrival finds every agent busy and s-1 callers ahead). From position s
    it moves one place on at rate a + (i-1)·theta from place i (a = N·mu: an agent frees up,
    or a caller ahead gives up), so its wait for an agent V_s is a sum of exponentials with
    rates a, a+theta, ..., a+(s-1)·theta, whose density is K·e^(-a·v)·(1-e^(-theta·v))^(s-1).
    Its own patience is exponential with rate theta, so
        P(answered within t) = E[e^(-theta·V_s); V_s <= t]
                             = a/(a + s·theta) · (1 - I_x(a/theta + 1, s)),  x = e^(-theta·t),
    where I is the regularised incomplete beta function. With s a whole number, I_x(alpha, s)
    is the probability that a negative binomial (alpha, x) count is below s, so every position
    is summed in one pass over the counts, in logarithms (x^alpha underflows at 2,000 agents).
    """
    rate = agents * service
    alpha = rate / abandon + 1
    x = math.exp(-abandon * threshold)
    log_x, log_rest = -abandon * threshold, math.log1p(-x)
    log_mass = alpha * log_x  # log P(count = 0)
    below = 0.0  # P(count < s)
    total = 0.0
    for s, mass in enumerate(start, start=1):
        below += math.exp(log_mass)  # now P(count <= s-1)
        log_mass += math.log(alpha + s - 1) - math.log(s) + log_rest
        if mass > 0.0:
            total += mass * rate / (rate + s * abandon) * max(0.0, 1.0 - below)
    return total


def _erlang_a_outcome(queue: Queue, agents: int) -> Outcome:
    arrival = queue.arrival_rate
    service = 1 / queue.handle_seconds
    abandon = 1 / queue.patience_seconds
    served, queued = _stationary(agents, arrival, service, abandon)
    no_wait = sum(served[:agents])
    # An arrival that finds N busy and j waiting joins as the (j+1)-th: P(N + j in system).
    start = [served[agents], *queued[:-1]]
    waiting_callers = sum(j * p for j, p in enumerate(queued, start=1))
    # served[k] has k <= agents callers in the system, each with an agent.
    busy = sum(k * p for k, p in enumerate(served)) + agents * sum(queued)
    in_time = no_wait + (
        _answered_in_time_after_waiting(start, agents, service, abandon, queue.threshold_seconds)
        if agents
        else 0.0
    )
    return Outcome(
        agents=agents,
        service_level=min(1.0, in_time),
        waiting=1 - no_wait,
        average_wait_seconds=waiting_callers / arrival,  # Little's law
        occupancy=busy / agents if agents else 0.0,
        abandonment=abandon * waiting_callers / arrival,
    )


@dataclass(frozen=True)
class Staffing:
    on_phones: Outcome  # the fewest agents meeting the target, and what they achieve
    scheduled: int  # agents to schedule, shrinkage included


def _fewest_erlang_c_agents(queue: Queue, target: float) -> int:
    """The fewest agents whose Erlang C service level reaches `target`, in one pass: Erlang B is
    carried up agent by agent to the load (below it nobody is answered in time), then each
    further agent is one more step of the same recursion and one exp(), instead of a fresh
    recursion for every candidate of a bisection (100 intervals at 2,000 agents: milliseconds)."""
    traffic, handle, threshold = queue.traffic, queue.handle_seconds, queue.threshold_seconds
    blocking = 1.0
    agents = 0
    while agents + 1 <= traffic:
        agents += 1
        blocking = traffic * blocking / (agents + traffic * blocking)
    while True:
        agents += 1
        blocking = traffic * blocking / (agents + traffic * blocking)
        waits = agents * blocking / (agents - traffic * (1 - blocking))
        if 1 - waits * math.exp(-(agents - traffic) / handle * threshold) >= target:
            return agents


def agents_needed(
    queue: Queue, target: float, shrinkage: float = 0.0, max_abandonment: float | None = None
) -> Staffing:
    """The fewest agents whose service level reaches `target` (0 < target < 1) and, under
    Erlang A, whose abandonment stays at most `max_abandonment`; and how many to schedule when
    a share `shrinkage` of paid time is not on the phones (breaks, training, absence)."""
    if not 0 < target < 1:
        raise ValueError("The service-level target is a share between 0 and 1, such as 0.9.")
    if not 0 <= shrinkage < 1:
        raise ValueError("Shrinkage is a share of at least 0 and less than 1, such as 0.3.")
    if max_abandonment is not None and not 0 <= max_abandonment < 1:
        raise ValueError("The abandonment limit is a share of at least 0 and less than 1.")
    if queue.contacts == 0:
        return Staffing(outcome(queue, 0), 0)

    def enough(result: Outcome) -> bool:
        return result.service_level >= target and (
            max_abandonment is None or result.abandonment <= max_abandonment
        )

    if queue.patience_seconds is None:
        best = outcome(queue, _fewest_erlang_c_agents(queue, target))
        return Staffing(best, math.ceil(best.agents / (1 - shrinkage) - 1e-9))
    # Both figures improve with every agent added: find a bound, then bisect.
    low, high = 0, max(1, math.ceil(queue.traffic))
    while not enough(outcome(queue, high)):
        low, high = high, high * 2
    while high - low > 1:
        middle = (low + high) // 2
        if enough(outcome(queue, middle)):
            high = middle
        else:
            low = middle
    best = outcome(queue, high)
    return Staffing(best, math.ceil(best.agents / (1 - shrinkage) - 1e-9))

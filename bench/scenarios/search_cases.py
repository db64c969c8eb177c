"""(h) Case search p50 and p95 as real agents, per kind of query, newest first.

Through civicdesk.cases.selectors.search_cases, as the search page and the API call it: the
visibility filter inside the engine, the hits read through the actor's queryset and a
highlighted snippet per hit. Two actors per organisation: its general agent (public cases
only) and its expert, a member of the groups that hold confidential cases (their group's
confidential cases as well); experts whose groups hold none are left out.

The queries come from the generated cases themselves, in the organisation's language: the
commonest words of a sample of cases, two words of one case, words seen once in the sample
(rare), the first letters of a word as typed so far, a reference, and no text at all but
status=open and an answer group (the managers' view of a queue).
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable

from django.db.models import Max, Min

from bench.core import latencies_ms, median, p95
from civicdesk.cases.models import Case
from civicdesk.cases.queries import CaseQuery
from civicdesk.cases.selectors import search_cases
from civicdesk.catalog.models import CaseType
from civicdesk.demo.generation.organisations import generated_organisations
from civicdesk.org.choices import Role
from civicdesk.org.models import User

SAMPLE = 2000  # cases read to pick the words
_WORD = re.compile(r"[^\W\d_]{4,}")


def _sample(organisation_id: int, rng: random.Random) -> list[Case]:
    """About SAMPLE cases at random ids: no ORDER BY RANDOM() over a million rows."""
    cases = Case.objects.filter(organisation_id=organisation_id, is_confidential=False)
    bounds = cases.aggregate(low=Min("pk"), high=Max("pk"))
    ids = {rng.randint(bounds["low"], bounds["high"]) for _ in range(SAMPLE * 3)}
    return list(cases.filter(pk__in=ids).only("reference", "subject", "description")[:SAMPLE])


def _words(case: Case) -> list[str]:
    return list(dict.fromkeys(_WORD.findall(f"{case.subject} {case.description}".lower())))


def _queries(cases: list[Case], groups: list[int], rng: random.Random, count: int) -> dict:
    """Per kind of query, `count` CaseQuery objects."""
    frequency = Counter(word for case in cases for word in _words(case))
    common = [word for word, _ in frequency.most_common(20)]
    rare = [word for word, seen in frequency.items() if seen == 1 and len(word) >= 5]
    mid = [word for word, seen in frequency.most_common(300)[20:]]
    pairs = []
    while len(pairs) < count:
        words = [word for word in _words(rng.choice(cases)) if frequency[word] >= 5]
        if len(words) >= 2:
            pairs.append(" ".join(rng.sample(words, 2)))
    prefixes = [word[: rng.randint(3, 5)] for word in common + mid]

    def texts(pool: list[str]) -> list[CaseQuery]:
        return [CaseQuery(text=rng.choice(pool)) for _ in range(count)]

    return {
        "common_word": texts(common),
        "two_words": [CaseQuery(text=pair) for pair in pairs],
        "rare_word": texts(rare or mid),
        "prefix": texts(prefixes),
        "reference": [CaseQuery(reference=rng.choice(cases).reference) for _ in range(count)],
        "filter_only": [
            CaseQuery(status="open", answer_group_id=rng.choice(groups)) for _ in range(count)
        ],
    }


def _actors(organisation) -> dict[str, User]:
    """The organisation's general agent, and its expert if their groups hold confidential
    cases; roles and groups loaded once, as for the rest of a request."""
    people = User.objects.filter(organisation=organisation).select_related("organisation")
    agent = people.filter(role_assignments__role=Role.GENERAL_AGENT).first()
    actors = {"agent": agent}
    expert = people.filter(role_assignments__role=Role.DEPARTMENT_EXPERT).first()
    if Case.objects.filter(
        organisation=organisation, is_confidential=True, answer_group__in=expert.group_ids
    ).exists():
        actors["expert"] = expert
    for actor in actors.values():
        actor.role_set, actor.group_ids  # noqa: B018 (cached properties, loaded once)
    return actors


def _groups(organisation, actor: User) -> list[int]:
    """The queues worth looking at: groups some case type forwards to, the actor's own if
    they are in any."""
    busy = set(
        CaseType.objects.filter(organisation=organisation, default_group__isnull=False)
        .values_list("default_group", flat=True)
        .distinct()
    )
    return sorted(busy & actor.group_ids or busy)


def run(bench) -> None:
    rng = random.Random(bench.seed)
    timings: dict[tuple[str, str], list[float]] = {}
    misses: Counter[tuple[str, str]] = Counter()
    organisations = list(generated_organisations())
    per_organisation = max(1, bench.scale.searches // len(organisations))
    for organisation in organisations:
        cases = _sample(organisation.pk, rng)
        for role, actor in _actors(organisation).items():
            queries = _queries(cases, _groups(organisation, actor), rng, per_organisation)
            for kind, batch in queries.items():
                hits: list[int] = []
                timings.setdefault((role, kind), []).extend(
                    latencies_ms(_searcher(actor, hits), batch)
                )
                misses[role, kind] += hits[-len(batch) :].count(0)  # after the warm-up
    for (role, kind), values in sorted(timings.items()):
        bench.record(f"search.cases.{role}.{kind}.p50", median(values), "ms")
        bench.record(f"search.cases.{role}.{kind}.p95", p95(values), "ms")
        if misses[role, kind]:
            bench.note(
                f"search.cases.{role}.{kind}: {misses[role, kind]} of {len(values)} queries "
                "found nothing"
            )


def _searcher(actor: User, hits: list[int]) -> Callable[[CaseQuery], None]:
    """search_cases as the timed call, keeping how many cases each query found."""

    def search(query: CaseQuery) -> None:
        hits.append(len(search_cases(actor, query).cases))

    return search

"""(k) Knowledge search: index build over generated articles and cards, search p50/p95, memory.

Writes `scale.cases // 20` published articles and service cards (50,000 at full scale, one
card per ten) into the generated organisations, beside the cases the bench generated, and
times the search module's part of it (`knowledge.index.*`). Then, as each organisation's
general agent, times `knowledge.selectors.search_knowledge` as the search box and the
suggestion panel call it (`knowledge.search.<kind>.p50/.p95`):

- keywords: two or three words of a corpus query, prefix on the last (the search box);
- question: a whole question from the relevance set, keywords any-matched (suggestions);
- prefix: the first 3-5 letters of a word, as typed;
- unified: the search page's full work, knowledge plus `cases.selectors.search_cases`.

Queries are the relevance set's, in the organisation's language. Target: p95 at most 50 ms.
Finally a fresh process acting as the web server serves the search page and the article list
200 times through the whole middleware stack and reports its peak memory
(`knowledge.web.peak_rss`).
"""

from __future__ import annotations

import os
import random
import resource
import subprocess
import sys
from pathlib import Path

from bench.core import latencies_ms, median, p95
from civicdesk.cases.queries import CaseQuery
from civicdesk.cases.selectors import search_cases
from civicdesk.demo.generation.base import refresh_planner_statistics
from civicdesk.demo.generation.organisations import generated_organisations
from civicdesk.demo.knowledge import generate_articles
from civicdesk.knowledge import relevance
from civicdesk.knowledge.models import Article, ServiceCard
from civicdesk.knowledge.selectors import search_knowledge
from civicdesk.org.choices import Role
from civicdesk.org.models import User

REPOSITORY = Path(__file__).resolve().parents[2]
WEB_REQUESTS = 200


def _entries(organisation) -> int:
    return (
        Article.objects.filter(organisation=organisation).count()
        + ServiceCard.objects.filter(organisation=organisation).count()
    )


def _agent(organisation) -> User:
    agent = (
        User.objects.filter(organisation=organisation, role_assignments__role=Role.GENERAL_AGENT)
        .select_related("organisation")
        .first()
    )
    agent.role_set, agent.group_ids  # noqa: B018 (cached once, as for the rest of a request)
    return agent


def _queries(language: str, rng: random.Random, count: int) -> dict[str, list[str]]:
    questions = [item["query"] for item in relevance.queries() if item["language"] == language]
    words = [word for question in questions for word in question.split() if len(word) >= 5]
    keywords = []
    for _ in range(count):
        picked = rng.choice(questions).split()
        keywords.append(" ".join(rng.sample(picked, min(len(picked), rng.randint(2, 3)))))
    return {
        "keywords": keywords,
        "question": [rng.choice(questions) for _ in range(count)],
        "prefix": [rng.choice(words)[: rng.randint(3, 5)] for _ in range(count)],
        "unified": [rng.choice(questions) for _ in range(count)],
    }


def _search(agent: User, kind: str):
    if kind == "unified":

        def unified(text: str) -> None:
            search_knowledge(agent, text, limit=60)
            search_cases(agent, CaseQuery(text=text, limit=5))

        return unified
    return lambda text: search_knowledge(agent, text, limit=20)


def run(bench) -> None:
    organisations = list(generated_organisations())
    total = max(1000, bench.scale.cases // 20)
    per_organisation = total // len(organisations)
    indexing = 0.0
    written = 0
    for organisation in organisations:
        # Up to the target, as the generation steps do: a rerun against a kept database
        # neither doubles the entries nor reports an index build that did not happen.
        missing = max(0, per_organisation - _entries(organisation))
        for _done, seconds in generate_articles(
            organisation=organisation, count=missing, seed=bench.seed
        ):
            indexing += seconds
        written += missing
        print(f"  {organisation.slug}: {missing:,} articles and cards written", flush=True)
    bench.record("knowledge.articles_and_cards", sum(map(_entries, organisations)), "count")
    if written:
        bench.record("knowledge.index.seconds", indexing, "s")
        bench.record("knowledge.index.rate", written / indexing if indexing else 0, "entries/s")
        # As generate_data does after its bulk load: without it PostgreSQL still believed
        # there were no articles, and each search spent 70 ms finding the newest (measured).
        refresh_planner_statistics()
    else:
        bench.note("knowledge.index: the entries were there already; no index build timed")

    rng = random.Random(bench.seed)
    timings: dict[str, list[float]] = {}
    count = max(20, bench.scale.searches // len(organisations))
    for organisation in organisations:
        agent = _agent(organisation)
        for kind, texts in _queries(organisation.default_language, rng, count).items():
            timings.setdefault(kind, []).extend(latencies_ms(_search(agent, kind), texts))
    for kind, values in timings.items():
        bench.record(f"knowledge.search.{kind}.p50", median(values), "ms")
        bench.record(f"knowledge.search.{kind}.p95", p95(values), "ms")
        if kind != "unified" and p95(values) > 50:
            bench.note(f"knowledge.search.{kind}: p95 {p95(values):.1f} ms is above 50 ms")

    agent = _agent(organisations[0])
    peak = _web_process_peak(agent.pk, organisations[0].default_language)
    if peak:
        bench.record("knowledge.web.peak_rss", peak, "MiB")


def _web_process_peak(agent_id: int, language: str) -> float | None:
    """A new process, as a web worker would be, serving the knowledge pages."""
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(agent_id), language],
        cwd=REPOSITORY,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    if result.returncode != 0:
        print(result.stderr[-2000:], flush=True)
        return None
    return float(result.stdout.strip().splitlines()[-1])


_CHILD = (
    "import sys, django; django.setup(); "
    "from bench.scenarios.knowledge_search import serve; serve(int(sys.argv[1]), sys.argv[2])"
)


def serve(agent_id: int, language: str) -> None:
    """The child process: Django is set up, the knowledge pages are served, memory printed."""
    from django.test import Client

    client = Client()
    client.force_login(
        User.objects.get(pk=agent_id), backend="django.contrib.auth.backends.ModelBackend"
    )
    questions = [item["query"] for item in relevance.queries() if item["language"] == language]
    for index in range(WEB_REQUESTS):
        if index % 4 == 3:
            client.get("/knowledge/articles/")
        else:
            client.get("/search/", {"q": questions[index % len(questions)]})
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
